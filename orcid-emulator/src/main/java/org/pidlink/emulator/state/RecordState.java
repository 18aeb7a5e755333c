package org.pidlink.emulator.state;

import java.util.Locale;

/** The state of an ORCID record, as the API sees it (orcid-api.md §3.1 step 1). */
public enum RecordState {
    ACTIVE, DEACTIVATED, LOCKED, DEPRECATED;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RecordState fromJson(String s) {
        for (RecordState v : values()) {
            if (v.jsonName().equals(s)) {
                return v;
            }
        }
        throw new IllegalArgumentException("state must be one of active, deactivated, locked, deprecated; got " + s);
    }
}
