package org.pidlink.core.identifiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pidlink.core.identifiers.TextGenerators.anyText;
import static org.pidlink.core.identifiers.TextGenerators.charactersOf;
import static org.pidlink.core.identifiers.TextGenerators.withOneEdit;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Properties of {@link Doi} and {@link ExternalIdNormalizer} over generated DOIs and text. Each run draws a fresh
 * seed, printed with any falsifying (shrunk) example; rerun it with {@code -DQT_SEED=<seed>}.
 */
class DoiAndNormalizerPropertiesTest {

    private static final int EXAMPLES = 1000;

    private static final ExternalIdNormalizer ORCID = ExternalIdNormalizer.standard();

    /** Shown in failure reports to say which form was drawn. */
    private static final String SAMPLE_DOI = "10.1234/Ab(c)";

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

    /** The characters real suffixes use (none of ORCID's stop characters " & '). */
    private static final String SUFFIX_CHARACTERS =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._;()/:<>[]+";

    /** Resolver prefixes and labels, well and badly formed, for inputs that are almost DOIs. */
    private static final List<String> PREFIXES = List.of("", "doi:", "DOI ", "https://doi.org/", "http://dx.doi.org/",
            "doi.org//", "info:doi/", "urn:doi:", "https://hdl.handle.net/", "https://doi.org/https://doi.org/",
            "https://doi.com/", "10.", "10.1234/");

    /** What DOI-like text is made of, with the escapes, spaces and control characters met in metadata. */
    private static final String DOI_CHARACTERS = "10./2F%&amp;#x;abcXYZ \t\n\u00A0\u200B\u0000\u007F-";

    /** Identifier-ish text: digits, separators, letters, and the labels and identifiers the normalizers look for. */
    private static final String NOISE_CHARACTERS = "0123456789-–/. :xXvabcPMCpmidISBN";
    private static final List<String> FRAGMENTS = List.of("", "doi:", "10.1234/", "PMID: ", "PMC", "arXiv:", "ISSN ",
            "ISBN ", "http://", "https://doi.org/", "bibcode ", "RRID:",
            "10.5555/Ab.C-1", "0317-8471", "1050-124X", "978-3-16-148410-0", "0 306 40615 2", "PMC1234567",
            "pubmed/31452104", "1501.00001v2", "hep-th/9901001", "2019ApJ...882L..12M", "ftp://", "AB_90755");

    @Test
    void everyFormParsesToTheLowerCasedDoiAndRoundTrips() {
        qt().withExamples(EXAMPLES).forAll(dois(), forms()).checkAssert((doi, form) -> {
            Doi parsed = Doi.parse(form.apply(doi));

            assertThat(parsed.value()).isEqualTo(doi.toLowerCase(Locale.ROOT));
            assertThat(Doi.parse(parsed.url())).isEqualTo(parsed);
            assertThat(Doi.parse(parsed.value())).isEqualTo(parsed);
            assertThat(parsed.prefix() + "/" + parsed.suffix()).isEqualTo(parsed.value());
        });
    }

    @Test
    void doisCompareCaseInsensitively() {
        qt().withExamples(EXAMPLES).forAll(dois()).checkAssert(doi ->
                assertThat(Doi.parse(doi.toUpperCase(Locale.ROOT))).isEqualTo(Doi.parse(doi.toLowerCase(Locale.ROOT))));
    }

    @Test
    void canonicalDoiIsWhatOrcidStores() {
        qt().withExamples(EXAMPLES).forAll(dois(), forms()).checkAssert((doi, form) -> {
            Doi parsed = Doi.parse(form.apply(doi));

            assertThat(ORCID.normalize("doi", parsed.value())).isEqualTo(parsed.value());
            assertThat(ORCID.normalize("doi", parsed.url())).isEqualTo(parsed.value());
            assertThat(ORCID.sameIdentifier("doi", parsed.url(), doi)).isTrue();
        });
    }

