package org.pidlink.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.pidlink.app.testsupport.ConnectedResearchers;
import org.pidlink.app.testsupport.ConnectedResearchers.Person;
import org.pidlink.app.intake.api.ApiKeys;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/** A mapping an administrator uploads is the one intake turns DOIs into ORCID works with. */
class TypeMappingInIntakeTests extends AdminTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ApiKeys apiKeys;

    @Test
    void intakeWritesWorksWithTheMappingAnAdministratorUploaded() throws Exception {
        Person admin = ConnectedResearchers.demoAdministrator();
        people.signIn(admin);
        Person author = people.newResearcher("Tamsin", "Typed");
        String key = apiKeys.create("type-mapping-tests", null, "test").key();

        String before = "10.5555/type-mapping-" + UUID.randomUUID();
        submit(key, before, author);
        assertThat(workType(before, author)).isEqualTo("data-set");

        HttpResponse<String> replaced = people.submit(admin, people.page(admin, "/admin/type-mapping"),
                "/admin/type-mapping", Map.of("csv", TypeMappingPagesTests.CUSTOM));
        assertThat(replaced.statusCode()).isEqualTo(200);

        String after = "10.5555/type-mapping-" + UUID.randomUUID();
        submit(key, after, author);
        assertThat(workType(after, author)).isEqualTo("software");
    }

    private void submit(String key, String doi, Person author) throws Exception {
        Map<String, Object> attributes = Map.of(
                "doi", doi, "state", "findable", "titles", List.of(Map.of("title", "Typed " + doi)),
                "creators", List.of(Map.of("name", "Typed, Tamsin", "nameType", "Personal",
                        "nameIdentifiers", List.of(Map.of("nameIdentifier", "https://orcid.org/" + author.orcid().value(),
                                "nameIdentifierScheme", "ORCID", "schemeUri", "https://orcid.org")))),
                "publisher", "pidlink tests", "publicationYear", 2026,
                "types", Map.of("resourceTypeGeneral", "Dataset"),
                "url", "https://example.org/" + doi);
        String body = JSON.writeValueAsString(Map.of("data", Map.of("id", doi, "type", "dois",
                "attributes", attributes)));
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/dois"))
                        .header("Content-Type", "application/vnd.api+json").header("X-API-Key", key)
                        .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    }

    /** The ORCID work type of the claim intake made, once its worker made it. */
    private String workType(String doi, Person author) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            List<String> works = jdbc.queryForList("""
                    SELECT w.work_json FROM claim c JOIN claim_work w ON w.payload_hash = c.payload_hash
                    WHERE lower(c.doi) = lower(?) AND c.orcid = ?""",
                    String.class, doi, author.orcid().value());
            if (!works.isEmpty()) {
                return JSON.readTree(works.getFirst()).get("type").asString();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("intake made no claim for " + doi);
    }
}
