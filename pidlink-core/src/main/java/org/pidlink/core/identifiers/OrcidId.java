package org.pidlink.core.identifiers;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ORCID iD with a valid ISO 7064 MOD 11-2 checksum, held in its canonical form {@code 0000-0002-1825-0097}.
 *
 * <p>{@link #tryParse(String)} accepts every spelling met in DataCite and Crossref metadata: bare, with an
 * {@code http(s)://}, {@code www.} or {@code sandbox.} {@code orcid.org/} prefix (also doubled, as in DataCite's
 * own 4.6 example), a trailing slash, surrounding whitespace and line breaks (also between prefix and digits),
 * a lower-case check character {@code x}, and groups separated by hyphens, spaces or nothing.
 */
public record OrcidId(String value) {

    public static final String KIND = "ORCID iD";
    public static final String BLANK = "blank";
    public static final String NOT_AN_ORCID_ID = "not an ORCID iD";
    public static final String BAD_CHECKSUM = "bad checksum";
    public static final String SANDBOX_IN_PRODUCTION = "sandbox iD (sandbox.orcid.org), not accepted in production";

    private static final Pattern PREFIX = Pattern.compile(
            "(?:https?:/{1,2})?(?:www\\.|(sandbox\\.))?orcid\\.org/+", Pattern.CASE_INSENSITIVE);
    // Hyphen, the Unicode dashes word processors substitute for it, whitespace, or nothing between groups.
    private static final String SEP = "(?:[-\\u2010-\\u2015]|\\s+)?";
    private static final Pattern DIGITS = Pattern.compile(
            "(\\d{4})" + SEP + "(\\d{4})" + SEP + "(\\d{4})" + SEP + "(\\d{3}[\\dXx])");

    private static final String ISSUED_LOW_1 = "0000-0001-5000-0007";
    private static final String ISSUED_HIGH_1 = "0000-0003-5000-0001";
    private static final String ISSUED_LOW_2 = "0009-0000-0000-0000";
    private static final String ISSUED_HIGH_2 = "0009-0010-0000-0000";

    public OrcidId {
        Objects.requireNonNull(value, "value");
        if (!isCanonical(value)) {
            throw new InvalidIdentifierException(KIND, value, "not in canonical form 0000-0000-0000-0000");
        }
    }

    /** Parses any spelling of an ORCID iD found in DOI metadata, from either registry. */
    public static OrcidId parse(String input) {
        return tryParse(input).orElseThrow();
    }

    /** Like {@link #parse(String)}, but refuses sandbox spellings when {@code environment} is production. */
    public static OrcidId parse(String input, OrcidEnvironment environment) {
        return tryParse(input, environment).orElseThrow();
    }

    /** Parses without throwing; accepts both registries' spellings. */
    public static ParseResult<OrcidId> tryParse(String input) {
        return tryParse(input, OrcidEnvironment.SANDBOX);
    }

    /**
     * Parses without throwing. The reason of an {@link ParseResult.Invalid} is one of {@link #BLANK},
     * {@link #NOT_AN_ORCID_ID}, {@link #BAD_CHECKSUM} or {@link #SANDBOX_IN_PRODUCTION}.
     */
    public static ParseResult<OrcidId> tryParse(String input, OrcidEnvironment environment) {
        Objects.requireNonNull(environment, "environment");
        if (input == null) {
            return invalid("null", BLANK);
        }
        String s = Whitespace.strip(input);
        if (s.isEmpty()) {
            return invalid(input, BLANK);
        }
        String common = commonSpelling(s);
        if (common != null) {
            return checksumValid(common) ? new ParseResult.Valid<>(new OrcidId(common)) : invalid(input, BAD_CHECKSUM);
        }
        boolean sandbox = false;
        Matcher prefix = PREFIX.matcher(s);
        while (prefix.lookingAt()) {
            sandbox |= prefix.group(1) != null;
            s = Whitespace.strip(s.substring(prefix.end()));
            prefix.reset(s);
        }
        if (s.endsWith("/")) {
            s = Whitespace.strip(s.substring(0, s.length() - 1));
        }
        Matcher m = DIGITS.matcher(s);
        if (!m.matches()) {
            return invalid(input, NOT_AN_ORCID_ID);
        }
        String canonical = m.group(1) + '-' + m.group(2) + '-' + m.group(3) + '-'
                + m.group(4).toUpperCase(java.util.Locale.ROOT);
        if (!checksumValid(canonical)) {
            return invalid(input, BAD_CHECKSUM);
        }
        if (sandbox && environment == OrcidEnvironment.PRODUCTION) {
            return invalid(input, SANDBOX_IN_PRODUCTION);
        }
        return new ParseResult.Valid<>(new OrcidId(canonical));
    }

    /** Whether {@code input} is spelled with the sandbox host, whatever else is wrong with it. */
    public static boolean isSandboxSpelling(String input) {
        if (input == null) {
            return false;
        }
        String s = Whitespace.strip(input);
        Matcher prefix = PREFIX.matcher(s);
        while (prefix.lookingAt()) {
            if (prefix.group(1) != null) {
                return true;
            }
            s = Whitespace.strip(s.substring(prefix.end()));
            prefix.reset(s);
        }
        return false;
    }

    /** The iD whose first 15 digits are {@code first15Digits}, with its check character computed. */
    public static OrcidId withCheckDigit(String first15Digits) {
        if (first15Digits == null || first15Digits.length() != 15 || !first15Digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("need exactly 15 digits: " + first15Digits);
        }
        String d = first15Digits + checkDigit(first15Digits);
        return new OrcidId(d.substring(0, 4) + '-' + d.substring(4, 8) + '-' + d.substring(8, 12) + '-' + d.substring(12));
    }

    /** ISO 7064 MOD 11-2 check character ({@code 0}–{@code 9} or {@code X}) of 15 digits. */
    public static char checkDigit(CharSequence first15Digits) {
        int total = 0;
        for (int i = 0; i < first15Digits.length(); i++) {
            total = (total + (first15Digits.charAt(i) - '0')) * 2;
        }
        int result = (12 - total % 11) % 11;
        return result == 10 ? 'X' : (char) ('0' + result);
    }

    /** {@code https://orcid.org/0000-0002-1825-0097} */
    public String uri() {
        return "https://orcid.org/" + value;
    }

    /** The iD's URI on the given registry's host. */
    public String uri(OrcidEnvironment environment) {
        return environment == OrcidEnvironment.SANDBOX ? "https://sandbox.orcid.org/" + value : uri();
    }

    /**
     * Whether the iD lies in the blocks ORCID issues from (0000-0001-5000-0007 to 0000-0003-5000-0001, and the
     * 0009 block). iDs outside are checksum-valid but usually test data; callers log them rather than drop them.
     */
    public boolean isInIssuedRange() {
        return (value.compareTo(ISSUED_LOW_1) >= 0 && value.compareTo(ISSUED_HIGH_1) <= 0)
                || (value.compareTo(ISSUED_LOW_2) >= 0 && value.compareTo(ISSUED_HIGH_2) < 0);
    }

    @Override
    public String toString() {
        return value;
    }

    private static ParseResult<OrcidId> invalid(String input, String reason) {
        return new ParseResult.Invalid<>(KIND, input, reason);
    }

    private static boolean isCanonical(String v) {
        return hasCanonicalShape(v, 0) && checksumValid(v);
    }

    /**
     * The canonical iD when {@code s} is spelled the way nearly all metadata spells it (bare, or after
     * {@code https://orcid.org/} or {@code http://orcid.org/}), else null. Spares the regular expressions on
     * the readers' hot path; everything else goes the general way.
     */
    private static String commonSpelling(String s) {
        int start = s.startsWith("https://orcid.org/") ? 18 : s.startsWith("http://orcid.org/") ? 17 : 0;
        if (s.length() - start != 19 || !hasCanonicalShape(s, start)) {
            return null;
        }
        return start == 0 ? s : s.substring(start);
    }

    private static boolean hasCanonicalShape(String v, int from) {
        if (v.length() - from != 19) {
            return false;
        }
        for (int i = 0; i < 19; i++) {
            char c = v.charAt(from + i);
            boolean ok = (i == 4 || i == 9 || i == 14) ? c == '-' : (c >= '0' && c <= '9') || (i == 18 && c == 'X');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** {@code canonical} is 19 characters, hyphens at 4, 9 and 14. */
    private static boolean checksumValid(String canonical) {
        // checkDigit of the 15 digits, read in place: this runs for every iD of every record read.
        int total = 0;
        for (int i = 0; i < 18; i++) {
            if (i != 4 && i != 9 && i != 14) {
                total = (total + (canonical.charAt(i) - '0')) * 2;
            }
        }
        int result = (12 - total % 11) % 11;
        return (result == 10 ? 'X' : (char) ('0' + result)) == canonical.charAt(18);
    }
}
