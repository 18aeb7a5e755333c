package org.pidlink.orcid.client;

/** The text rules of ORCID's schema for affiliation fields, with the field's name in every message. */
final class Texts {

    private Texts() {
    }

    /**
     * {@code text} stripped, null when blank (ORCID's {@code long-text} refuses blank strings); longer than
     * {@code max} UTF-16 units (ORCID's Java validator counts units) is refused.
     */
    static String optional(String field, String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        if (t.length() > max) {
            throw new IllegalArgumentException(field + ": " + t.length() + " characters; ORCID takes at most " + max);
        }
        return t;
    }
}
