package org.pidlink.core.identifiers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.UnaryOperator;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;

class OrcidIdPropertiesTest {

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

    @Property
    void everyBodyWithItsCheckDigitParsesInEverySpellingAndRoundTrips(
            @ForAll @NumericChars @StringLength(15) String body,
            @ForAll("spellings") UnaryOperator<String> spelling) {
        OrcidId id = OrcidId.withCheckDigit(body);

        OrcidId parsed = OrcidId.parse(spelling.apply(id.value()));

        assertThat(parsed).isEqualTo(id);
        assertThat(OrcidId.parse(parsed.uri())).isEqualTo(id);
        assertThat(OrcidId.parse(parsed.toString())).isEqualTo(id);
        assertThat(new OrcidId(parsed.value())).isEqualTo(id);
    }

    @Property
    void changingAnyOneDigitIsABadChecksum(
            @ForAll @NumericChars @StringLength(15) String body,
            @ForAll @IntRange(min = 0, max = 15) int position,
            @ForAll @IntRange(min = 0, max = 100) int shift,
            @ForAll("spellings") UnaryOperator<String> spelling) {
        String sixteen = OrcidId.withCheckDigit(body).value().replace("-", "");
        char original = sixteen.charAt(position);
        char changed = changed(original, shift, position == 15);
        String altered = sixteen.substring(0, position) + changed + sixteen.substring(position + 1);
        String canonical = altered.substring(0, 4) + "-" + altered.substring(4, 8) + "-" + altered.substring(8, 12)
                + "-" + altered.substring(12);

        assertThat(OrcidId.tryParse(spelling.apply(canonical)).rejection()).contains(OrcidId.BAD_CHECKSUM);
    }

    @Property
    void swappingTwoDifferentAdjacentDigitsIsABadChecksum(
            @ForAll @NumericChars @StringLength(15) String body, @ForAll @IntRange(min = 0, max = 13) int position) {
        String sixteen = OrcidId.withCheckDigit(body).value().replace("-", "");
        char a = sixteen.charAt(position);
        char b = sixteen.charAt(position + 1);
        Assume.that(a != b && b != 'X');
        String swapped = sixteen.substring(0, position) + b + a + sixteen.substring(position + 2);

        assertThat(OrcidId.tryParse(swapped).rejection()).contains(OrcidId.BAD_CHECKSUM);
    }

    @Property
    void tryParseNeverThrowsAndRejectsWithAKnownReason(@ForAll String anything) {
        ParseResult<OrcidId> result = OrcidId.tryParse(anything, OrcidEnvironment.PRODUCTION);

        if (result instanceof ParseResult.Invalid<OrcidId> invalid) {
            assertThat(invalid.reason()).isIn(OrcidId.BLANK, OrcidId.NOT_AN_ORCID_ID, OrcidId.BAD_CHECKSUM,
                    OrcidId.SANDBOX_IN_PRODUCTION);
            assertThat(invalid.input()).isEqualTo(anything);
        }
    }

    @Provide
    Arbitrary<UnaryOperator<String>> spellings() {
        return Arbitraries.of(SPELLINGS);
    }

    /** Another legal character for the position: any other digit, or X as well in the check position. */
    private static char changed(char original, int shift, boolean checkPosition) {
        String alphabet = checkPosition ? "0123456789X" : "0123456789";
        int step = 1 + shift % (alphabet.length() - 1);
        return alphabet.charAt((alphabet.indexOf(original) + step) % alphabet.length());
    }
}
