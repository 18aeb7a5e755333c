package org.pidlink.core.identifiers;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ORCID iD with a valid ISO 7064 MOD 11-2 checksum, held in its canonical form {@code 0000-0002-1825-0097}.
 */
public record OrcidId(String value) {

    private static final Pattern PREFIX = Pattern.compile(
            "^(?:(?:https?://)?(?:www\\.|sandbox\\.)?orcid\\.org/)", Pattern.CASE_INSENSITIVE);
    private static final Pattern DIGITS = Pattern.compile("^(\\d{4})-?(\\d{4})-?(\\d{4})-?(\\d{3}[\\dX])$");

    public OrcidId {
        Objects.requireNonNull(value, "value");
        if (!DIGITS.matcher(value).matches() || value.length() != 19 || !checksumValid(value.replace("-", ""))) {
            throw new InvalidIdentifierException("ORCID iD", value, "not in canonical form 0000-0000-0000-0000");
        }
    }

    /** Parses any spelling of an ORCID iD found in DOI metadata. */
    public static OrcidId parse(String input) {
        if (input == null || input.isBlank()) {
            throw new InvalidIdentifierException("ORCID iD", String.valueOf(input), "blank");
        }
        String s = input.strip();
        Matcher prefix = PREFIX.matcher(s);
        while (prefix.find()) {
            s = s.substring(prefix.end()).strip();
            prefix = PREFIX.matcher(s);
        }
        if (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        s = s.toUpperCase(java.util.Locale.ROOT);
        Matcher m = DIGITS.matcher(s);
        if (!m.matches()) {
            throw new InvalidIdentifierException("ORCID iD", input, "not an ORCID iD");
        }
        String digits = m.group(1) + m.group(2) + m.group(3) + m.group(4);
        if (!checksumValid(digits)) {
            throw new InvalidIdentifierException("ORCID iD", input, "bad checksum");
        }
        return new OrcidId(m.group(1) + "-" + m.group(2) + "-" + m.group(3) + "-" + m.group(4));
    }

    /** {@code https://orcid.org/0000-0002-1825-0097} */
    public String uri() {
        return "https://orcid.org/" + value;
    }

    @Override
    public String toString() {
        return value;
    }

    static char checkDigit(String first15Digits) {
        int total = 0;
        for (int i = 0; i < first15Digits.length(); i++) {
            total = (total + (first15Digits.charAt(i) - '0')) * 2;
        }
        int result = (12 - total % 11) % 11;
        return result == 10 ? 'X' : (char) ('0' + result);
    }

    private static boolean checksumValid(String sixteen) {
        return checkDigit(sixteen.substring(0, 15)) == sixteen.charAt(15);
    }
}
