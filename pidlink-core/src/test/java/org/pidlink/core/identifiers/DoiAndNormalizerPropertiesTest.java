package org.pidlink.core.identifiers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class DoiAndNormalizerPropertiesTest {

    private static final ExternalIdNormalizer ORCID = ExternalIdNormalizer.standard();

    /** Every way metadata and people write a DOI, as a function of the DOI. */
    private static final List<UnaryOperator<String>> FORMS = List.of(
            d -> d,
            d -> "doi:" + d,
            d -> "DOI: " + d,
            d -> "https://doi.org/" + d,
            d -> "http://doi.org/" + d,
            d -> "http://dx.doi.org/" + d,
            d -> "https://dx.doi.org/" + d,
            d -> "doi.org/" + d,
            d -> "https://doi.org/" + URLEncoder.encode(d, StandardCharsets.UTF_8).replace("+", "%20"),
            d -> "  \n  " + d + " \n",
            d -> "info:doi/" + d,
            d -> d.toUpperCase(Locale.ROOT),
            d -> "HTTPS://DOI.ORG/" + d.toLowerCase(Locale.ROOT));

    /** DOIs with the characters real suffixes use (none of ORCID's stop characters " & '). */
    @Provide
    Arbitrary<String> dois() {
        Arbitrary<String> registrant = Arbitraries.strings().numeric().ofMinLength(4).ofMaxLength(9);
        Arbitrary<String> suffix = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._;()/:<>[]+")
                .ofMinLength(1).ofMaxLength(40);
        return Combinators.combine(registrant, suffix).as((r, s) -> "10." + r + "/" + s);
    }

    @Provide
    Arbitrary<UnaryOperator<String>> forms() {
        return Arbitraries.of(FORMS);
    }

    @Property
    void everyFormParsesToTheLowerCasedDoiAndRoundTrips(@ForAll("dois") String doi, @ForAll("forms") UnaryOperator<String> form) {
        Doi parsed = Doi.parse(form.apply(doi));

        assertThat(parsed.value()).isEqualTo(doi.toLowerCase(Locale.ROOT));
        assertThat(Doi.parse(parsed.url())).isEqualTo(parsed);
        assertThat(Doi.parse(parsed.value())).isEqualTo(parsed);
        assertThat(parsed.prefix() + "/" + parsed.suffix()).isEqualTo(parsed.value());
    }

    @Property
    void doisCompareCaseInsensitively(@ForAll("dois") String doi) {
        assertThat(Doi.parse(doi.toUpperCase(Locale.ROOT))).isEqualTo(Doi.parse(doi.toLowerCase(Locale.ROOT)));
    }

    @Property
    void canonicalDoiIsWhatOrcidStores(@ForAll("dois") String doi, @ForAll("forms") UnaryOperator<String> form) {
        Doi parsed = Doi.parse(form.apply(doi));

        assertThat(ORCID.normalize("doi", parsed.value())).isEqualTo(parsed.value());
        assertThat(ORCID.normalize("doi", parsed.url())).isEqualTo(parsed.value());
        assertThat(ORCID.sameIdentifier("doi", parsed.url(), doi)).isTrue();
    }

    @Property
    void doiTryParseNeverThrowsAndRejectsWithAKnownReason(@ForAll String anything) {
        if (Doi.tryParse(anything) instanceof ParseResult.Invalid<Doi> invalid) {
            assertThat(invalid.reason()).isIn(Doi.BLANK, Doi.NOT_A_DOI, Doi.NO_SUFFIX, Doi.CONTAINS_WHITESPACE);
        }
    }

    @Provide
    Arbitrary<String> knownTypes() {
        return Arbitraries.of(ORCID.types().stream().map(IdentifierType::apiName).toList());
    }

    /** Identifier-ish text: digits, separators, letters and the labels the normalizers look for. */
    @Provide
    Arbitrary<String> identifierText() {
        Arbitrary<String> noise = Arbitraries.strings().withChars("0123456789-–/. :xXvabcPMCpmidISBN").ofMaxLength(30);
        Arbitrary<String> label = Arbitraries.of("", "doi:", "10.1234/", "PMID: ", "PMC", "arXiv:", "ISSN ", "ISBN ",
                "http://", "https://doi.org/", "bibcode ", "RRID:");
        return Combinators.combine(label, noise, noise).as((l, a, b) -> a + l + b);
    }

    @Property(tries = 3000)
    void normalizationIsIdempotent(@ForAll("knownTypes") String type, @ForAll("identifierText") String value) {
        String once = ORCID.normalize(type, value);
        net.jqwik.api.Assume.that(!once.isEmpty());

        assertThat(ORCID.normalize(type, once)).isEqualTo(once);
    }

    @Property
    void normalizationIsIdempotentOnArbitraryText(@ForAll("knownTypes") String type, @ForAll String value) {
        String once = ORCID.normalize(type, value);
        net.jqwik.api.Assume.that(!once.isEmpty());

        assertThat(ORCID.normalize(type, once)).isEqualTo(once);
    }

    @Property
    void caseInsensitiveTypesIgnoreCase(@ForAll("knownTypes") String type, @ForAll("identifierText") String value) {
        net.jqwik.api.Assume.that(!ORCID.type(type).orElseThrow().caseSensitive());

        assertThat(ORCID.normalize(type, value.toUpperCase(Locale.ROOT)))
                .isEqualTo(ORCID.normalize(type, value.toLowerCase(Locale.ROOT)));
    }
}
