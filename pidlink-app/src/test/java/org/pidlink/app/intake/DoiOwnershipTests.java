package org.pidlink.app.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.pidlink.app.testsupport.ConnectedResearchers;
import org.pidlink.app.testsupport.ConnectedResearchers.Person;
import org.pidlink.app.orcid.EmbeddedOrcid;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Sources own their DOIs (issue 17, finding 3): another source's change or deletion is refused with 403 naming the
 * owner; administrators assign prefixes to a source and transfer DOIs.
 */
class DoiOwnershipTests extends IntakeTestSupport {

    @Autowired
    EmbeddedOrcid orcid;

    @Test
    void anotherSourceCanNeitherRewriteNorDeleteADoi() {
        String doi = TestRecords.newDoi();
        String researcher = TestRecords.newOrcid();
        accepted(post(record(doi, "The owner's title", researcher), "application/vnd.api+json"));
        drainIntake();
        String other = apiKeys.create("other-source", null, "test").key();

        HttpResponse<String> rewrite = post(record(doi, "Someone else's title", TestRecords.newOrcid()),
                "application/vnd.api+json", other);
        assertNotTheOwner(rewrite, doi);
        HttpResponse<String> delete = delete(doi, other);
        assertNotTheOwner(delete, doi);

        drainIntake();
        assertThat(claim(researcher, doi)).as("the owner's claim stays").hasValueSatisfying(
                c -> assertThat(c.status().name()).isNotEqualTo("WITHDRAWN"));
        assertThat(jdbc.queryForObject("SELECT owner FROM intake_doi WHERE doi = ?", String.class, doi))
                .isEqualTo("api:tests");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM intake_task", Integer.class)).isZero();

        // Keys are the source's: a new key of the same source (a rotation) may change it, and so may the old one.
        String rotated = apiKeys.create("tests", "rotated", "test").key();
        accepted(post(record(doi, "The owner's new title", researcher), "application/vnd.api+json", rotated));
        assertThat(delete(doi, key).statusCode()).isEqualTo(202);
    }

    @Test
    void aBatchKeepsTheCallersOwnDoisAndNamesTheOwnerOfTheOthers() {
        String mine = TestRecords.newDoi();
        String theirs = TestRecords.newDoi();
        String other = apiKeys.create("other-source", null, "test").key();
        accepted(post(record(theirs, "Theirs", TestRecords.newOrcid()), "application/vnd.api+json", other));

        String lines = new String(record(mine, "Mine", TestRecords.newOrcid()), StandardCharsets.UTF_8) + "\n"
                + new String(record(theirs, "Not mine", TestRecords.newOrcid()), StandardCharsets.UTF_8) + "\n";
        JsonNode report = accepted(post(lines.getBytes(StandardCharsets.UTF_8), "application/x-ndjson"));

        assertThat(report.get("accepted").asInt()).isEqualTo(1);
        JsonNode refused = report.get("dois").get(1);
        assertThat(refused.get("status").asString()).isEqualTo("rejected");
        assertThat(refused.get("owner").asString()).isEqualTo("api:other-source");
        assertThat(refused.get("reason").asString()).contains(theirs, "api:other-source");
    }

    @Test
    void anAdministratorAssignsAPrefixToASourceAndTransfersADoi() {
        String prefix = "10." + ThreadLocalRandom.current().nextInt(90_000, 99_999);
        String earlier = prefix + "/registered-before";
        accepted(post(record(earlier, "Before the prefix was assigned", TestRecords.newOrcid()),
                "application/vnd.api+json"));
        var registrar = apiKeys.create("registrar", null, "test");

        ConnectedResearchers people = new ConnectedResearchers(port, orcid);
        Person admin = ConnectedResearchers.demoAdministrator();
        people.signIn(admin);
        HttpResponse<String> assigned = people.submit(admin, people.page(admin, "/admin/api-keys"),
                "/admin/api-keys/" + registrar.id() + "/prefixes", Map.of("prefix", prefix));
        assertThat(assigned.statusCode()).isEqualTo(200);
        assertThat(assigned.body()).contains("belong to api:registrar", "1 DOI(s)", "<code>" + prefix + "</code>");

        String fresh = prefix + "/new-" + ThreadLocalRandom.current().nextInt();
        assertNotTheOwner(post(record(fresh, "Not the registrar's", TestRecords.newOrcid()),
                "application/vnd.api+json"), fresh);
        accepted(post(record(fresh, "The registrar's", TestRecords.newOrcid()), "application/vnd.api+json",
                registrar.key()));
        assertNotTheOwner(delete(earlier, key), earlier);

        HttpResponse<String> transferred = people.submit(admin, people.page(admin, "/admin/api-keys"),
                "/admin/api-keys/transfer", Map.of("doi", fresh, "owner", "api:tests"));
        assertThat(transferred.body()).contains(fresh + " now belongs to api:tests (it belonged to api:registrar)");
        assertThat(delete(fresh, key).statusCode()).isEqualTo(202);
        assertNotTheOwner(delete(fresh, registrar.key()), fresh);

        HttpResponse<String> nobody = people.submit(admin, people.page(admin, "/admin/api-keys"),
                "/admin/api-keys/transfer", Map.of("doi", fresh, "owner", "api:no-such-source"));
        assertThat(nobody.body()).contains("is not a source pidlink takes DOIs from");
    }

    private static void assertNotTheOwner(HttpResponse<String> response, String doi) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("title").asString()).isEqualTo("Not the owner of the DOI");
        assertThat(problem.get("detail").asString()).contains(doi, "belongs to");
        assertThat(problem.get("owner").asString()).startsWith("api:");
    }

    private static byte[] record(String doi, String title, String researcher) {
        return TestRecords.dataciteJson(doi, "findable", title, List.of(researcher), List.of())
                .getBytes(StandardCharsets.UTF_8);
    }

    private HttpResponse<String> delete(String doi, String apiKey) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/dois/" + doi)).DELETE()
                .header("X-API-Key", apiKey));
    }
}
