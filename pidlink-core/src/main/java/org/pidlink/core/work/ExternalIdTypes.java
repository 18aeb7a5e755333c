package org.pidlink.core.work;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.pidlink.core.identifiers.Doi;
import org.pidlink.core.identifiers.ExternalIdNormalizer;
import org.pidlink.core.identifiers.InvalidIdentifierException;

/**
 * Turns an identifier as DOI metadata states it ({@code EISSN 1234-567x}, {@code DOI doi:10.1/X}, {@code URL …})
 * into an ORCID external-id of a type ORCID knows, with a clean value; identifiers ORCID has no type for
 * (IGSN, LSID, …) and values that are not what their type says are left out.
 */
final class ExternalIdTypes {

    /** Source spellings (lower case, letters and digits only) that differ from ORCID's name. */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("eissn", "issn"), Map.entry("lissn", "issn"), Map.entry("pissn", "issn"),
            Map.entry("eisbn", "isbn"), Map.entry("pisbn", "isbn"),
            Map.entry("url", "uri"), Map.entry("purl", "uri"), Map.entry("w3id", "uri"),
            Map.entry("hdl", "handle"), Map.entry("pubmed", "pmid"), Map.entry("pmcid", "pmc"),
            Map.entry("wos", "wosuid"), Map.entry("scopus", "eid"), Map.entry("otherid", "other-id"),
            Map.entry("grantnumber", "grant_number"), Map.entry("proposalid", "proposal-id"));

    private static final Pattern ISSN = Pattern.compile("(?<!\\d)(\\d{4})\\s*[-–]?\\s*(\\d{3}[\\dXx])(?![\\dXx])");
    private static final Pattern ISBN = Pattern.compile("^(?:\\d{9}[\\dX]|\\d{13})$");
    private static final Map<String, String> BY_NORMALIZED_NAME = byNormalizedName();

    private ExternalIdTypes() {
    }

    /** ORCID's type name for a source's identifier type, if ORCID has one. */
    static Optional<String> orcidType(String sourceType) {
        if (sourceType == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_NORMALIZED_NAME.get(normalize(sourceType)));
    }

    /** The external-id for a source identifier, or empty when ORCID has no type for it or the value is bad. */
    static Optional<ExternalId> externalId(String sourceType, String value, Relationship relationship) {
        Optional<String> type = orcidType(sourceType);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        String raw = Texts.clean(value);
        if (raw == null || raw.length() > WorkRules.MAX_URL) {
            return Optional.empty();
        }
        return switch (type.get()) {
            case "doi" -> doi(raw, relationship);
            case "issn" -> {
                Matcher m = ISSN.matcher(raw);
                yield m.find() ? Optional.of(new ExternalId("issn",
                        m.group(1) + "-" + m.group(2).toUpperCase(Locale.ROOT), null, relationship)) : Optional.empty();
            }
            case "isbn" -> {
                String digits = raw.replaceAll("(?i)^isbn[:\\s]*", "").replaceAll("[\\s-]", "")
                        .toUpperCase(Locale.ROOT);
                yield ISBN.matcher(digits).matches()
                        ? Optional.of(new ExternalId("isbn", digits, null, relationship)) : Optional.empty();
            }
            case "uri" -> WorkRules.isAbsoluteUri(raw)
                    ? Optional.of(new ExternalId("uri", raw, raw, relationship)) : Optional.empty();
            case "handle" -> {
                String handle = raw.replaceFirst("(?i)^(?:hdl:|https?://hdl\\.handle\\.net/)", "");
                yield Optional.of(new ExternalId("handle", handle, resolverUrl("hdl.handle.net", handle),
                        relationship));
            }
            default -> Optional.of(new ExternalId(type.get(), raw, null, relationship));
        };
    }

    static Optional<ExternalId> doi(String value, Relationship relationship) {
        try {
            return Optional.of(doi(Doi.parse(value), relationship));
        } catch (InvalidIdentifierException e) {
            return Optional.empty();
        }
    }

    static ExternalId doi(Doi doi, Relationship relationship) {
        return new ExternalId("doi", doi.value(), resolverUrl("doi.org", doi.value()), relationship);
    }

    /**
     * {@code https://host/value} with the characters a URI cannot hold percent-encoded (DOIs such as
     * {@code 10.1002/(sici)…<…>} exist), or null in the unlikely case that still is no URI.
     */
    static String resolverUrl(String host, String value) {
        if (value.indexOf('?') < 0 && value.indexOf('#') < 0 && WorkRules.isUriSafe(value, 0)) {
            return "https://" + host + "/" + value;
        }
        try {
            String url = new URI("https", host, "/" + value, null).toASCIIString();
            return WorkRules.isAbsoluteUri(url) ? url : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static Map<String, String> byNormalizedName() {
        Map<String, String> map = new HashMap<>();
        ExternalIdNormalizer.standard().types().stream()
                .filter(type -> !type.deprecated())
                .forEach(type -> map.put(normalize(type.apiName()), type.apiName()));
        map.putAll(ALIASES);
        return Map.copyOf(map);
    }

    private static String normalize(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = Character.toLowerCase(s.charAt(i));
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                out.append(c);
            }
        }
        return out.toString();
    }
}
