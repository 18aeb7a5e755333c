package org.pidlink.core.identifiers;

/**
 * Trims what metadata actually surrounds identifiers with: ASCII and Unicode whitespace, line breaks and
 * indentation, but also no-break spaces, zero-width spaces and stray byte-order marks, which
 * {@link String#strip()} keeps.
 */
final class Whitespace {

    private Whitespace() {
    }

    static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return start == 0 && end == s.length() ? s : s.substring(start, end);
    }

    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF';
    }
}
