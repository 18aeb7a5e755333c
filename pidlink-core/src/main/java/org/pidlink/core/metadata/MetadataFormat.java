package org.pidlink.core.metadata;

/** The formats pidlink reads DOI metadata from. The {@link #label()} is what {@code inspect} prints. */
public enum MetadataFormat {
    DATACITE_XML("datacite-xml"),
    DATACITE_JSON("datacite-json"),
    CROSSREF_XML("crossref-xml"),
    CROSSREF_UNIXSD("crossref-unixsd"),
    CROSSREF_JSON("crossref-json");

    private final String label;

    MetadataFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
