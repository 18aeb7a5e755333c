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

    /**
     * The common case without a full parse: {@code http(s)://host/…} with a plain host and only characters a URI
     * path, query or fragment may hold unescaped.
     */
    private static boolean isPlainHttpUrl(String value) {
        int start = value.startsWith("https://") ? 8 : value.startsWith("http://") ? 7 : -1;
        if (start < 0) {
            return false;
        }
        int i = start;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-') {
                i++;
            } else {
                break;
            }
        }
        if (i == start || i < value.length() && value.charAt(i) != '/') {
            return false;
        }
        return isUriSafe(value, i);
    }

    /** Whether every character from {@code from} on may stand unescaped in a URI's path, query or fragment. */
    static boolean isUriSafe(String value, int from) {
        boolean fragment = false;
        for (int i = from; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
                continue;
            }
            if (c == '#') {
                if (fragment) {
                    return false;
                }
                fragment = true;
                continue;
            }
            if ("-._~!$&'()*+,;=:@/?".indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /** An absolute URI with a scheme, as ORCID's {@code xs:anyURI} fields need it to be useful. */
    static boolean isAbsoluteUri(String value) {
        if (value == null || value.isBlank() || value.length() > MAX_URL) {
            return false;
        }
        if (isPlainHttpUrl(value)) {
            return true;
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
