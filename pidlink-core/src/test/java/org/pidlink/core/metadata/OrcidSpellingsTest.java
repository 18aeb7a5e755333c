package org.pidlink.core.metadata;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The spellings of doi-metadata.md §1.5, including those whose sample files are not shipped, as one creator's
 * nameIdentifier in an otherwise fixed DataCite record.
 */
class OrcidSpellingsTest {

    private static DoiRecord withNameIdentifier(String attributes, String value) {
        String xml = "<resource xmlns=\"http://datacite.org/schema/kernel-4\">"
                + "<identifier identifierType=\"DOI\">10.5072/spelling</identifier>"
                + "<creators><creator><creatorName>Carberry, Josiah</creatorName>"
                + "<nameIdentifier " + attributes + ">" + value + "</nameIdentifier>"
                + "</creator></creators><titles><title>T</title></titles></resource>";
        ReadResult result = MetadataReader.standard().read(xml.getBytes(StandardCharsets.UTF_8));
        assertThat(result.errors()).isEmpty();
        return result.records().get(0);
    }

    @ParameterizedTest(name = "[{0}] {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "nameIdentifierScheme=\"ORCID\"                                   | 0000-0002-1825-0097",
            "nameIdentifierScheme=\"ORCID\" schemeURI=\"https://orcid.org/\"  | 0000-0002-1825-0097",
            "nameIdentifierScheme=\"orcid \"                                  | https://orcid.org/0000-0002-1825-0097",
            "nameIdentifierScheme=\"ORCID\" schemeURI=\"\"                    | http://orcid.org/0000-0002-1825-0097",
            "nameIdentifierScheme=\"https://orcid.org/\"                      | 0000-0002-1825-0097",
            "nameIdentifierScheme=\"\" schemeURI=\"http://orcid.org\"         | 0000-0002-1825-0097",
            "nameIdentifierScheme=\"ORCID\"                                   | '  https://orcid.org/0000-0002-1825-0097  '",
            "nameIdentifierScheme=\"ORCID\"                                   | https://orcid.org/0000-0002-1825-0097/",
            "nameIdentifierScheme=\"ORCID\"                                   | https://orcid.org/https://orcid.org/0000-0002-1825-0097",
            "nameIdentifierScheme=\"ORCID\"                                   | '\u00A0https://orcid.org/\n      0000-0002-1825-0097\u200B'",
            "nameIdentifierScheme=\"ORCID\"                                   | https://www.orcid.org/0000-0002-1825-0097",
            "schemeURI=\"\"                                                   | https://orcid.org/0000-0002-1825-0097",
    })
    void acceptedSpellings(String attributes, String value) {
        DoiRecord r = withNameIdentifier(attributes, value);
        assertThat(r.creators().get(0).orcid().value()).isEqualTo("0000-0002-1825-0097");
        assertThat(r.rejectedIdentifiers()).isEmpty();
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "https://orcid.org/0000-0001-9998-0117 | bad checksum",
            "0000-0001-9998-0118                   | bad checksum",
            "0000-0003-1419-2407                   | bad checksum",
            "456xyz                                | not an ORCID iD",
            "'   '                                 | blank",
            "''                                    | blank",
    })
    void rejectedSpellingsKeepTheRawValueAndAReason(String value, String reason) {
        DoiRecord r = withNameIdentifier("nameIdentifierScheme=\"ORCID\"", value);
        assertThat(r.creators().get(0).orcid()).isNull();
        assertThat(r.rejectedIdentifiers()).singleElement().satisfies(x -> {
            assertThat(x.value()).isEqualTo(value);
            assertThat(x.reason()).isEqualTo(reason);
            assertThat(x.person()).isEqualTo("Carberry, Josiah");
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "nameIdentifierScheme=\"ISNI\"    | 0000 0001 2103 2683",
            "nameIdentifierScheme=\"ROR\"     | https://ror.org/04wxnsj81",
    })
    void otherSchemesAreOtherIdentifiersNotOrcids(String attributes, String value) {
        DoiRecord r = withNameIdentifier(attributes, value);
        assertThat(r.creators().get(0).orcid()).isNull();
        assertThat(r.creators().get(0).otherIdentifiers()).singleElement()
                .satisfies(id -> assertThat(id.value()).isEqualTo(value));
        assertThat(r.rejectedIdentifiers()).isEmpty();
    }
}
