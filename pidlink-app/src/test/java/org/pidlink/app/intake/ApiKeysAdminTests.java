package org.pidlink.app.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.pidlink.app.testsupport.ConnectedResearchers;
import org.pidlink.app.testsupport.ConnectedResearchers.Person;
import org.pidlink.app.orcid.EmbeddedOrcid;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Administrators create and revoke sources' API keys on {@code /admin/api-keys}; sources see their DOIs' status. */
class ApiKeysAdminTests extends IntakeTestSupport {

    private static final Pattern KEY = Pattern.compile("<pre id=\"created-key\">(pidlink_[^<]+)</pre>");

    @Autowired
    EmbeddedOrcid orcid;

    @Test
    void anAdministratorCreatesAKeyShownOnceAndRevokesIt() {
        ConnectedResearchers people = new ConnectedResearchers(port, orcid);
        Person admin = ConnectedResearchers.demoAdministrator();
        people.signIn(admin);
        HttpResponse<String> page = people.page(admin, "/admin/api-keys");
        assertThat(page.statusCode()).isEqualTo(200);

        HttpResponse<String> created = people.submit(admin, page, "/admin/api-keys",
                Map.of("source", "zenodo", "label", "production"));
        Matcher m = KEY.matcher(created.body());
        assertThat(m.find()).as(created.body()).isTrue();
        String newKey = m.group(1);
        assertThat(post(sharedBytes("metadata/datacite/xml/official/affiliation-v4.xml"), "application/xml", newKey)
                .statusCode()).isEqualTo(202);
        HttpResponse<String> listed = people.page(admin, "/admin/api-keys");
        assertThat(listed.body()).contains("zenodo").doesNotContain(newKey);

        long id = jdbc.queryForObject("SELECT id FROM api_key WHERE source = 'zenodo' AND revoked_at IS NULL",
                Long.class);
        HttpResponse<String> unconfirmed = people.submit(admin, listed, "/admin/api-keys/" + id + "/revoke", Map.of());
        assertThat(unconfirmed.body()).contains("The key is still active");
        assertThat(jdbc.queryForObject("SELECT revoked_at IS NULL FROM api_key WHERE id = ?", Boolean.class, id)).isTrue();
        HttpResponse<String> revoked = people.submit(admin, listed, "/admin/api-keys/" + id + "/revoke",
                Map.of("confirmed", "true"));
        assertThat(revoked.body()).contains("revoked");
        assertThat(post(sharedBytes("metadata/datacite/xml/official/affiliation-v4.xml"), "application/xml", newKey)
                .statusCode()).isEqualTo(401);
    }

    @Test
    void researchersWhoAreNotAdministratorsMayNotManageKeys() {
        ConnectedResearchers people = new ConnectedResearchers(port, orcid);
        Person researcher = people.newResearcher("Frank", "Notadmin");
        people.signIn(researcher);

        assertThat(people.page(researcher, "/admin/api-keys").statusCode()).isEqualTo(403);
    }

    @Test
    void aSourceReadsWhatBecameOfItsDoi() {
        String doi = TestRecords.newDoi();
        String researcher = TestRecords.newOrcid();
        accepted(post(TestRecords.dataciteJson(doi, "findable", "Status", List.of(researcher), List.of())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/vnd.api+json"));
        drainIntake();

        HttpResponse<String> response = send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + "/api/v1/dois/" + doi)).header("X-API-Key", key).GET());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode status = JSON.readTree(response.body());
        assertThat(status.get("source").asString()).isEqualTo("api:tests");
        assertThat(status.get("researchers").get(0).get("orcid").asString()).isEqualTo(researcher);
        // No pidlink account: where her work stands would tell whether she connected, so it is not shown.
        assertThat(status.get("researchers").get(0).get("status").asString()).isEqualTo("not shown");
        HttpResponse<String> unknown = send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                "http://localhost:" + port + "/api/v1/dois/10.5555/never-sent")).header("X-API-Key", key).GET());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    }
}
