package org.pidlink.app.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pidlink.app.claims.ClaimStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code POST /api/v1/dois}: formats, batches, bad input, API keys, idempotency. Issue 7. */
class IntakeRestTests extends IntakeTestSupport {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            datacite/xml/official/affiliation-v4.xml               | application/xml                  | datacite-xml  | 10.5072/example-full      | 0000-0001-5000-0007 0000-0002-1825-0097 0000-0002-7285-027X
            datacite/api-json/single/10.2314_coscv1.json           | application/vnd.api+json         | datacite-json | 10.2314/coscv1            | 0000-0003-0232-7085 0000-0002-3075-7640 0000-0003-1419-2405
            crossref/deposit/crossref-rest-api-doc-full-4.3.4.xml  | application/vnd.crossref.deposit+xml | crossref-xml | 10.5555/12345678         | 0000-0002-1825-0097
            crossref/rest-json/works_10.53731_ybhah-9jy85.json     |                                  | crossref-json | 10.53731/ybhah-9jy85      | 0000-0003-1419-2405
            """)
    void acceptsEachFormatAndClaimsForEveryResearcherNamed(String file, String contentType, String format, String doi,
                                                             String orcids) {
        JsonNode report = accepted(post(sharedBytes("metadata/" + file), contentType));

        assertThat(texts(report.get("format"))).containsExactly(format);
        JsonNode outcome = report.get("dois").valueStream().filter(d -> d.get("doi").asString().equals(doi))
                .findFirst().orElseThrow();
        assertThat(outcome.get("status").asString()).isEqualTo("accepted");
        List<String> expected = List.of(orcids.split(" "));
        assertThat(texts(outcome.get("orcids"))).containsAll(expected);
        drainIntake();
        for (String orcid : expected) {
            assertThat(claim(orcid, doi)).as("claim of %s", orcid).hasValueSatisfying(c -> {
                assertThat(c.provenance()).contains(org.pidlink.app.claims.Provenance.AUTO_UPDATE);
                assertThat(c.registrationId()).isEqualTo("auto-update");
            });
        }
    }

    @Test
    void jsonLinesBatchKeepsTheGoodRecordsAndNamesTheBadLine() {
        String first = TestRecords.dataciteJson(TestRecords.newDoi(), "findable", "First", List.of(TestRecords.newOrcid()),
                List.of());
        String crossref = JSON.writeValueAsString(JSON.readTree(
                sharedBytes("metadata/crossref/rest-json/works_10.53731_ybhah-9jy85.json")));
        String body = first + "\n{\"data\": {\"id\": \"10.5555/broken\", \"attributes\": \n" + crossref + "\n";

        JsonNode report = accepted(post(body.getBytes(StandardCharsets.UTF_8), "application/x-ndjson"));

        assertThat(report.get("received").asInt()).isEqualTo(3);
        assertThat(report.get("accepted").asInt()).isEqualTo(2);
        assertThat(report.get("rejected").asInt()).isEqualTo(1);
        JsonNode bad = report.get("dois").get(1);
        assertThat(bad.get("status").asString()).isEqualTo("rejected");
        assertThat(bad.get("location").asString()).startsWith("line 2");
        assertThat(bad.get("reason").asString()).isNotBlank();
        assertThat(report.get("dois").get(2).get("doi").asString()).isEqualTo("10.53731/ybhah-9jy85");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM intake_doi", Integer.class)).isEqualTo(2);
    }

    @Test
    void jsonLinesAreRecognizedWithoutTheirContentType() {
        String body = TestRecords.dataciteJson(TestRecords.newDoi(), "findable", "A", List.of(), List.of()) + "\n"
                + TestRecords.dataciteJson(TestRecords.newDoi(), "findable", "B", List.of(), List.of()) + "\n";

        JsonNode report = accepted(post(body.getBytes(StandardCharsets.UTF_8), "application/json"));

        assertThat(report.get("accepted").asInt()).isEqualTo(2);
        assertThat(report.get("dois").get(0).get("reason").asString()).contains("no usable ORCID iD");
    }

    @Test
    void jsonApiListWithOneBadRecordAcceptsTheOthers() {
        ObjectNode list = (ObjectNode) JSON.readTree(sharedBytes(
                "metadata/datacite/api-json/list/stage_dois_query-orcid-and-updated-range_affiliation-true_size25.json"));
        ArrayNode data = (ArrayNode) list.get("data");
        int records = data.size();
        ObjectNode broken = (ObjectNode) data.get(3);
        broken.remove("id");
        broken.put("attributes", "not an object");

        JsonNode report = accepted(post(JSON.writeValueAsBytes(list), "application/vnd.api+json"));

        assertThat(report.get("received").asInt()).isEqualTo(records);
        assertThat(report.get("rejected").asInt()).isEqualTo(1);
        JsonNode rejected = report.get("dois").valueStream().filter(d -> d.get("status").asString().equals("rejected"))
                .findFirst().orElseThrow();
        assertThat(rejected.get("location").asString()).contains("$.data[3]");
        assertThat(report.get("accepted").asInt() + report.get("skipped").asInt()).isEqualTo(records - 1);
    }

    @Test
    void reportsOrcidIdsThatCannotBeUsed() {
        JsonNode report = accepted(post(sharedBytes("metadata/datacite/api-json/request/post-dois-wrong-nameidentifiers.json"),
                "application/json"));

        JsonNode outcome = report.get("dois").get(0);
        // IsPartOf another DOI: accepted, and left to the researchers' filters (by default not written).
        assertThat(outcome.get("status").asString()).isEqualTo("accepted");
        assertThat(outcome.get("reason").asString()).contains("IsPartOf").contains("filters decide");
        assertThat(texts(outcome.get("orcids"))).containsExactly("0000-0003-1419-2405");
        assertThat(outcome.get("rejectedIdentifiers").isEmpty()).isFalse();
        assertThat(outcome.get("rejectedIdentifiers").get(0).get("reason").asString()).isNotBlank();
    }

    @Test
    void skipsWhatIsNotWrittenToOrcidAndSaysWhy() {
        JsonNode report = accepted(post(sharedBytes("metadata/datacite/xml/official/award-v4.6.xml"), null));

        JsonNode outcome = report.get("dois").get(0);
        assertThat(outcome.get("status").asString()).isEqualTo("skipped");
        assertThat(outcome.get("reason").asString()).contains("datacite:Award");
        drainIntake();
        assertThat(claim("0000-0001-5727-2427", "10.82433/p1zt-4c67")).isEmpty();
    }

    @Test
    void unreadableInputIsAProblemNamingLineAndColumn() {
        byte[] xml = "<?xml version=\"1.0\"?>\n<resource xmlns=\"http://datacite.org/schema/kernel-4\">\n  <identifier"
                .getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = post(xml, "application/xml");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("detail").asString()).contains("line 3");
        assertThat(problem.get("errors").get(0).get("location").asString()).contains("line 3");
    }

    @Test
    void emptyAndNonMetadataBodiesAreProblems() {
        HttpResponse<String> empty = post(new byte[0], "application/json");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(empty.body()).get("title").asString()).isEqualTo("Empty request");

        HttpResponse<String> text = post("hello".getBytes(StandardCharsets.UTF_8), "text/plain");
        assertThat(text.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(text.body()).get("detail").asString()).contains("neither XML nor JSON");
    }

    @Test
    void unknownEndpointsAnswerAProblemToo() {
        HttpResponse<String> response = send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + "/api/v1/nothing-here")).header("X-API-Key", key).GET());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(JSON.readTree(response.body()).get("detail").asString()).contains("GET /api/v1/nothing-here");
    }

    @Test
    void callersNeedAValidUnrevokedKey() {
        byte[] body = sharedBytes("metadata/datacite/xml/official/affiliation-v4.xml");

        HttpResponse<String> none = post(body, "application/xml", null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(JSON.readTree(none.body()).get("detail").asString()).contains("API key is required");

        assertThat(post(body, "application/xml", "pidlink_not-a-key").statusCode()).isEqualTo(401);

        var created = apiKeys.create("revoked-source", null, "test");
        assertThat(post(body, "application/xml", created.key()).statusCode()).isEqualTo(202);
        assertThat(apiKeys.revoke(created.id())).isTrue();
        HttpResponse<String> revoked = post(body, "application/xml", created.key());
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(revoked.body()).doesNotContain(created.key());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM api_key WHERE key_hash LIKE ?", Integer.class,
                "%" + created.key() + "%")).isZero();
    }

    @Test
    void theSameMetadataTwiceChangesNothing() {
        byte[] body = sharedBytes("metadata/datacite/xml/official/affiliation-v4.xml");
        accepted(post(body, "application/xml"));
        drainIntake();
        Long tasksBefore = jdbc.queryForObject("SELECT last_value FROM intake_task_id_seq", Long.class);
        var claimBefore = claim("0000-0002-1825-0097", "10.5072/example-full").orElseThrow();

        JsonNode again = accepted(post(body, "application/xml"));

        JsonNode outcome = again.get("dois").get(0);
        assertThat(outcome.get("status").asString()).isEqualTo("skipped");
        assertThat(outcome.get("reason").asString()).startsWith("unchanged");
        assertThat(jdbc.queryForObject("SELECT last_value FROM intake_task_id_seq", Long.class)).isEqualTo(tasksBefore);
        assertThat(claim("0000-0002-1825-0097", "10.5072/example-full").orElseThrow().updatedAt())
                .isEqualTo(claimBefore.updatedAt());
    }

    @Test
    void triggersFollowTheMetadata() {
        String doi = TestRecords.newDoi();
        String ana = TestRecords.newOrcid();
        String ben = TestRecords.newOrcid();
        String contributor = TestRecords.newOrcid();

        JsonNode first = accepted(post(json(TestRecords.dataciteJson(doi, "findable", "Soil data", List.of(ana, ben),
                List.of(contributor))), "application/vnd.api+json"));
        assertThat(texts(first.get("dois").get(0).get("orcids"))).containsExactly(ana, ben, contributor);
        drainIntake();
        assertThat(claim(ana, doi)).hasValueSatisfying(c -> {
            assertThat(c.title()).isEqualTo("Soil data");
            assertThat(c.status()).isEqualTo(ClaimStatus.WAITING_FOR_PERMISSION);
        });

        // A change to the work written to ORCID: the claims carry the new work.
        accepted(post(json(TestRecords.dataciteJson(doi, "findable", "Soil data, corrected", List.of(ana, ben),
                List.of(contributor))), "application/vnd.api+json"));
        drainIntake();
        assertThat(claim(ana, doi).orElseThrow().title()).isEqualTo("Soil data, corrected");
        assertThat(claim(contributor, doi).orElseThrow().title()).isEqualTo("Soil data, corrected");

        // An iD removed from the metadata: that researcher's claim is withdrawn.
        JsonNode removed = accepted(post(json(TestRecords.dataciteJson(doi, "findable", "Soil data, corrected",
                List.of(ana), List.of(contributor))), "application/vnd.api+json"));
        assertThat(texts(removed.get("dois").get(0).get("withdrawn"))).containsExactly(ben);
        drainIntake();
        assertThat(claim(ben, doi)).isEmpty();
        assertThat(claim(ana, doi)).isPresent();

        // Findable → registered: the researchers' filters (by default: only findable DOIs) hold every work back.
        JsonNode hidden = accepted(post(json(TestRecords.dataciteJson(doi, "registered", "Soil data, corrected",
                List.of(ana), List.of(contributor))), "application/vnd.api+json"));
        JsonNode outcome = hidden.get("dois").get(0);
        assertThat(outcome.get("status").asString()).isEqualTo("accepted");
        assertThat(outcome.get("reason").asString()).contains("registered").contains("filters decide");
        assertThat(texts(outcome.get("withdrawn"))).isEmpty();
        drainIntake();
        assertThat(claim(ana, doi)).hasValueSatisfying(c -> {
            assertThat(c.status()).isEqualTo(ClaimStatus.FILTERED);
            assertThat(c.statusReason()).contains("only findable DOIs");
        });
        assertThat(claim(contributor, doi).orElseThrow().status()).isEqualTo(ClaimStatus.FILTERED);

        // Findable again, then deleted.
        accepted(post(json(TestRecords.dataciteJson(doi, "findable", "Soil data", List.of(ana), List.of())),
                "application/vnd.api+json"));
        drainIntake();
        assertThat(claim(ana, doi)).isPresent();
        JsonNode deleted = accepted(delete(doi));
        assertThat(texts(deleted.get("withdrawn"))).containsExactly(ana);
        drainIntake();
        assertThat(claim(ana, doi)).isEmpty();
        assertThat(delete("not-a-doi").statusCode()).isEqualTo(400);
    }

    private static byte[] json(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

}
