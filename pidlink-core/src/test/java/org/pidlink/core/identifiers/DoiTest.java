package org.pidlink.core.identifiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DoiTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "10.5438/0012",
            "10.5438/0012 ",
            "\n    10.5438/0012\n  ",
            "doi:10.5438/0012",
            "DOI:10.5438/0012",
            "doi: 10.5438/0012",
            "DOI 10.5438/0012",
            "info:doi/10.5438/0012",
            "urn:doi:10.5438/0012",
            "https://doi.org/10.5438/0012",
            "http://doi.org/10.5438/0012",
            "https://dx.doi.org/10.5438/0012",
            "http://dx.doi.org/10.5438/0012",
            "https://www.doi.org/10.5438/0012",
            "doi.org/10.5438/0012",
            "dx.doi.org/10.5438/0012",
            "HTTPS://DOI.ORG/10.5438/0012",
            "https://doi.org/10.5438%2F0012",
            "https%3A%2F%2Fdoi.org%2F10.5438%2F0012",
            "http://hdl.handle.net/10.5438/0012",
            "https://handle.test.datacite.org/10.5438/0012",
            "DOI:http://dx.doi.org/10.5438/0012",
            "\u00a010.5438/0012\u200b",
    })
    void parsesEveryFormToTheCanonicalValue(String input) {
        Doi doi = Doi.parse(input);

        assertThat(doi.value()).isEqualTo("10.5438/0012");
        assertThat(doi.url()).isEqualTo("https://doi.org/10.5438/0012");
        assertThat(doi).hasToString("10.5438/0012");
        assertThat(doi.prefix()).isEqualTo("10.5438");
        assertThat(doi.suffix()).isEqualTo("0012");
    }

    @Test
    void comparesCaseInsensitively() {
        assertThat(Doi.parse("https://doi.org/10.5072/M32163")).isEqualTo(Doi.parse("10.5072/m32163"));
        assertThat(Doi.parse("10.1103/PhysRevApplied.4.014012").value()).isEqualTo("10.1103/physrevapplied.4.014012");
    }

    @Test
    void keepsSuffixCharactersThatAreLegalInDois() {
        assertThat(Doi.parse("10.1175/1520-0426(2000)017<0854:AEOSRB>2.0.CO;2").value())
                .isEqualTo("10.1175/1520-0426(2000)017<0854:aeosrb>2.0.co;2");
        assertThat(Doi.parse("10.1002/(SICI)1097-4636(199605)31:1<1::AID-JBM1>3.0.CO;2-T").suffix())
                .isEqualTo("(sici)1097-4636(199605)31:1<1::aid-jbm1>3.0.co;2-t");
        assertThat(Doi.parse("10.1000/a+b").value()).isEqualTo("10.1000/a+b");
        assertThat(Doi.parse("10.1000/100%").value()).isEqualTo("10.1000/100%");
        assertThat(Doi.parse("10.1049/el:20000645").value()).isEqualTo("10.1049/el:20000645");
        assertThat(Doi.parse("10.1000.10/abc").prefix()).isEqualTo("10.1000.10");
    }

    @Test
    void undoesXmlEscaping() {
        assertThat(Doi.parse("10.1175/1520-0426(2000)017&lt;0854:AEOSRB&gt;2.0.CO;2").value())
                .isEqualTo("10.1175/1520-0426(2000)017<0854:aeosrb>2.0.co;2");
        assertThat(Doi.parse("10.1175/x&amp;amp;lt;y").value()).isEqualTo("10.1175/x<y");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "\n\t"})
    void rejectsBlank(String input) {
        assertThat(Doi.tryParse(input).rejection()).contains(Doi.BLANK);
        assertThat(Doi.tryParse(null).rejection()).contains(Doi.BLANK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ijiv11i2a8", "papers3://publication/doi/10.1038", "11.1234/abc", "10.abc/def",
            "https://example.org/10.1234/abc", "S0022-2828(12)00261-1 [pii]", "10/abc", "2019-07"})
    void rejectsWhatIsNotADoi(String input) {
        assertThat(Doi.tryParse(input)).isEqualTo(new ParseResult.Invalid<>("DOI", input, Doi.NOT_A_DOI));
    }

    @ParameterizedTest
    @ValueSource(strings = {"doi:10.1038", "10.1038/", "https://doi.org/10.1038"})
    void rejectsAPrefixWithoutSuffix(String input) {
        assertThat(Doi.tryParse(input).rejection()).contains(Doi.NO_SUFFIX);
    }

    @Test
    void rejectsInnerWhitespace() {
        assertThat(Doi.tryParse("10.4013/cld. 2016").rejection()).contains(Doi.CONTAINS_WHITESPACE);
        assertThat(Doi.tryParse("Unisinos - 10.4013 /cld.2016.141.04").rejection()).contains(Doi.NOT_A_DOI);
    }

    @Test
    void parseThrowsWithTheReason() {
        assertThatThrownBy(() -> Doi.parse("doi:10.1038"))
                .isInstanceOfSatisfying(InvalidIdentifierException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Doi.NO_SUFFIX);
                    assertThat(e.value()).isEqualTo("doi:10.1038");
                });
    }

    @Test
    void constructorAcceptsOnlyTheCanonicalForm() {
        assertThat(new Doi("10.5438/0012").value()).isEqualTo("10.5438/0012");
        assertThatThrownBy(() -> new Doi("10.5072/M32163")).isInstanceOf(InvalidIdentifierException.class);
        assertThatThrownBy(() -> new Doi("https://doi.org/10.5072/m32163")).isInstanceOf(InvalidIdentifierException.class);
    }
}
