package org.pidlink.app.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pidlink.app.testsupport.ConnectedResearchers;
import org.pidlink.app.testsupport.ConnectedResearchers.Person;
import org.pidlink.app.orcid.EmbeddedOrcid;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/dois/{doi}} shows a source only its own DOIs, and says nothing about the account of a researcher
 * who keeps out of public lookups, not even whether she connected pidlink (issue 17, finding 7).
 */
class DoiStatusPrivacyTests extends IntakeTestSupport {

    @Autowired
    EmbeddedOrcid orcid;

    @Test
    void anotherSourceGetsTheAnswerForADoiPidlinkNeverReceived() {
        String doi = TestRecords.newDoi();
        accepted(post(TestRecords.dataciteJson(doi, "findable", "Owned", List.of(TestRecords.newOrcid()), List.of())
                .getBytes(StandardCharsets.UTF_8), "application/vnd.api+json"));
        String other = apiKeys.create("other-source", null, "test").key();

        HttpResponse<String> owner = status(doi, key);
        HttpResponse<String> someoneElse = status(doi, other);
        HttpResponse<String> neverSent = status("10.5555/never-sent-" + doi.substring(doi.lastIndexOf('-') + 1), other);

        assertThat(owner.statusCode()).isEqualTo(200);
        assertThat(someoneElse.statusCode()).isEqualTo(404);
        assertThat(someoneElse.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(withoutDoi(someoneElse, doi)).isEqualTo(withoutDoi(neverSent,
                "10.5555/never-sent-" + doi.substring(doi.lastIndexOf('-') + 1)));
    }

    @Test
    void aResearcherWhoKeepsOutOfPublicLookupsLooksLikeOneWithoutAnAccount() {
        ConnectedResearchers people = new ConnectedResearchers(port, orcid);
        Person shown = people.newResearcher("Shown", "Publicly");
        people.connect(shown, true);
        HttpResponse<String> saved = people.submit(shown, people.page(shown, "/settings"), "/settings",
                Map.of("autoUpdate", "true", "accessLevel", "READ_WRITE", "publicProfile", "true"));
        assertThat(saved.statusCode()).isEqualTo(200);
        Person private_ = people.newResearcher("Kept", "Private");
        people.connect(private_, true); // connected, auto-update on, out of public lookups
        String stranger = TestRecords.newOrcid(); // no pidlink account at all

        String doi = TestRecords.newDoi();
        accepted(post(TestRecords.dataciteJson(doi, "findable", "Three authors",
                List.of(shown.orcid().value(), private_.orcid().value(), stranger), List.of())
                .getBytes(StandardCharsets.UTF_8), "application/vnd.api+json"));
        drainIntake();

        HttpResponse<String> response = status(doi, key);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode researchers = JSON.readTree(response.body()).get("researchers");
        JsonNode publicOne = entry(researchers, shown.orcid().value());
        JsonNode privateOne = entry(researchers, private_.orcid().value());
        JsonNode unknownOne = entry(researchers, stranger);

        assertThat(publicOne.get("status").asString()).isNotEqualTo("not shown");
        assertThat(privateOne.get("status").asString()).isEqualTo("not shown");
        assertThat(((tools.jackson.databind.node.ObjectNode) privateOne.deepCopy()).without("orcid"))
                .as("the connected researcher who keeps out of lookups and the stranger are told apart by nothing")
                .isEqualTo(((tools.jackson.databind.node.ObjectNode) unknownOne.deepCopy()).without("orcid"));
        assertThat(response.body()).doesNotContain("Kept Private");
    }

    private HttpResponse<String> status(String doi, String apiKey) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/dois/" + doi))
                .header("X-API-Key", apiKey).GET());
    }

    private static String withoutDoi(HttpResponse<String> response, String doi) {
        return response.body().replace(doi, "{doi}");
    }

    private static JsonNode entry(JsonNode researchers, String orcid) {
        for (JsonNode r : researchers) {
            if (r.get("orcid").asString().equals(orcid)) {
                return r;
            }
        }
        throw new AssertionError(orcid + " is not listed in " + researchers);
    }
}
