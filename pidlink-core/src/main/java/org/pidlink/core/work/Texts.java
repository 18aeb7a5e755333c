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
