package org.pidlink.orcid.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reading ORCID's real v3.0 JSON (samples from orcid-model and captured responses from orcid-independent-tests). */
class WorkJsonTest {

    private final JsonMapper mapper = JsonMapper.builder().build();

    @Test
    void readsGroupedWorksOfTheFullRecordSample() {
        JsonNode record = mapper.readTree(
                SharedData.read("orcid/orcid-model/record_3.0/samples/read_samples/record-full-3.0.json"));
        List<WorkSummary> works = WorkJson.summariesOfGroups(record.path("activities-summary").path("works"));

        assertThat(works).isNotEmpty();
        WorkSummary first = works.getFirst();
        assertThat(first.putCode()).isEqualTo(178602);
        assertThat(first.sourceClientId()).isEqualTo("APP-OQYKBIN9CXD9U3SH");
        assertThat(first.isFromClient("APP-OQYKBIN9CXD9U3SH")).isTrue();
        assertThat(first.sourceOrcid()).isNull();
        assertThat(first.title()).isEqualTo("Work Title");
        assertThat(first.type()).isEqualTo("journal-article");
        assertThat(first.publicationDate()).isEqualTo("2012-10-01");
        assertThat(first.lastModified()).isEqualTo(Instant.ofEpochMilli(1559917017189L));
        assertThat(first.externalIds()).contains(
                new ExternalId("doi", "10.1087/20120404", "10.1087/20120404", "https://doi.org/10.1087/20120404",
                        "version-of"),
                new ExternalId("doi", "work:doi", null, "http://orcid.org", "self"));
        assertThat(first.selfIds()).extracting(ExternalId::comparableValue).containsExactly("work:doi");
    }

    @Test
    void theWorksAnswerReadAsAStreamIsTheSameAsReadAsOneTree() {
        JsonNode record = mapper.readTree(
                SharedData.read("orcid/orcid-model/record_3.0/samples/read_samples/record-full-3.0.json"));
        JsonNode works = record.path("activities-summary").path("works");
        // Two groups more around it, and members the reader skips (objects, arrays, nulls) before and between.
        String answer = "{\"last-modified-date\":{\"value\":1},\"path\":null,\"extra\":[[1],{\"group\":[]}],"
                + "\"group\":[" + works.path("group").get(0) + ",{\"external-ids\":{\"external-id\":[]},"
                + "\"work-summary\":[]}," + works.path("group").get(0) + "]}";
        List<WorkSummary> streamed = WorkJson.summariesOfGroups(mapper,
                answer.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        List<WorkSummary> oneTree = WorkJson.summariesOfGroups(mapper.readTree(answer));
        assertThat(oneTree).isNotEmpty();
        assertThat(streamed).isEqualTo(oneTree);
        assertThat(WorkJson.summariesOfGroups(mapper, works.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isEqualTo(WorkJson.summariesOfGroups(works));
    }

    @Test
    void aWorksAnswerThatIsNotWholeIsAnErrorNeverAShorterList() {
        JsonNode works = mapper.readTree(
                SharedData.read("orcid/orcid-model/record_3.0/samples/read_samples/record-full-3.0.json"))
                .path("activities-summary").path("works");
        String group = works.path("group").get(0).toString();
        // One group alone, as an object rather than an array of one: read as the tree reading reads it.
        String single = "{\"group\":" + group + "}";
        assertThat(WorkJson.summariesOfGroups(mapper, bytes(single)))
                .isEqualTo(WorkJson.summariesOfGroups(mapper.readTree(single))).isNotEmpty();

        for (String broken : List.of(
                "{\"group\":[" + group + ",null]}",
                "{\"group\":[{\"work-summary\":[null]}]}",
                "{\"group\":\"none\"}",
                "{\"group\":[" + group.substring(0, group.length() / 2),
                "{\"group\":[" + group + "]}{}",
                "[]")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> WorkJson.summariesOfGroups(mapper, bytes(broken)))
                    .as(broken).isInstanceOf(RuntimeException.class);
        }
    }

    private static byte[] bytes(String json) {
        return json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void readsACapturedLimitedWorkWithAPersonAsSource() {
        JsonNode work = mapper.readTree(SharedData.read("orcid/orcid-independent-tests/saved_records/limited_record_work30.json"));
        WorkSummary summary = WorkJson.summary(work);

        assertThat(summary.putCode()).isEqualTo(141942);
        assertThat(summary.sourceClientId()).isNull();
        assertThat(summary.sourceOrcid()).isEqualTo("0000-0001-7325-5491");
        assertThat(summary.publicationDate()).isNull();
        assertThat(summary.visibility()).isEqualTo("limited");
        assertThat(summary.externalIds()).containsExactly(new ExternalId("doi", "123", null, null, "self"));
    }
}
