package org.pidlink.core.work;

/** Text clean-up for ORCID fields: XML-safe characters, collapsed whitespace, word-boundary truncation. */
final class Texts {

    private static final char ELLIPSIS = '…';

    private Texts() {
    }

    /**
     * Drops characters XML 1.0 cannot carry (ORCID stores works as XML), collapses whitespace and trims;
     * null when nothing is left.
     */
    static String clean(String s) {
        if (s == null) {
            return null;
        }
        if (alreadyClean(s)) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                space = !out.isEmpty();
                continue;
            }
            if (!isXmlChar(cp)) {
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.appendCodePoint(cp);
        }
        return out.isEmpty() ? null : out.toString();
    }

    /**
     * True when {@link #clean} would return the string unchanged: the readers already collapse whitespace, so
     * this is the common case and costs one pass without allocating.
     */
    private static boolean alreadyClean(String s) {
        int n = s.length();
        if (n == 0 || s.charAt(0) == ' ' || s.charAt(n - 1) == ' ') {
            return false;
        }
        char previous = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (c < ' ' || c == ' ' && previous == ' ') {
                    return false;
                }
            } else if (Character.isSurrogate(c) || c >= 0xFFFE || Character.isWhitespace(c)
                    || Character.isSpaceChar(c)) {
                return false;
            }
            previous = c;
        }
        return true;
    }

    /** Lower-case ASCII letters only, everything else dropped: a cheap key for vocabulary lookups. */
    static String letters(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z') {
                out.append(c);
            } else if (c >= 'A' && c <= 'Z') {
                out.append((char) (c + ('a' - 'A')));
            }
        }
        return out.toString();
    }

    /** Cleans and, if longer than {@code max}, cuts at the last word boundary and marks the cut with "…". */
    static String cleanAndFit(String s, int max) {
        String cleaned = clean(s);
        if (cleaned == null || cleaned.length() <= max) {
            return cleaned;
        }
        int end = max - 1;
        if (Character.isLowSurrogate(cleaned.charAt(end))) {
            end--;
        }
        int space = cleaned.lastIndexOf(' ', end);
        if (space > max / 2) {
            end = space;
        }
        String cut = cleaned.substring(0, end).stripTrailing();
        while (!cut.isEmpty() && ",;:.-–—".indexOf(cut.charAt(cut.length() - 1)) >= 0) {
            cut = cut.substring(0, cut.length() - 1).stripTrailing();
        }
        return cut + ELLIPSIS;
    }

    private static boolean isXmlChar(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD
                || cp >= 0x20 && cp <= 0xD7FF
                || cp >= 0xE000 && cp <= 0xFFFD
                || cp >= 0x10000 && cp <= 0x10FFFF;
    }
}
