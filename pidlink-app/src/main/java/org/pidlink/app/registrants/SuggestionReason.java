package org.pidlink.app.registrants;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Why pidlink suggests a change to a registrant's metadata. */
public enum SuggestionReason {
    /** A researcher claimed the DOI (Search &amp; Link, import, ORCID read back); the metadata lacks her iD. */
    CLAIMED("claimed by the researcher"),
    /** An iD in the metadata fails its checksum: it names nobody. */
    INVALID_CHECKSUM("iD in the metadata fails its checksum"),
    /** An iD in the metadata belongs to a record merged into another (use the primary iD). */
    DEPRECATED_RECORD("iD in the metadata belongs to a deprecated ORCID record"),
    /** An iD in the metadata belongs to a record its owner deactivated. */
    DEACTIVATED_RECORD("iD in the metadata belongs to a deactivated ORCID record");

    private final String text;

    SuggestionReason(String text) {
        this.text = text;
    }

    /** {@code invalid_checksum}, as the API writes it. */
    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String text() {
        return text;
    }
}
