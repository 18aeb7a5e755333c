package org.pidlink.core.metadata;

/**
 * A date known to the year, the month or the day, the three shapes ORCID accepts.
 *
 * @param year  the year
 * @param month 1 to 12, or null
 * @param day   1 to 31, or null (only with a month)
 */
public record PartialDate(int year, Integer month, Integer day) implements Comparable<PartialDate> {

    public PartialDate {
        if (month == null && day != null) {
            throw new IllegalArgumentException("a day needs a month");
        }
        if (month != null && (month < 1 || month > 12)) {
            throw new IllegalArgumentException("month out of range: " + month);
        }
        if (day != null && (day < 1 || day > 31)) {
            throw new IllegalArgumentException("day out of range: " + day);
        }
    }

    /** Earlier first; a date known only to the year sorts before the days of that year. */
    @Override
    public int compareTo(PartialDate other) {
        int c = Integer.compare(year, other.year);
        if (c == 0) {
            c = Integer.compare(month == null ? 0 : month, other.month == null ? 0 : other.month);
        }
        if (c == 0) {
            c = Integer.compare(day == null ? 0 : day, other.day == null ? 0 : other.day);
        }
        return c;
    }
}
