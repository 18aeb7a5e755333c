package org.pidlink.core.metadata;

/**
 * @param type                the related identifier's type ({@code DOI}, {@code URL}, {@code ISSN}, ...)
 * @param value               the value, trimmed
 * @param relationType        DataCite's relationType ({@code IsVersionOf}, {@code IsPartOf}, ...) or Crossref's relation name
 * @param resourceTypeGeneral the related resource's general type, or null
 */
public record RelatedIdentifier(String type, String value, String relationType, String resourceTypeGeneral) {
}
