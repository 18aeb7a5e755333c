package org.pidlink.core.identifiers;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A DOI, held as {@code 10.prefix/suffix} in lower case, because DOIs (and ORCID) compare case-insensitively.
 */
public record Doi(String value) {

    private static final Pattern PREFIXES = Pattern.compile(
            "^(?:doi:\\s*|(?:https?://)?(?:dx\\.)?doi\\.org/|info:doi/)", Pattern.CASE_INSENSITIVE);
    private static final Pattern SHAPE = Pattern.compile("^10\\.\\d{4,9}(?:\\.\\d+)*/\\S+$");

    public Doi {
        Objects.requireNonNull(value, "value");
        if (!SHAPE.matcher(value).matches() || !value.equals(value.toLowerCase(Locale.ROOT))) {
            throw new InvalidIdentifierException("DOI", value, "not in canonical form 10.prefix/suffix");
        }
    }

    public static Doi parse(String input) {
        if (input == null || input.isBlank()) {
            throw new InvalidIdentifierException("DOI", String.valueOf(input), "blank");
        }
        String s = input.strip();
        s = PREFIXES.matcher(s).replaceFirst("");
        if (s.contains("%")) {
            try {
                s = URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new InvalidIdentifierException("DOI", input, "malformed URL encoding");
            }
        }
        s = s.strip().toLowerCase(Locale.ROOT);
        if (!SHAPE.matcher(s).matches()) {
            throw new InvalidIdentifierException("DOI", input,
                    "not a DOI (a DOI looks like 10.1234/suffix)");
        }
        return new Doi(s);
    }

    /** {@code https://doi.org/10.1234/abc} */
    public String url() {
        return "https://doi.org/" + value;
    }

    @Override
    public String toString() {
        return value;
    }
}
