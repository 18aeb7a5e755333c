package org.pidlink.orcid.client;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The registries of organization ids ORCID accepts in {@code disambiguated-organization} (orcid-api.md §11.3,
 * {@code OrgDisambiguatedSourceType}), each with the one spelling ORCID stores: ORCID matches (identifier, source)
 * exactly against its table, so any other spelling of a valid id is refused (400/9045). {@link #normalize} turns
 * the usual spellings into ORCID's and checks what can be checked (ROR and LEI check digits).
 */
public enum OrganizationIdSource {
    /** {@code https://ror.org/05qwgg493}; preferred by ORCID. */
    ROR,
    /** {@code grid.455335.1}; frozen since 2021, still accepted. */
    GRID,
    /** {@code 385488}; no updates since 2023-08, existing ids still accepted. */
    RINGGOLD,
    /** Crossref Funder Registry: {@code http://dx.doi.org/10.13039/100000001}. */
    FUNDREF,
    /** Legal Entity Identifier: {@code 213800ZJZ6Y86H9A8I79}. */
    LEI;

    private static final String ROR_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
    private static final Pattern ROR_ID = Pattern.compile("(?:(?:https?://)?(?:www\\.)?ror\\.org/)?(0[0-9a-hjkmnp-tv-z]{6}[0-9]{2})");
    private static final Pattern GRID_ID = Pattern.compile("grid\\.\\d+\\.[0-9a-f]+");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,12}");
    private static final Pattern FUNDER = Pattern.compile(
            "(?:(?:https?://)?(?:dx\\.)?doi\\.org/)?(?:10\\.13039/)?(\\d{6,12})");
    private static final Pattern LEI_ID = Pattern.compile("[0-9A-Z]{18}[0-9]{2}");

    /** ORCID's spelling of the source ({@code ROR}). */
    public String value() {
        return name();
    }

    /**
     * {@code id} in the form ORCID stores for this registry.
     *
     * @throws IllegalArgumentException when {@code id} is not an id of this registry (wrong shape or check digits)
     */
    public String normalize(String id) {
        String t = id == null ? "" : id.strip();
        return switch (this) {
            case ROR -> {
                Matcher m = ROR_ID.matcher(t.toLowerCase(Locale.ROOT));
                if (!m.matches() || !rorChecksumValid(m.group(1))) {
                    throw invalid(id, "a ROR id such as https://ror.org/05qwgg493 (with valid check digits)");
                }
                yield "https://ror.org/" + m.group(1);
            }
            case GRID -> {
                String g = t.toLowerCase(Locale.ROOT);
                if (!GRID_ID.matcher(g).matches()) {
                    throw invalid(id, "a GRID id such as grid.455335.1");
                }
                yield g;
            }
            case RINGGOLD -> {
                if (!DIGITS.matcher(t).matches()) {
                    throw invalid(id, "a Ringgold id (digits) such as 385488");
                }
                yield t;
            }
            case FUNDREF -> {
                Matcher m = FUNDER.matcher(t.toLowerCase(Locale.ROOT));
                if (!m.matches()) {
                    throw invalid(id, "a Crossref Funder id such as 100000001 or https://doi.org/10.13039/100000001");
                }
                yield "http://dx.doi.org/10.13039/" + m.group(1);
            }
            case LEI -> {
                String l = t.toUpperCase(Locale.ROOT);
                if (!LEI_ID.matcher(l).matches() || !leiChecksumValid(l)) {
                    throw invalid(id, "a 20-character LEI such as 213800ZJZ6Y86H9A8I79 (with valid check digits)");
                }
                yield l;
            }
        };
    }

    /** The source ORCID names {@code text} ({@code ror}, {@code Ringgold}, {@code FundRef}), or empty. */
    public static Optional<OrganizationIdSource> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip().toUpperCase(Locale.ROOT).replace(" ", "").replace("_", "");
        if (t.equals("CROSSREFFUNDER") || t.equals("CROSSREFFUNDERID") || t.equals("FUNDREFID")) {
            return Optional.of(FUNDREF);
        }
        for (OrganizationIdSource s : values()) {
            if (s.name().equals(t)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** ROR's last two digits: ISO 7064 MOD 97-10 over the base-32 value of the first seven characters. */
    private static boolean rorChecksumValid(String ror) {
        long n = 0;
        for (int i = 0; i < 7; i++) {
            n = n * 32 + ROR_ALPHABET.indexOf(ror.charAt(i));
        }
        long check = 98 - Math.floorMod(n * 100, 97);
        return check == Long.parseLong(ror.substring(7));
    }

    /** ISO 17442: letters as 10-35, the whole number mod 97 is 1. */
    private static boolean leiChecksumValid(String lei) {
        StringBuilder digits = new StringBuilder(40);
        for (char c : lei.toCharArray()) {
            digits.append(Character.digit(c, 36));
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    private IllegalArgumentException invalid(String id, String expected) {
        return new IllegalArgumentException("'" + id + "' is not " + expected);
    }
}
