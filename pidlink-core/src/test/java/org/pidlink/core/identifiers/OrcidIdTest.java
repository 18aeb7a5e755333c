package org.pidlink.core.identifiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrcidIdTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "0000-0002-1825-0097",
            "https://orcid.org/0000-0002-1825-0097",
            "http://orcid.org/0000-0002-1825-0097",
            "HTTPS://ORCID.ORG/0000-0002-1825-0097",
            "orcid.org/0000-0002-1825-0097",
            "https://www.orcid.org/0000-0002-1825-0097",
            "www.orcid.org/0000-0002-1825-0097",
            "https://orcid.org/0000-0002-1825-0097/",
            " https://orcid.org/0000-0002-1825-0097",
            " https://orcid.org/0000-0002-1825-0097 ",
            "\n                https://orcid.org/0000-0002-1825-0097",
            "https://orcid.org/\n        0000-0002-1825-0097\n    ",
            "https://orcid.org/https://orcid.org/0000-0002-1825-0097",
            "http://orcid.org/https://orcid.org/0000-0002-1825-0097/",
            "https://sandbox.orcid.org/0000-0002-1825-0097",
            "0000 0002 1825 0097",
            "0000000218250097",
            "0000\u20110002\u20111825\u20110097",
            "\u00a00000-0002-1825-0097\u200b",
            "\uFEFFhttps://orcid.org/0000-0002-1825-0097\t",
    })
    void parsesEverySpellingToTheCanonicalForm(String spelling) {
        OrcidId id = OrcidId.parse(spelling);

        assertThat(id.value()).isEqualTo("0000-0002-1825-0097");
        assertThat(id.uri()).isEqualTo("https://orcid.org/0000-0002-1825-0097");
        assertThat(id).hasToString("0000-0002-1825-0097");
    }

    @Test
    void upperCasesTheCheckCharacterX() {
        assertThat(OrcidId.parse("0000-0002-7285-027x").value()).isEqualTo("0000-0002-7285-027X");
        assertThat(OrcidId.parse("https://orcid.org/0000-0002-7285-027X").value()).isEqualTo("0000-0002-7285-027X");
    }

    @Test
    void acceptsThe0009Block() {
        OrcidId id = OrcidId.parse("https://orcid.org/https://orcid.org/0009-0009-0223-2917");

        assertThat(id.value()).isEqualTo("0009-0009-0223-2917");
        assertThat(id.isInIssuedRange()).isTrue();
    }

    @Test
    void tellsIdsOutsideTheIssuedBlocks() {
        assertThat(OrcidId.parse("2220-0021-5000-0004").isInIssuedRange()).isFalse();
        assertThat(OrcidId.parse("0000-0001-5000-0007").isInIssuedRange()).isTrue();
        assertThat(OrcidId.parse("0000-0002-1825-0097").isInIssuedRange()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n   \t", "\u00a0"})
    void rejectsBlank(String input) {
        assertThat(OrcidId.tryParse(input).rejection()).contains(OrcidId.BLANK);
    }

    @Test
    void rejectsNullAsBlank() {
        assertThat(OrcidId.tryParse(null)).isEqualTo(new ParseResult.Invalid<>("ORCID iD", "null", "blank"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"456xyz", "xyz789", "https://orcid.org/", "https://orcid.org/0000-0002-1825",
            "0000-0002-1825-00971", "0000-0002-1825-009Y", "https://ror.org/03yrm5c26", "Q107529885",
            "0000--0002-1825-0097", "https://example.org/0000-0002-1825-0097", "0000-0002-1825-0097 extra"})
    void rejectsWhatIsNotAnOrcidId(String input) {
        ParseResult<OrcidId> result = OrcidId.tryParse(input);

        assertThat(result).isEqualTo(new ParseResult.Invalid<>("ORCID iD", input, "not an ORCID iD"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0000-0001-9998-0117", "0000-0001-9998-0118", "0000-0003-1419-2407",
            "https://orcid.org/0000-0002-1825-0098", "0000-0002-7285-0270"})
    void rejectsBadChecksums(String input) {
        assertThat(OrcidId.tryParse(input).rejection()).contains("bad checksum");
    }

    @Test
    void parseThrowsWithTheReasonAndTheValue() {
        assertThatThrownBy(() -> OrcidId.parse("0000-0001-9998-0117"))
                .isInstanceOfSatisfying(InvalidIdentifierException.class, e -> {
                    assertThat(e.reason()).isEqualTo("bad checksum");
                    assertThat(e.value()).isEqualTo("0000-0001-9998-0117");
                    assertThat(e).hasMessageContaining("ORCID iD").hasMessageContaining("bad checksum");
                });
    }

    @Test
    void productionRefusesSandboxSpellings() {
        String sandbox = "https://sandbox.orcid.org/0000-0002-1825-0097";

        assertThat(OrcidId.isSandboxSpelling(sandbox)).isTrue();
        assertThat(OrcidId.isSandboxSpelling("https://orcid.org/https://sandbox.orcid.org/0000-0002-1825-0097")).isTrue();
        assertThat(OrcidId.isSandboxSpelling("https://orcid.org/0000-0002-1825-0097")).isFalse();
        assertThat(OrcidId.tryParse(sandbox, OrcidEnvironment.PRODUCTION).rejection())
                .contains(OrcidId.SANDBOX_IN_PRODUCTION);
        assertThat(OrcidId.tryParse(sandbox, OrcidEnvironment.SANDBOX).orElseThrow().value())
                .isEqualTo("0000-0002-1825-0097");
        assertThat(OrcidId.parse("0000-0002-1825-0097", OrcidEnvironment.PRODUCTION).value())
                .isEqualTo("0000-0002-1825-0097");
    }

    @Test
    void badChecksumWinsOverSandboxSoTheReasonNamesTheRealProblem() {
        assertThat(OrcidId.tryParse("https://sandbox.orcid.org/0000-0002-1825-0098", OrcidEnvironment.PRODUCTION)
                .rejection()).contains("bad checksum");
    }

    @Test
    void uriOnTheSandboxHost() {
        OrcidId id = OrcidId.parse("0000-0002-1825-0097");

        assertThat(id.uri(OrcidEnvironment.SANDBOX)).isEqualTo("https://sandbox.orcid.org/0000-0002-1825-0097");
        assertThat(id.uri(OrcidEnvironment.PRODUCTION)).isEqualTo(id.uri());
    }

    @Test
    void constructorAcceptsOnlyTheCanonicalForm() {
        assertThat(new OrcidId("0000-0002-1825-0097").value()).isEqualTo("0000-0002-1825-0097");
        assertThatThrownBy(() -> new OrcidId("0000000218250097")).isInstanceOf(InvalidIdentifierException.class);
        assertThatThrownBy(() -> new OrcidId("0000-0002-7285-027x")).isInstanceOf(InvalidIdentifierException.class);
        assertThatThrownBy(() -> new OrcidId("0000-0002-1825-0098")).isInstanceOf(InvalidIdentifierException.class);
    }

    @Test
    void computesTheIso7064CheckCharacter() {
        assertThat(OrcidId.checkDigit("000000021825009")).isEqualTo('7');
        assertThat(OrcidId.checkDigit("000000027285027")).isEqualTo('X');
        assertThat(OrcidId.withCheckDigit("000000015000000").value()).isEqualTo("0000-0001-5000-0007");
        assertThatThrownBy(() -> OrcidId.withCheckDigit("12345")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void equalIdsAreEqualValues() {
        assertThat(OrcidId.parse("http://orcid.org/0000-0002-7285-027x"))
                .isEqualTo(OrcidId.parse("0000-0002-7285-027X"));
    }
}
