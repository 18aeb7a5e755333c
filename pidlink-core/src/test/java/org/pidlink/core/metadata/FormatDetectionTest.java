package org.pidlink.core.metadata;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class FormatDetectionTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "datacite/xml/official/kernel-4.7-full.xml, DATACITE_XML",
            "datacite/xml/edge/ns0-prefixed-kernel-3.0-namespace.xml, DATACITE_XML",
            "datacite/api-json/single/10.2314_coscv1.json, DATACITE_JSON",
            "datacite/api-json/attributes-only/datacite-instrument_attributes.json, DATACITE_JSON",
            "crossref/deposit/elife-12444-journal-article-5.5.0.xml, CROSSREF_XML",
            "crossref/unixsd/10.1155_2012_291294.xml, CROSSREF_UNIXSD",
            "crossref/rest-json/works_10.7554_elife.01567.json, CROSSREF_JSON",
            "crossref/rest-json/transform-csl_10.1126_science.169.3946.635.json, CROSSREF_JSON",
            "crossref/errors/404-works-blblbl.txt, ",
    })
    void detectsEachFormatFromTheContentAlone(String sample, MetadataFormat expected) {
        assertThat(MetadataFormats.detect(Samples.bytes(sample))).isEqualTo(expected);
    }

    @Test
    void theHintDecidesOnlyWhenTheContentDoesNot() {
        byte[] ambiguous = utf8("[{\"title\":\"x\"}]");
        assertThat(MetadataFormats.detect(ambiguous)).isNull();
        assertThat(MetadataFormats.detect(ambiguous, "application/vnd.crossref-api-message+json"))
                .isEqualTo(MetadataFormat.CROSSREF_JSON);
        // a mislabelled document is read for what it is
        assertThat(MetadataFormats.detect(Samples.bytes("crossref/unixsd/10.1155_2012_291294.xml"),
                "application/vnd.datacite.datacite+xml")).isEqualTo(MetadataFormat.CROSSREF_UNIXSD);
        assertThat(MetadataReader.standard().read(utf8("{\"DOI\":\"10.5555/x\",\"title\":[\"T\"]}"), "text/plain")
                .format()).isEqualTo(MetadataFormat.CROSSREF_JSON);
    }

    @Test
    void contentTypesNameFormats() {
        assertThat(MetadataFormats.fromContentType("application/vnd.datacite.datacite+xml; charset=utf-8"))
                .isEqualTo(MetadataFormat.DATACITE_XML);
        assertThat(MetadataFormats.fromContentType("application/vnd.api+json")).isEqualTo(MetadataFormat.DATACITE_JSON);
        assertThat(MetadataFormats.fromContentType("application/vnd.crossref.unixsd+xml"))
                .isEqualTo(MetadataFormat.CROSSREF_UNIXSD);
        assertThat(MetadataFormats.fromContentType("application/json")).isNull();
        assertThat(MetadataFormats.fromContentType(null)).isNull();
    }

    @Test
    void oaiPmhWrappedDataCiteRecordsAreFound() {
        String kernel = new String(Samples.bytes("datacite/xml/official/affiliation-v4.xml"), StandardCharsets.UTF_8)
                .replace("\uFEFF", "").replaceFirst("<\\?xml[^>]*>", "");
        String oai = "<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\"><ListRecords>"
                + "<record><metadata>" + kernel + "</metadata></record>"
                + "<record><metadata>" + kernel.replace("10.5072/example-full", "10.5072/second") + "</metadata></record>"
                + "</ListRecords></OAI-PMH>";
        ReadResult result = MetadataReader.standard().read(utf8(oai));
        assertThat(result.format()).isEqualTo(MetadataFormat.DATACITE_XML);
        assertThat(result.errors()).isEmpty();
        assertThat(result.records()).extracting(r -> r.doi().value()).containsExactly("10.5072/example-full", "10.5072/second");
    }
}
