package org.pidlink.core.metadata;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.pidlink.core.metadata.support.Texts;

import static org.assertj.core.api.Assertions.assertThat;

class TextsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', nullValues = "NULL", value = {
            "'a b'                     | 'a b'",
            "'  a \n\t  b  '           | 'a b'",
            "'a  b'                    | 'a b'",
            "'a\u00A0b'                | 'a b'",
            "'\u200Ba\u3000b\u2060'    | 'a b'",
            "'x'                       | 'x'",
            "'   '                     | NULL",
            "''                        | NULL",
            "'Ünïcödé  ok'             | 'Ünïcödé ok'",
    })
    void collapse(String in, String expected) {
        assertThat(Texts.collapse(in)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "'The <i>Drosophila</i> gene'                | 'The Drosophila gene'",
            "'<jats:p>First.</jats:p><jats:p>Second</jats:p>' | 'First. Second'",
            "'a &lt; b &amp; c &#233; &#x4E2D;'          | 'a < b & c é 中'",
            "'x < y and y > z'                           | 'x < y and y > z'",
    })
    void stripMarkup(String in, String expected) {
        assertThat(Texts.stripMarkup(in)).isEqualTo(expected);
    }
}
