package org.pidlink.core.identifiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pidlink.core.identifiers.TextGenerators.anyText;
import static org.pidlink.core.identifiers.TextGenerators.charactersOf;
import static org.pidlink.core.identifiers.TextGenerators.withOneEdit;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Properties of {@link OrcidId} over generated iDs and inputs. Each run draws a fresh seed, printed with any
 * falsifying (shrunk) example; rerun it with {@code -DQT_SEED=<seed>}.
 */
class OrcidIdPropertiesTest {

    private static final int EXAMPLES = 1000;

    /** Shown in failure reports to say which spelling was drawn; its check character X shows the case step. */
    private static final String SAMPLE_ID = "0000-0002-1694-233X";

    /** Every way metadata spells an iD, as a function of its canonical form. */
    private static final List<UnaryOperator<String>> SPELLINGS = List.of(
            v -> v,
            v -> "https://orcid.org/" + v,
            v -> "http://orcid.org/" + v,
            v -> "orcid.org/" + v,
            v -> "https://www.orcid.org/" + v,
            v -> "http://www.orcid.org/" + v,
            v -> "https://orcid.org/" + v + "/",
            v -> " https://orcid.org/" + v,
            v -> "  https://orcid.org/" + v + "  ",
            v -> "\n                https://orcid.org/" + v,
            v -> "https://orcid.org/\n    " + v + "\n  ",
            v -> "https://orcid.org/https://orcid.org/" + v,
            v -> "https://sandbox.orcid.org/" + v,
            v -> v.toLowerCase(),
            v -> v.replace("-", ""),
            v -> v.replace("-", " "),
            v -> "HTTPS://ORCID.ORG/" + v);

    /** Host prefixes, well and badly formed, for inputs that are almost iDs. */
    private static final List<String> PREFIXES = List.of("", "https://orcid.org/", "http://www.orcid.org/",
            "orcid.org//", "https:/orcid.org/", "https://sandbox.orcid.org/", "HTTP://SANDBOX.ORCID.ORG/",
            "https://orcid.org/https://sandbox.orcid.org/", "https://orcid.com/", "orcid:");

    /** What iD-like text is made of: digits, check characters, dashes, spaces of every kind, slashes. */
    private static final String ID_CHARACTERS = "0123456789Xx-\u2010\u2013\u2015 \t\n\u00A0\u200B\uFEFF/.";

    private static final Set<String> PRODUCTION_REASONS = Set.of(OrcidId.BLANK, OrcidId.NOT_AN_ORCID_ID,
            OrcidId.BAD_CHECKSUM, OrcidId.SANDBOX_IN_PRODUCTION);
    private static final Set<String> SANDBOX_REASONS = Set.of(OrcidId.BLANK, OrcidId.NOT_AN_ORCID_ID,
            OrcidId.BAD_CHECKSUM);

    @Test
    void everyBodyWithItsCheckDigitParsesInEverySpellingAndRoundTrips() {
        qt().withExamples(EXAMPLES).forAll(bodies(), spellings()).checkAssert((body, spelling) -> {
            OrcidId id = OrcidId.withCheckDigit(body);

            OrcidId parsed = OrcidId.parse(spelling.apply(id.value()));

            assertThat(parsed).isEqualTo(id);
            assertThat(OrcidId.parse(parsed.uri())).isEqualTo(id);
            assertThat(OrcidId.parse(parsed.toString())).isEqualTo(id);
            assertThat(new OrcidId(parsed.value())).isEqualTo(id);
        });
    }

    @Test
    void changingAnyOneDigitIsABadChecksum() {
        qt().withExamples(EXAMPLES)
                .forAll(sixteens(), integers().between(0, 15), integers().between(0, 100), spellings())
                .checkAssert((sixteen, position, shift, spelling) -> {
                    char changed = changed(sixteen.charAt(position), shift, position == 15);
                    String altered = sixteen.substring(0, position) + changed + sixteen.substring(position + 1);

                    assertThat(OrcidId.tryParse(spelling.apply(canonical(altered))).rejection())
                            .contains(OrcidId.BAD_CHECKSUM);
                });
    }

    /** Also swaps the last digit with a numeric check character: MOD 11-2 catches that transposition too. */
    @Test
    void swappingTwoDifferentAdjacentDigitsIsABadChecksum() {
        qt().withExamples(EXAMPLES)
                .forAll(sixteens(), integers().between(0, 14))
                .assuming((sixteen, position) -> sixteen.charAt(position) != sixteen.charAt(position + 1)
                        && sixteen.charAt(position + 1) != 'X')
                .checkAssert((sixteen, position) -> {
                    String swapped = sixteen.substring(0, position) + sixteen.charAt(position + 1)
                            + sixteen.charAt(position) + sixteen.substring(position + 2);

                    assertThat(OrcidId.tryParse(swapped).rejection()).contains(OrcidId.BAD_CHECKSUM);
                    assertThat(OrcidId.tryParse(canonical(swapped)).rejection()).contains(OrcidId.BAD_CHECKSUM);
                });
    }

    @Test
    void tryParseNeverThrowsAndRejectsWithAKnownReason() {
        qt().withExamples(EXAMPLES)
                .forAll(anything(), arbitrary().enumValues(OrcidEnvironment.class))
                .checkAssert((anything, environment) -> {
                    ParseResult<OrcidId> result = OrcidId.tryParse(anything, environment);

                    if (result instanceof ParseResult.Invalid<OrcidId> invalid) {
                        assertThat(invalid.reason()).isIn(environment == OrcidEnvironment.PRODUCTION
                                ? PRODUCTION_REASONS : SANDBOX_REASONS);
                        assertThat(invalid.input()).isEqualTo(anything);
                    }
                });
    }

    /** 15 digits: the body of an iD before its check character. */
    private static Gen<String> bodies() {
        return charactersOf("0123456789", 15, 15);
    }

    /** Valid iDs as their 16 characters, without hyphens. */
    private static Gen<String> sixteens() {
        return bodies().map(body -> OrcidId.withCheckDigit(body).value().replace("-", ""));
    }

    private static Gen<UnaryOperator<String>> spellings() {
        return arbitrary().pick(SPELLINGS).describedAs(spelling -> "spelling like '" + spelling.apply(SAMPLE_ID) + "'");
    }

    /**
     * Any text, text that is almost an iD after a host prefix, and real iDs in every spelling with one typing
     * error or none: the last two reach the checksum and sandbox checks that random text hardly ever gets to.
     */
    private static Gen<String> anything() {
        Gen<String> almostIds = arbitrary().pick(PREFIXES).zip(charactersOf(ID_CHARACTERS, 0, 24), String::concat);
        Gen<String> spelledIds = bodies().zip(spellings(),
                (body, spelling) -> spelling.apply(OrcidId.withCheckDigit(body).value()));
        return Generate.oneOf(anyText(), almostIds, withOneEdit(spelledIds, ID_CHARACTERS))
                .describedAs(TextGenerators::quoted);
    }

    private static String canonical(String sixteen) {
        return sixteen.substring(0, 4) + "-" + sixteen.substring(4, 8) + "-" + sixteen.substring(8, 12) + "-"
                + sixteen.substring(12);
    }

    /** Another legal character for the position: any other digit, or X as well in the check position. */
    private static char changed(char original, int shift, boolean checkPosition) {
        String alphabet = checkPosition ? "0123456789X" : "0123456789";
        int step = 1 + shift % (alphabet.length() - 1);
        return alphabet.charAt((alphabet.indexOf(original) + step) % alphabet.length());
    }
}
