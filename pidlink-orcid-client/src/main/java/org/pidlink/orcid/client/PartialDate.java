package org.pidlink.orcid.client;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date as ORCID takes it for affiliations ({@code common:fuzzy-date}): a year, optionally a month, optionally a
 * day (only with a month). The year is 1900-2100 (the XSD), and the parts form a real date (ORCID's 9049).
 *
 * @param month 1-12, or null
 * @param day   1-31 and real in its month, or null; needs a month
 */
public record PartialDate(int year, Integer month, Integer day) implements Comparable<PartialDate> {

    private static final Pattern TEXT = Pattern.compile("(\\d{4})(?:-(\\d{1,2})(?:-(\\d{1,2}))?)?");

    public PartialDate {
        if (year < 1900 || year > 2100) {
            throw new IllegalArgumentException("year " + year + " is outside ORCID's 1900-2100");
        }
        if (day != null && month == null) {
            throw new IllegalArgumentException("a day needs a month");
        }
        try {
            LocalDate.of(year, month == null ? 1 : month, day == null ? 1 : day);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("not a date: " + text(year, month, day), e);
        }
    }

    public static PartialDate of(int year) {
        return new PartialDate(year, null, null);
    }

    public static PartialDate of(int year, int month) {
        return new PartialDate(year, month, null);
    }

    public static PartialDate of(int year, int month, int day) {
        return new PartialDate(year, month, day);
    }

    /**
     * {@code yyyy}, {@code yyyy-MM} or {@code yyyy-MM-dd} (one-digit months and days accepted).
     *
     * @throws IllegalArgumentException for anything else, or a date that does not exist
     */
    public static PartialDate parse(String text) {
        Matcher m = TEXT.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a date of the form yyyy, yyyy-MM or yyyy-MM-dd");
        }
        return new PartialDate(Integer.parseInt(m.group(1)), m.group(2) == null ? null : Integer.valueOf(m.group(2)),
                m.group(3) == null ? null : Integer.valueOf(m.group(3)));
    }

    /**
     * ORCID's order ({@code FuzzyDateUtils}): compared as {@code yyyyMMdd} with missing parts as 00, so 2020 comes
     * before 2020-05 and an end date of 2020 after a start of 2020-05 is refused (9055).
     */
    @Override
    public int compareTo(PartialDate o) {
        return Integer.compare(sortable(), o.sortable());
    }

    private int sortable() {
        return year * 10_000 + (month == null ? 0 : month) * 100 + (day == null ? 0 : day);
    }

    /** {@code yyyy}, {@code yyyy-MM} or {@code yyyy-MM-dd}. */
    @Override
    public String toString() {
        return text(year, month, day);
    }

    private static String text(int year, Integer month, Integer day) {
        return year + (month == null ? "" : "-%02d".formatted(month)) + (day == null ? "" : "-%02d".formatted(day));
    }
}
