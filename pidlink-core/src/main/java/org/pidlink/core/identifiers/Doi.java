package org.pidlink.core.identifiers;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A DOI, held as {@code 10.prefix/suffix} in lower case, because DOIs (and ORCID) compare case-insensitively.
 *
 * <p>The canonical value is what ORCID's own {@code doi} normalizer stores as {@code external-id-normalized}
 * for the same input (see {@link ExternalIdNormalizer}), as long as the suffix holds none of the characters
 * ORCID stops at ({@code " & '}); so a work pushed with {@link #value()} is recognised by ORCID as the same work
 * as one added by DOI in its UI. Unlike ORCID's normalizer, which picks the first DOI-looking run out of free
 * text, parsing is strict: the whole input (minus a resolver prefix and whitespace) must be one DOI.
 */
public record Doi(String value) {

    public static final String KIND = "DOI";
    public static final String BLANK = "blank";
    public static final String NOT_A_DOI = "not a DOI (a DOI looks like 10.1234/suffix)";
    public static final String NO_SUFFIX = "no suffix after the DOI prefix";
    public static final String CONTAINS_WHITESPACE = "contains whitespace";

    /** Resolver URLs and labels written in front of DOIs; DOIs are handles, so handle resolvers count too. */
    private static final Pattern PREFIX = Pattern.compile(
            "(?:doi\\s*:\\s*|doi\\s+(?=10\\.)|info:doi/|urn:doi:"
                    + "|(?:https?://)?(?:www\\.)?(?:dx\\.)?doi\\.org/+"
                    + "|(?:https?://)?(?:hdl\\.handle\\.net|handle\\.(?:test|stage)\\.datacite\\.org)/+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DOI_PREFIX = Pattern.compile("10\\.\\d+(?:\\.\\d+)*");
    private static final Pattern CANONICAL = Pattern.compile("10\\.\\d+(?:\\.\\d+)*/\\S+");
    private static final Pattern PERCENT_ESCAPE = Pattern.compile("%(?![0-9a-fA-F]{2})");

    public Doi {
        Objects.requireNonNull(value, "value");
        if (!CANONICAL.matcher(value).matches() || !value.equals(value.toLowerCase(Locale.ROOT))) {
            throw new InvalidIdentifierException(KIND, value, "not in canonical form 10.prefix/suffix");
        }
    }

    public static Doi parse(String input) {
        return tryParse(input).orElseThrow();
    }

    /**
     * Parses {@code 10.…/…}, {@code doi:…}, {@code https://doi.org/…}, {@code http://dx.doi.org/…}, handle
     * resolver URLs, URL-encoded and XML-escaped forms, with surrounding whitespace. The reason of an
     * {@link ParseResult.Invalid} is one of {@link #BLANK}, {@link #NOT_A_DOI}, {@link #NO_SUFFIX} or
     * {@link #CONTAINS_WHITESPACE}.
     */
    public static ParseResult<Doi> tryParse(String input) {
        if (input == null) {
            return invalid("null", BLANK);
        }
        String s = Whitespace.strip(input);
        if (s.isEmpty()) {
            return invalid(input, BLANK);
        }
        if (s.indexOf('&') >= 0 && s.indexOf(';') >= 0) {
            s = XmlEntities.unescapeRepeatedly(s);
        }
        // Before and after decoding, for both "https://doi.org/10.1%2Fx" and a fully encoded copied URL.
        s = stripPrefixes(percentDecode(stripPrefixes(s))).toLowerCase(Locale.ROOT);
        int slash = s.indexOf('/');
        String registrant = slash < 0 ? s : s.substring(0, slash);
        if (!DOI_PREFIX.matcher(registrant).matches()) {
            return invalid(input, NOT_A_DOI);
        }
        if (slash < 0 || slash == s.length() - 1) {
            return invalid(input, NO_SUFFIX);
        }
        for (int i = slash + 1; i < s.length(); i++) {
            if (Whitespace.isSpace(s.charAt(i))) {
                return invalid(input, CONTAINS_WHITESPACE);
            }
            if (Character.isISOControl(s.charAt(i))) {
                return invalid(input, NOT_A_DOI);
            }
        }
        return new ParseResult.Valid<>(new Doi(s));
    }

    /** {@code https://doi.org/10.1234/abc} */
    public String url() {
        return "https://doi.org/" + value;
    }

    /** The registrant prefix, {@code 10.1234}. */
    public String prefix() {
        return value.substring(0, value.indexOf('/'));
    }

    /** Everything after the first slash. */
    public String suffix() {
        return value.substring(value.indexOf('/') + 1);
    }

    @Override
    public String toString() {
        return value;
    }

    private static ParseResult<Doi> invalid(String input, String reason) {
        return new ParseResult.Invalid<>(KIND, input, reason);
    }

    private static String stripPrefixes(String value) {
        String s = value;
        Matcher prefix = PREFIX.matcher(s);
        while (prefix.lookingAt()) {
            s = Whitespace.strip(s.substring(prefix.end()));
            prefix.reset(s);
        }
        return s;
    }

    /**
     * Decodes {@code %2F}-style escapes from copied resolver URLs. A {@code %} not followed by two hex digits is
     * literal (DOI suffixes may contain it), and {@code +} stays a plus, since DOIs use it and no DOI is written
     * with form encoding.
     */
    private static String percentDecode(String s) {
        if (s.indexOf('%') < 0 || PERCENT_ESCAPE.matcher(s).find()) {
            return s;
        }
        return Whitespace.strip(URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8));
    }
}
