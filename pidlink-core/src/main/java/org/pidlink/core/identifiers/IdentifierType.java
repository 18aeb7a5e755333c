package org.pidlink.core.identifiers;

import java.util.Objects;

/**
 * One ORCID external-identifier type (a row of ORCID's {@code identifier_type} table, v3.0 API).
 *
 * @param apiName          the {@code external-id-type} value, e.g. {@code doi}, {@code grant_number}
 * @param resolutionPrefix URL prefix ORCID resolves values with, or {@code ""} when it has none
 * @param caseSensitive    when false, ORCID lower-cases values before comparing them
 * @param dbName           ORCID's internal name, e.g. {@code DOI}, {@code GRANT_NUMBER}
 * @param primaryUse       {@code work} or {@code funding}
 * @param deprecated       whether ORCID still accepts it for new items
 * @param normalizer       name of ORCID's type-specific normalizer ({@code DOINormalizer}), or {@code ""} when
 *                         only the case step applies
 */
public record IdentifierType(
        String apiName,
        String resolutionPrefix,
        boolean caseSensitive,
        String dbName,
        String primaryUse,
        boolean deprecated,
        String normalizer) {

    public IdentifierType {
        Objects.requireNonNull(apiName, "apiName");
        Objects.requireNonNull(resolutionPrefix, "resolutionPrefix");
        Objects.requireNonNull(dbName, "dbName");
        Objects.requireNonNull(primaryUse, "primaryUse");
        Objects.requireNonNull(normalizer, "normalizer");
    }

    public boolean hasResolutionPrefix() {
        return !resolutionPrefix.isEmpty();
    }
}
