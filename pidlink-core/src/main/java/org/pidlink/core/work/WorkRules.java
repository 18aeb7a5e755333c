package org.pidlink.core.work;

import java.net.URI;
import java.net.URISyntaxException;

/** ORCID's field limits and text rules, in one place, so the model and the mapper agree on them. */
final class WorkRules {

    static final int MAX_TITLE = 1000;
    static final int MAX_SHORT_DESCRIPTION = 5000;
    static final int MAX_CREDIT_NAME = 150;
    static final int MAX_URL = 2084;

    private WorkRules() {
    }

    static void requireText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidWorkException(field + " is required and must not be blank"
                    + (field.equals("title") ? " (ORCID error 9022)" : " (ORCID error 9020)"));
        }
        checkLength(field, value, max);
    }

    static void optionalText(String field, String value, int max) {
        if (value != null) {
            requireText(field, value, max);
        }
    }

    private static void checkLength(String field, String value, int max) {
        if (value.length() > max) {
            throw new InvalidWorkException(field + " is longer than ORCID's " + max + " characters");
        }
    }

    static void maxLength(String field, String value, int max) {
        if (value != null) {
            checkLength(field, value, max);
        }
    }

    /** An absolute URI with a scheme, as ORCID's {@code xs:anyURI} fields need it to be useful. */
    static boolean isAbsoluteUri(String value) {
        if (value == null || value.isBlank() || value.length() > MAX_URL) {
            return false;
        }
        try {
            URI uri = new URI(value);
            return uri.isAbsolute() && uri.getScheme() != null
                    && (uri.getHost() != null || !uri.getScheme().startsWith("http"));
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
