package org.pidlink.core.metadata.support;

import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.pidlink.core.metadata.PartialDate;

/** Reads the year, month and day that the sources spell in many ways. */
public final class Dates {

    /** {@code 2016}, {@code 2016-03}, {@code 2016-03-11}, also as the start of a range or a timestamp. */
    private static final Pattern LEADING = Pattern.compile("^(\\d{4})(?:-(\\d{1,2})(?:-(\\d{1,2}))?)?(?=$|[^0-9])");

    private Dates() {
    }

    /**
     * The leading {@code YYYY(-MM(-DD))} of a DataCite date; for a range {@code start/end} that is the start.
     * A month or day out of range is dropped, keeping what is certain. Null when the value has no such start
     * (BCE years, free text, an open range {@code /2020}).
     */
    public static PartialDate parse(String raw) {
        String s = Texts.trim(raw);
        if (s == null) {
            return null;
        }
        Matcher m = LEADING.matcher(s);
        if (!m.find()) {
            return null;
        }
        return of(Integer.parseInt(m.group(1)),
                m.group(2) == null ? null : Integer.parseInt(m.group(2)),
                m.group(3) == null ? null : Integer.parseInt(m.group(3)));
    }

    /**
     * A date from parts (Crossref {@code date-parts}, {@code year/month/day} elements). Crossref months 21 to 34
     * (seasons, quarters) and impossible days are dropped rather than the whole date. Null without a usable year.
     */
    public static PartialDate of(Integer year, Integer month, Integer day) {
        if (year == null || year < 1 || year > 9999) {
            return null;
        }
        if (month == null || month < 1 || month > 12) {
            return new PartialDate(year, null, null);
        }
        if (day == null || day < 1 || day > YearMonth.of(year, month).lengthOfMonth()) {
            return new PartialDate(year, month, null);
        }
        return new PartialDate(year, month, day);
    }

    /** An integer from text such as {@code " 04 "}; null when it is not one. */
    public static Integer parseInt(String raw) {
        String s = Texts.trim(raw);
        if (s == null || s.length() > 9) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return null;
            }
        }
        return Integer.parseInt(s);
    }
}
