package org.pidlink.app.affiliations;

import java.util.List;
import java.util.stream.Collectors;

/** Writes CSV lines (RFC 4180) for the exports; a value a spreadsheet would run as a formula is prefixed by {@code '}. */
final class Csv {

    private Csv() {
    }

    static String line(List<String> values) {
        return values.stream().map(Csv::value).collect(Collectors.joining(",")) + "\r\n";
    }

    static String value(String v) {
        if (v == null) {
            return "";
        }
        String s = !v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
