package org.pidlink.core.identifiers;

import java.util.Locale;
import java.util.Optional;
import java.util.function.BinaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ORCID's type-specific normalizers (orcid-api.md §5.5), each named as in ORCID's code and in the
 * {@code type_specific_normalizer} column of the identifier-type table. They run after the case step, on the
 * possibly lower-cased value, and return {@code ""} when they find no identifier, as ORCID's do. The regular
 * expressions reproduce ORCID's behaviour to the character, quirks included (the PMC look-ahead for upper-case
 * {@code PMC} never fires after the case step), because the point is to agree with what ORCID stores.
 */
enum TypeSpecificNormalizer {

    DOI("DOINormalizer", TypeSpecificNormalizer::doi),
    ISBN("ISBNNormalizer", TypeSpecificNormalizer::isbn),
    ISSN("ISSNNormalizer", TypeSpecificNormalizer::issn),
    PMID("PMIDNormalizer", TypeSpecificNormalizer::pmid),
    PMC("PMCNormalizer", TypeSpecificNormalizer::pmc),
    ARXIV("ArxivNormalizer", TypeSpecificNormalizer::arxiv),
    BIBCODE("BibcodeNormalizer", TypeSpecificNormalizer::bibcode),
    URI("URINormalizer", TypeSpecificNormalizer::uri),
    CURIE("CurieNormalizer", TypeSpecificNormalizer::curie);

    private static final Pattern DOI_PATTERN = Pattern.compile("(10(\\.[0-9a-zA-Z]+)+/(?:(?![\"&'])\\S)+)");
    // ORCID over-matches 10 to 17 characters and then keeps only results of length 10 or 13.
    private static final Pattern ISBN_PATTERN = Pattern.compile("([0-9][-0-9 ]{8,15}[0-9xX])(?:$|[^0-9])");
    private static final Pattern ISSN_PATTERN = Pattern.compile("(?:^|[^\\d])(\\d{4} ?[-–]? ?\\d{3}[\\dXx])(?:$|[^-\\d])");
    private static final Pattern PMID_PATTERN = Pattern.compile(
            "(?:^\\s*|PMID:?\\s*|pubmed/|med/|pubmed\\.ncbi\\.nlm\\.nih\\.gov/)(\\d+)(?:$|[^a-zA-Z0-9.\\-])",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PMC_PATTERN = Pattern.compile("(?:^|[Pp][Mm][Cc]-?/?)\\s*(\\d{5,9}(?!.+PMC))(?:$|\\b)");
    private static final Pattern ARXIV_PATTERN = Pattern.compile(
            "(?:(?i)arXiv:)?(\\d{4}\\.\\d{4}v?\\d?|[\\w\\-.]+/\\d{7}v?\\d?)");
    // [Bc] (not [Cc]) is ORCID's; the [^a-zA-Z0-9.] branch catches "BIBCODE:" anyway.
    private static final Pattern BIBCODE_PATTERN = Pattern.compile(
            "(?:^|[Bb][Ii][Bb][Bc][Oo][Dd][Ee]:?\\s*|[^a-zA-Z0-9.])([0-9]{4}[.a-zA-Z0-9]{15})(?:$|[^a-zA-Z0-9.])");
    private static final Pattern URI_SCHEME = Pattern.compile("^(?:ht|f)tps?://");

    private final String orcidName;
    private final BinaryOperator<String> rule;

    TypeSpecificNormalizer(String orcidName, BinaryOperator<String> rule) {
        this.orcidName = orcidName;
        this.rule = rule;
    }

    /** The normalizer ORCID names {@code name}; a suffix in parentheses, e.g. "(+URL transform)", is ignored. */
    static Optional<TypeSpecificNormalizer> byOrcidName(String name) {
        String bare = name.contains("(") ? name.substring(0, name.indexOf('(')) : name;
        for (TypeSpecificNormalizer n : values()) {
            if (n.orcidName.equals(bare.strip())) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }

    String normalize(String apiType, String value) {
        return rule.apply(apiType, value);
    }

    private static String firstGroup(Pattern pattern, String value) {
        Matcher m = pattern.matcher(value);
        return m.find() && m.group(1) != null ? m.group(1) : null;
    }

    private static String doi(String type, String value) {
        String v = value;
        if (v.contains("&") && v.contains(";")) {
            v = XmlEntities.unescapeRepeatedly(v);
        }
        String n = firstGroup(DOI_PATTERN, v);
        return n == null ? "" : n;
    }

    private static String isbn(String type, String value) {
        String n = firstGroup(ISBN_PATTERN, value);
        if (n == null) {
            return "";
        }
        n = n.replace("-", "").replace(" ", "").replace('x', 'X');
        return n.length() == 10 || n.length() == 13 ? n : "";
    }

    private static String issn(String type, String value) {
        String n = firstGroup(ISSN_PATTERN, value);
        if (n == null) {
            return "";
        }
        n = n.replace(" ", "").replace("-", "").replace("–", "").replace('x', 'X');
        return n.substring(0, 4) + "-" + n.substring(4, 8);
    }

    private static String pmid(String type, String value) {
        String n = firstGroup(PMID_PATTERN, value);
        return n == null ? "" : n;
    }

    private static String pmc(String type, String value) {
        String n = firstGroup(PMC_PATTERN, value);
        return n == null ? "" : n;
    }

    private static String arxiv(String type, String value) {
        String n = firstGroup(ARXIV_PATTERN, value);
        return n == null ? "" : "arXiv:" + n;
    }

    private static String bibcode(String type, String value) {
        String n = firstGroup(BIBCODE_PATTERN, value);
        return n == null ? "" : n;
    }

    private static String uri(String type, String value) {
        return URI_SCHEME.matcher(value).lookingAt() ? value : "http://" + value;
    }

    private static String curie(String type, String value) {
        String prefix = type.toUpperCase(Locale.ROOT) + ":";
        return value.startsWith(prefix) ? value : prefix + value;
    }
}