    @Test
    void doiTryParseNeverThrowsAndRejectsWithAKnownReason() {
        qt().withExamples(EXAMPLES).forAll(anything()).checkAssert(anything -> {
            if (Doi.tryParse(anything) instanceof ParseResult.Invalid<Doi> invalid) {
                assertThat(invalid.reason()).isIn(Doi.BLANK, Doi.NOT_A_DOI, Doi.NO_SUFFIX, Doi.CONTAINS_WHITESPACE);
                assertThat(invalid.input()).isEqualTo(anything);
            }
        });
    }

    /**
     * Holds for every value, not only those with a non-empty normalization: where a normalizer finds nothing
     * ({@code ""}), it finds nothing in {@code ""} either.
     */
    @Test
    void normalizationIsIdempotent() {
        qt().withExamples(3 * EXAMPLES).forAll(knownTypesOftenWithOwnNormalizer(), identifierText()).checkAssert((type, value) -> {
            String once = ORCID.normalize(type, value);

            assertThat(ORCID.normalize(type, once)).isEqualTo(once);
        });
    }

    @Test
    void normalizationIsIdempotentOnArbitraryText() {
        qt().withExamples(EXAMPLES).forAll(knownTypes(), anyText().describedAs(TextGenerators::quoted))
                .checkAssert((type, value) -> {
                    String once = ORCID.normalize(type, value);

                    assertThat(ORCID.normalize(type, once)).isEqualTo(once);
                });
    }

    @Test
    void caseInsensitiveTypesIgnoreCase() {
        List<String> caseInsensitive = ORCID.types().stream()
                .filter(type -> !type.caseSensitive())
                .map(IdentifierType::apiName)
                .toList();

        qt().withExamples(EXAMPLES).forAll(arbitrary().pick(caseInsensitive), identifierText())
                .checkAssert((type, value) -> assertThat(ORCID.normalize(type, value.toUpperCase(Locale.ROOT)))
                        .isEqualTo(ORCID.normalize(type, value.toLowerCase(Locale.ROOT))));
    }

    /** DOIs with the characters real suffixes use. */
    private static Gen<String> dois() {
        Gen<String> registrant = charactersOf("0123456789", 4, 9);
        Gen<String> suffix = charactersOf(SUFFIX_CHARACTERS, 1, 40);
        return registrant.zip(suffix, (r, s) -> "10." + r + "/" + s);
    }

    private static Gen<UnaryOperator<String>> forms() {
        return arbitrary().pick(FORMS).describedAs(form -> "form like '" + form.apply(SAMPLE_DOI) + "'");
    }

    /**
     * Any text, text that is almost a DOI after a resolver prefix or label, and real DOIs in every form with one
     * typing error or none: the last two reach the checks past the prefix that random text hardly ever gets to.
     */
    private static Gen<String> anything() {
        Gen<String> almostDois = arbitrary().pick(PREFIXES).zip(charactersOf(DOI_CHARACTERS, 0, 30), String::concat);
        Gen<String> writtenDois = dois().zip(forms(), (doi, form) -> form.apply(doi));
        return Generate.oneOf(anyText(), almostDois, withOneEdit(writtenDois, DOI_CHARACTERS))
                .describedAs(TextGenerators::quoted);
    }

    private static Gen<String> knownTypes() {
        return arbitrary().pick(ORCID.types().stream().map(IdentifierType::apiName).toList());
    }

    /** Half the time one of the few types with a normalizer of their own, where idempotence is least obvious. */
    private static Gen<String> knownTypesOftenWithOwnNormalizer() {
        Gen<String> withOwnNormalizer = arbitrary().pick(ORCID.types().stream()
                .filter(type -> !type.normalizer().isEmpty())
                .map(IdentifierType::apiName)
                .toList());
        return Generate.oneOf(knownTypes(), withOwnNormalizer);
    }

    private static Gen<String> identifierText() {
        Gen<String> noise = charactersOf(NOISE_CHARACTERS, 0, 30);
        return arbitrary().pick(FRAGMENTS).zip(noise, noise, (fragment, before, after) -> before + fragment + after)
                .describedAs(TextGenerators::quoted);
    }
}
