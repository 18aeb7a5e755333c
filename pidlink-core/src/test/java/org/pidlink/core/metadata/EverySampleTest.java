package org.pidlink.core.metadata;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every sample under the shared metadata folder (except the XSDs) is read: the format is detected from the content
 * alone, each record has a DOI and a title, and only the documents known not to be DOI metadata give errors.
 */
class EverySampleTest {

    /** Folders and the format their files are in. */
    private static final Map<String, MetadataFormat> FOLDERS = Map.of(
            "datacite/xml/official", MetadataFormat.DATACITE_XML,
            "datacite/xml/edge", MetadataFormat.DATACITE_XML,
            "datacite/xml/from-api", MetadataFormat.DATACITE_XML,
            "datacite/api-json/single", MetadataFormat.DATACITE_JSON,
            "datacite/api-json/list", MetadataFormat.DATACITE_JSON,
            "datacite/api-json/attributes-only", MetadataFormat.DATACITE_JSON,
            "crossref/deposit", MetadataFormat.CROSSREF_XML,
            "crossref/unixsd", MetadataFormat.CROSSREF_UNIXSD,
            "crossref/rest-json", MetadataFormat.CROSSREF_JSON);

    /** Documents that are not DOI metadata, or not complete records, with the error each must give. */
    private static final Map<String, String> NOT_RECORDS = Map.of(
            "events-page-1-size-5.json", "a JSON:API resource of type \"events\", not a DOI",
            "types.json", "a Crossref \"type-list\" message holds no works",
            "crossref-rest-api-doc-partial-funders.xml", "the deposit holds no work with a DOI (its body has: fundref_data)");

    static Stream<String> samples() {
        return FOLDERS.keySet().stream().sorted()
                .flatMap(folder -> Samples.under(folder).stream().map(p -> folder + "/" + p.getFileName()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void readsEverySample(String relative) {
        ReadResult result = Samples.read(relative);
        String folder = relative.substring(0, relative.lastIndexOf('/'));
        String name = Path.of(relative).getFileName().toString();
        assertThat(result.format()).as("format").isEqualTo(FOLDERS.get(folder));
        if (NOT_RECORDS.containsKey(name)) {
            assertThat(result.records()).isEmpty();
            assertThat(result.errors()).isNotEmpty()
                    .allSatisfy(e -> assertThat(e.message()).isEqualTo(NOT_RECORDS.get(name)));
            return;
        }
        assertThat(result.errors()).as("errors").isEmpty();
        if (!name.contains("count-only")) {
            assertThat(result.records()).isNotEmpty();
        }
        for (DoiRecord r : result.records()) {
            assertThat(r.doi()).isNotNull();
            assertThat(r.format()).isEqualTo(FOLDERS.get(folder));
            if (!"component".equals(r.resourceType() == null ? null : r.resourceType().general())) {
                assertThat(r.titles()).as("titles of %s", r.doi()).isNotEmpty();
            }
            assertThat(r.rejectedIdentifiers()).allSatisfy(x -> assertThat(x.reason()).isNotBlank());
            r.creators().forEach(p -> assertThat(p.position()).isEqualTo(r.creators().indexOf(p)));
            if (folder.startsWith("crossref")) {
                assertThat(r.state()).isEqualTo(DoiState.FINDABLE);
            }
        }
    }
}
