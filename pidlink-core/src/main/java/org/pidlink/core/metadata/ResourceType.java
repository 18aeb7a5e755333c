package org.pidlink.core.metadata;

/**
 * The work's type as the source states it; the type mapping turns it into an ORCID work type.
 *
 * @param scheme  {@code datacite} or {@code crossref}
 * @param general DataCite's resourceTypeGeneral or Crossref's type (for example {@code Dataset}, {@code journal-article})
 * @param text    DataCite's free-text resourceType, or null
 */
public record ResourceType(String scheme, String general, String text) {
}
