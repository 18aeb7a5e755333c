package org.pidlink.core.metadata.support;

import java.util.regex.Pattern;

/** Text clean-up shared by the readers. */
public final class Texts {

    private static final Pattern TAG = Pattern.compile("</?[A-Za-z][A-Za-z0-9:_.-]*(?:\\s[^<>]*)?/?>");
    private static final Pattern NUMERIC_ENTITY = Pattern.compile("&#(x[0-9a-fA-F]{1,6}|[0-9]{1,7});");

    private Texts() {
    }

    /** Trims and collapses every run of whitespace (Unicode included) to one space; null when nothing is left. */
    public static String collapse(String s) {
        if (s == null) {
            return null;
        }
        int n = s.length();
        if (isCollapsed(s, n)) {
            return s;
        }
        // one pass into a char array: this runs over every text of every record, abstracts included
        char[] out = new char[n];
        int len = 0;
        boolean pendingSpace = false;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (isSpace(c)) {
                pendingSpace = len > 0;
            } else {
                if (pendingSpace) {
                    out[len++] = ' ';
                    pendingSpace = false;
                }
                out[len++] = c;
            }
        }
        return len == 0 ? null : new String(out, 0, len);
    }

    /** True when collapsing would change nothing: most values are already clean. */
    private static boolean isCollapsed(String s, int n) {
        if (n == 0 || isSpace(s.charAt(0)) || isSpace(s.charAt(n - 1))) {
            return false;
        }
        char previous = 'x';
        for (int i = 1; i < n - 1; i++) {
            char c = s.charAt(i);
            if (c == ' ') {
                if (previous == ' ') {
                    return false;
                }
            } else if ((c < ' ' || c > '~') && isSpace(c)) {
                return false;
            }
            previous = c;
        }
        return true;
    }

    /** Trims Unicode whitespace; null when nothing is left. */
    public static String trim(String s) {
        if (s == null) {
            return null;
        }
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return start == end ? null : s.substring(start, end);
    }

    /** Removes every whitespace and invisible formatting character, also inside the value (ORCID iDs broken over lines). */
    public static String removeSpaces(String s) {
        int first = 0;
        while (first < s.length() && !isSpace(s.charAt(first))) {
            first++;
        }
        if (first == s.length()) {
            // The usual case (every iD of a record): nothing to remove, nothing copied.
            return s;
        }
        StringBuilder out = new StringBuilder(s.length()).append(s, 0, first);
        for (int i = first; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isSpace(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Text from a JSON string that may hold markup (Crossref titles with {@code <i>}, JATS abstracts): tags removed,
     * the five XML entities and numeric references decoded, whitespace collapsed.
     */
    public static String stripMarkup(String s) {
        if (s == null) {
            return null;
        }
        if (s.indexOf('<') < 0 && s.indexOf('&') < 0) {
            return collapse(s);
        }
        String text = TAG.matcher(s).replaceAll(" ");
        text = NUMERIC_ENTITY.matcher(text).replaceAll(m -> {
            String code = m.group(1);
            int cp = code.charAt(0) == 'x' ? Integer.parseInt(code.substring(1), 16) : Integer.parseInt(code);
            return Character.isValidCodePoint(cp) ? java.util.regex.Matcher.quoteReplacement(Character.toString(cp)) : " ";
        });
        text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&nbsp;", " ").replace("&amp;", "&");
        return collapse(text);
    }

    /** True for whitespace, no-break spaces and zero-width characters. */
    public static boolean isSpace(char c) {
        if (c > ' ' && c < 0x7F) {
            return false;
        }
        return Character.isWhitespace(c) || Character.isSpaceChar(c)
                || c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF';
    }

    public static boolean isBlank(String s) {
        return trim(s) == null;
    }
}
