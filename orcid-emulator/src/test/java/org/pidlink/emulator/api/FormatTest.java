package org.pidlink.emulator.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Content negotiation with ORCID's media types and qs values (orcid-api.md §1). */
class FormatTest {

    @ParameterizedTest(name = "Accept: {0}")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
            "NONE|application/vnd.orcid+xml",
            "*/*|application/vnd.orcid+xml",
            "application/json|application/json",
            "application/json, */*|application/json",
            "application/json, text/plain, */*|application/json",
            "application/xml;q=0.5, application/json;q=0.9|application/json",
            "application/vnd.orcid+json|application/vnd.orcid+json",
            "application/orcid+xml|application/orcid+xml",
            "application/*|application/vnd.orcid+xml",
            "text/html, application/json;q=0.1|application/json"})
    void negotiates(String accept, String expected) {
        assertThat(Format.negotiate(accept).mediaType()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"text/csv", "text/html", "application/json;q=0"})
    void refusesWhatItCannotProduce(String accept) {
        assertThat(Format.negotiate(accept)).isNull();
    }
}
