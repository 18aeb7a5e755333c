package org.pidlink.emulator.state;

/** ORCID's visibility values, by their API spelling. */
public enum Visibility {
    PUBLIC("public"), LIMITED("limited"), REGISTERED_ONLY("registered-only"), PRIVATE("private");

    private final String value;

    Visibility(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Visibility fromValue(String s) {
        for (Visibility v : values()) {
            if (v.value.equals(s)) {
                return v;
            }
        }
        throw new IllegalArgumentException("visibility must be public, limited, registered-only or private; got " + s);
    }
}
