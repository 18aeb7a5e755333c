package org.pidlink.app.registrants;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Where a suggestion stands. */
public enum SuggestionStatus {
    /** Told, not decided. */
    OPEN("open"),
    /** The registrant will add the iD with its next metadata; pidlink waits for it. */
    ACCEPTED("accepted, expecting the iD in the next metadata"),
    /** The registrant declined (its reason is shown to it only). */
    REJECTED("rejected"),
    /** Metadata carrying the iD arrived. */
    ADDED_TO_METADATA("added to metadata"),
    /** The researcher withdrew her claim before it was decided. */
    WITHDRAWN("withdrawn by the researcher");

    private final String text;

    SuggestionStatus(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    /** {@code added_to_metadata}, as the API writes it. */
    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
