package org.pidlink.core.identifiers;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Undoes XML escaping the way ORCID's DOI normalizer does: the five predefined entities and numeric character
 * references, applied until the text stops shrinking, because values arrive escaped more than once
 * ({@code &amp;amp;lt;}).
 */
final class XmlEntities {

    private static final Pattern ENTITY = Pattern.compile("&(?:(amp|lt|gt|quot|apos)|#(\\d{1,7})|#[xX]([0-9a-fA-F]{1,6}));");

    private XmlEntities() {
    }

    static String unescapeRepeatedly(String value) {
        String current = value;
        while (true) {
            String next = unescapeOnce(current);
            if (next.length() >= current.length()) {
                return next;
            }
            current = next;
        }
    }

    static String unescapeOnce(String value) {
        Matcher m = ENTITY.matcher(value);
        StringBuilder out = null;
        int last = 0;
        while (m.find()) {
            String replacement = replacement(m);
            if (replacement == null) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(value.length());
            }
            out.append(value, last, m.start()).append(replacement);
            last = m.end();
        }
        if (out == null) {
            return value;
        }
        return out.append(value, last, value.length()).toString();
    }

    private static String replacement(Matcher m) {
        if (m.group(1) != null) {
            return switch (m.group(1)) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                default -> "'";
            };
        }
        int codePoint = m.group(2) != null ? Integer.parseInt(m.group(2)) : Integer.parseInt(m.group(3), 16);
        return Character.isValidCodePoint(codePoint) ? Character.toString(codePoint) : null;
    }
}
