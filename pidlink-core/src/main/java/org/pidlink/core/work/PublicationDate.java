package org.pidlink.core.work;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * A publication date in one of ORCID's three shapes, {@code yyyy}, {@code yyyy-MM} or {@code yyyy-MM-dd}.
 * ORCID's schema takes years 1900 to 2100 only, and the date must exist (ORCID error 9049).
 */
public record PublicationDate(int year, Integer month, Integer day) {

    public static final int MIN_YEAR = 1900;
    public static final int MAX_YEAR = 2100;

    public PublicationDate {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new InvalidWorkException("publication year " + year + " is outside ORCID's range "
                    + MIN_YEAR + "-" + MAX_YEAR);
        }
        if (month == null && day != null) {
            throw new InvalidWorkException("a publication day needs a month (ORCID error 9020)");
        }
        if (month != null && (month < 1 || month > 12)) {
            throw new InvalidWorkException("invalid publication month " + month + " (ORCID error 9049)");
        }
        if (day != null) {
            try {
                LocalDate.of(year, month, day);
            } catch (DateTimeException e) {
                throw new InvalidWorkException("invalid date " + year + "-" + month + "-" + day
                        + " (ORCID error 9049)");
            }
        }
    }

    /** True when {@link PublicationDate} would accept these parts. */
    public static boolean isValid(int year, Integer month, Integer day) {
        try {
            new PublicationDate(year, month, day);
            return true;
        } catch (InvalidWorkException e) {
            return false;
        }
    }

    public String yearText() {
        return Integer.toString(year);
    }

    /** Two digits, as ORCID requires ("05", never "5"), or null. */
    public String monthText() {
        return month == null ? null : twoDigits(month);
    }

    public String dayText() {
        return day == null ? null : twoDigits(day);
    }

    private static String twoDigits(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    @Override
    public String toString() {
        return yearText() + (month == null ? "" : "-" + monthText()) + (day == null ? "" : "-" + dayText());
    }
}
