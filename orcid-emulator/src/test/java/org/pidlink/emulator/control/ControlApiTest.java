package org.pidlink.emulator.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pidlink.emulator.Fixtures.JSON;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pidlink.core.identifiers.OrcidId;
import org.pidlink.emulator.Fixtures;
import org.pidlink.emulator.Http;
import org.pidlink.emulator.junit.OrcidEmulatorExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The control API over HTTP (issue point 10): JSON in and out, problem+json for bad input. */
class ControlApiTest {

    @RegisterExtension
    final OrcidEmulatorExtension orcid = OrcidEmulatorExtension.builder().controlApi().build();

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private Http http;

    @BeforeEach
    void setUp() {
        http = new Http(orcid.baseUrl());
    }

    private JsonNode post(String path, String body, int expectedStatus) {
        HttpResponse<String> r = http.post(path, body, "Content-Type", "application/json");
        assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(expectedStatus);
        return r.body().isEmpty() ? null : MAPPER.readTree(r.body());
    }

    private JsonNode put(String path, String body) {
        HttpResponse<String> r = http.put(path, body, "Content-Type", "application/json");
        assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
        return MAPPER.readTree(r.body());
    }

    private String setUpClientAndResearcher() {
        post("/_emulator/clients", """
                {"clientId":"APP-CONTROL00000001","clientSecret":"s","name":"Control","redirectUris":["https://c.example/cb"],
                 "member":true,"premium":true}""", 201);
        return post("/_emulator/researchers", "{\"givenNames\":\"Ada\",\"familyName\":\"Lovelace\","
                + "\"email\":\"ada@example.org\",\"password\":\"pw\"}", 201).get("orcid").asString();
    }

    @Test
    void createsResearchersWithValidChecksummedIds() {
        JsonNode r = post("/_emulator/researchers", "{\"givenNames\":\"Grace\",\"familyName\":\"Hopper\"}", 201);
        String id = r.get("orcid").asString();
        assertThat(OrcidId.parse(id).value()).isEqualTo(id);
        assertThat(r.get("uri").asString()).isEqualTo("https://orcid.org/" + id);
        assertThat(r.get("state").asString()).isEqualTo("active");
    }

    @Test
    void tokensShortcutReturnsWhatTheTokenEndpointReturns() {
        String id = setUpClientAndResearcher();
        JsonNode t = post("/_emulator/tokens", "{\"orcid\":\"" + id + "\",\"clientId\":\"APP-CONTROL00000001\","
                + "\"scope\":\"/read-limited /activities/update\"}", 200);
        assertThat(t.propertyNames()).containsExactly("access_token", "token_type", "refresh_token", "expires_in",
                "scope", "name", "orcid");
        HttpResponse<String> works = http.get("/v3.0/" + id + "/works", "Authorization",
                "Bearer " + t.get("access_token").asString(), "Accept", JSON);
        assertThat(works.statusCode()).isEqualTo(200);
    }

    @Test
    void researcherRevokesAClientAndDeletesAWork() {
        String id = setUpClientAndResearcher();
        String token = post("/_emulator/tokens", "{\"orcid\":\"" + id + "\",\"clientId\":\"APP-CONTROL00000001\","
                + "\"scope\":\"/activities/update\"}", 200).get("access_token").asString();
        HttpResponse<String> created = http.post("/v3.0/" + id + "/work", Fixtures.jsonWork("W", "10.3/w"),
                "Authorization", "Bearer " + token, "Content-Type", JSON);
        long pc = Fixtures.putCodeOf(created.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> del = http.delete("/_emulator/researchers/" + id + "/works/" + pc);
        assertThat(del.statusCode()).isEqualTo(204);
        assertThat(http.delete("/_emulator/researchers/" + id + "/works/" + pc).statusCode()).isEqualTo(404);
        JsonNode revoked = post("/_emulator/researchers/" + id + "/revoke", "{\"clientId\":\"APP-CONTROL00000001\"}", 200);
        assertThat(revoked.get("revokedTokens").asInt()).isEqualTo(1);
        assertThat(http.get("/v3.0/" + id + "/works", "Authorization", "Bearer " + token).statusCode()).isEqualTo(401);
    }

    @Test
    void aResearcherAddsAWorkHerselfItsSourceIsHerIdAndADeactivatedRecordSaysSo() {
        String id = setUpClientAndResearcher();
        long pc = post("/_emulator/researchers/" + id + "/works", "{\"title\":\"Mine\",\"doi\":\"10.3/mine\"}", 200)
                .get("putCode").asLong();
        String token = post("/_emulator/tokens", "{\"clientId\":\"APP-CONTROL00000001\",\"scope\":\"/read-public\"}",
                200).get("access_token").asString();
        HttpResponse<String> work = http.get("/v3.0/" + id + "/work/" + pc, "Authorization", "Bearer " + token,
                "Accept", JSON);
        assertThat(work.statusCode()).as(work.body()).isEqualTo(200);
        JsonNode source = MAPPER.readTree(work.body()).get("source");
        assertThat(source.get("source-orcid").get("path").asString()).isEqualTo(id);
        assertThat(source.get("source-client-id").isNull()).isTrue();
        assertThat(post("/_emulator/researchers/" + id + "/works", "{\"title\":\"No DOI\"}", 400)).isNotNull();

        put("/_emulator/researchers/" + id + "/state", "{\"state\":\"deactivated\"}");
        HttpResponse<String> record = http.get("/v3.0/" + id + "/record", "Authorization", "Bearer " + token,
                "Accept", JSON);
        assertThat(record.statusCode()).isEqualTo(200);
        assertThat(record.body()).contains("\"deactivation-date\"");
    }

    @Test
    void setsRecordStates() {
        String id = setUpClientAndResearcher();
        String primary = post("/_emulator/researchers", "{\"givenNames\":\"P\"}", 201).get("orcid").asString();
        assertThat(put("/_emulator/researchers/" + id + "/state", "{\"state\":\"locked\"}").get("state").asString())
                .isEqualTo("locked");
        JsonNode dep = put("/_emulator/researchers/" + id + "/state",
                "{\"state\":\"deprecated\",\"primaryOrcid\":\"" + primary + "\"}");
        assertThat(dep.get("primaryOrcid").asString()).isEqualTo(primary);
        HttpResponse<String> bad = http.put("/_emulator/researchers/" + id + "/state", "{\"state\":\"asleep\"}",
                "Content-Type", "application/json");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(MAPPER.readTree(bad.body()).get("detail").asString()).contains("active, deactivated, locked, deprecated");
    }

    @Test
    void rateLimitFaultsStatsRequestsAndReset() {
        String id = setUpClientAndResearcher();
        String token = post("/_emulator/tokens", "{\"orcid\":\"" + id + "\",\"clientId\":\"APP-CONTROL00000001\","
                + "\"scope\":\"/read-limited\"}", 200).get("access_token").asString();
        // A refill slow enough that no token comes back during the test, however loaded the machine is.
        put("/_emulator/rate-limit", "{\"perSecond\":0.01,\"burst\":3}");
        int ok = 0;
        int limited = 0;
        for (int i = 0; i < 6; i++) {
            int status = http.get("/v3.0/" + id + "/works", "Authorization", "Bearer " + token).statusCode();
            if (status == 200) {
                ok++;
            } else if (status == 503) {
                limited++;
            }
        }
        assertThat(ok).isEqualTo(3);
        assertThat(limited).isEqualTo(3);
        JsonNode stats = MAPPER.readTree(http.get("/_emulator/stats").body()).get("APP-CONTROL00000001");
        assertThat(stats.get("maxAdmittedPerSecond").asInt()).isBetween(1, 3);
        assertThat(stats.get("total").asInt()).isEqualTo(6);
        assertThat(stats.get("requests").toString()).contains("\"path\":\"/v3.0/{orcid}/works\"").contains("\"status\":503");
        put("/_emulator/rate-limit", "{\"perSecond\":0}");

        put("/_emulator/faults", "{\"errorRate\":1,\"statuses\":[502],\"seed\":7}");
        assertThat(http.get("/v3.0/" + id + "/works", "Authorization", "Bearer " + token).statusCode()).isEqualTo(502);
        // A proxy's or the edge's 401: an HTML page (the default body of injected errors), or nothing at all.
        put("/_emulator/faults", "{\"errorRate\":1,\"statuses\":[401]}");
        HttpResponse<String> edge401 = http.get("/v3.0/" + id + "/works", "Authorization", "Bearer " + token);
        assertThat(edge401.statusCode()).isEqualTo(401);
        assertThat(edge401.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(edge401.body()).startsWith("<html>").doesNotContain("invalid_token");
        put("/_emulator/faults", "{\"errorRate\":1,\"statuses\":[401],\"errorBody\":\"empty\"}");
        HttpResponse<String> empty401 = http.get("/v3.0/" + id + "/works", "Authorization", "Bearer " + token);
        assertThat(empty401.statusCode()).isEqualTo(401);
        assertThat(empty401.body()).isEmpty();
        assertThat(http.send("PUT", "/_emulator/faults", java.util.Map.of("Content-Type", "application/json"),
                "{\"errorRate\":1,\"errorBody\":\"xml\"}").statusCode()).isEqualTo(400);
        put("/_emulator/faults", "{\"errorRate\":0,\"dropConnectionRate\":1}");
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                http.get("/v3.0/" + id + "/works", "Authorization", "Bearer " + token)).isInstanceOf(AssertionError.class);
        put("/_emulator/faults", "{\"errorRate\":0}");
        // Faults are for the member API only: the control API and the token endpoint keep working.
        assertThat(http.get("/v3.0/" + id + "/works", "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);

        JsonNode log = MAPPER.readTree(http.get("/_emulator/requests?limit=2").body());
        assertThat(log).hasSize(2);
        assertThat(log.get(1).get("status").asInt()).isEqualTo(200);
        assertThat(log.get(1).get("template").asString()).isEqualTo("/v3.0/{orcid}/works");
        assertThat(log.toString()).doesNotContain(token);

        assertThat(http.post("/_emulator/reset", "").statusCode()).isEqualTo(204);
        assertThat(MAPPER.readTree(http.get("/_emulator/researchers").body())).isEmpty();
        assertThat(MAPPER.readTree(http.get("/_emulator/stats").body()).isEmpty()).isTrue();
    }

    @Test
    void badInputIsAProblem() {
        HttpResponse<String> r = http.post("/_emulator/researchers", "{\"familyName\":", "Content-Type", "application/json");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(MAPPER.readTree(r.body()).get("detail").asString()).startsWith("the body is not valid JSON");
        HttpResponse<String> missing = http.post("/_emulator/researchers", "{}", "Content-Type", "application/json");
        assertThat(MAPPER.readTree(missing.body()).get("detail").asString()).isEqualTo("givenNames is required");
        assertThat(http.get("/_emulator/researchers/0000-0002-1825-0097").statusCode()).isEqualTo(404);
    }

    @Test
    void listsAndDeletesAffiliationsAndTakesOrganizations() {
        String orcid = setUpClientAndResearcher();
        JsonNode org = post("/_emulator/organizations", """
                {"source":"ROR","identifier":"https://ror.org/04pp8hn57","name":"Utrecht University","city":"Utrecht",
                 "country":"NL"}""", 201);
        assertThat(org.get("name").asString()).isEqualTo("Utrecht University");
        post("/_emulator/organizations", "{\"source\":\"ISNI\",\"identifier\":\"x\",\"name\":\"n\"}", 400);
        HttpResponse<String> all = http.get("/_emulator/organizations");
        assertThat(all.body()).contains("https://ror.org/04pp8hn57", "https://ror.org/05qwgg493");

        String token = post("/_emulator/tokens", "{\"orcid\":\"" + orcid + "\",\"clientId\":\"APP-CONTROL00000001\","
                + "\"scope\":\"/activities/update\"}", 200).get("access_token").asString();
        HttpResponse<String> created = http.post("/v3.0/" + orcid + "/membership", """
                {"organization":{"name":"Utrecht University","address":{"city":"Utrecht","country":"NL"},
                   "disambiguated-organization":{"disambiguated-organization-identifier":"https://ror.org/04pp8hn57",
                     "disambiguation-source":"ROR"}}}""", "Authorization", "Bearer " + token, "Content-Type", JSON);
        long pc = Fixtures.putCodeOf(created.headers().firstValue("Location").orElseThrow());
        JsonNode list = MAPPER.readTree(http.get("/_emulator/researchers/" + orcid + "/affiliations").body());
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("kind").asString()).isEqualTo("membership");
        assertThat(list.get(0).get("putCode").asLong()).isEqualTo(pc);
        assertThat(list.get(0).get("sourceClientId").asString()).isEqualTo("APP-CONTROL00000001");
        assertThat(list.get(0).get("visibility").asString()).isEqualTo("public");
        assertThat(list.get(0).get("affiliation").get("organization").get("name").asString()).isEqualTo("Utrecht University");
        assertThat(MAPPER.readTree(http.get("/_emulator/researchers/" + orcid).body()).get("affiliations").asInt())
                .isEqualTo(1);
        assertThat(http.delete("/_emulator/researchers/" + orcid + "/affiliations/" + pc).statusCode()).isEqualTo(204);
        assertThat(http.delete("/_emulator/researchers/" + orcid + "/affiliations/" + pc).statusCode()).isEqualTo(404);
        assertThat(http.get("/_emulator/researchers/" + orcid + "/affiliations").body()).isEqualTo("[]");
    }

    @Test
    void listsEveryWorkOfARecordWithItsSourceAndIds() {
        String orcid = setUpClientAndResearcher();
        String token = post("/_emulator/tokens", "{\"orcid\":\"" + orcid + "\",\"clientId\":\"APP-CONTROL00000001\","
                + "\"scope\":\"/activities/update\"}", 200).get("access_token").asString();
        HttpResponse<String> created = http.post("/v3.0/" + orcid + "/work",
                Fixtures.jsonWork("Written by a client", "10.5555/Client.1"), "Authorization", "Bearer " + token,
                "Content-Type", JSON);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long own = post("/_emulator/researchers/" + orcid + "/works",
                "{\"title\":\"Added by herself\",\"doi\":\"10.5555/own.2\"}", 200).get("putCode").asLong();

        JsonNode works = MAPPER.readTree(http.get("/_emulator/researchers/" + orcid + "/works").body());
        assertThat(works).hasSize(2);
        JsonNode byClient = works.get(0);
        assertThat(byClient.get("putCode").asLong())
                .isEqualTo(Fixtures.putCodeOf(created.headers().firstValue("Location").orElseThrow()));
        assertThat(byClient.get("sourceClientId").asString()).isEqualTo("APP-CONTROL00000001");
        assertThat(byClient.get("title").asString()).isEqualTo("Written by a client");
        assertThat(byClient.get("externalIds").get(0).get("type").asString()).isEqualTo("doi");
        assertThat(byClient.get("externalIds").get(0).get("value").asString()).isEqualTo("10.5555/Client.1");
        assertThat(works.get(1).get("putCode").asLong()).isEqualTo(own);
        assertThat(works.get(1).path("sourceClientId").asString("")).isNotEqualTo("APP-CONTROL00000001");
        assertThat(MAPPER.readTree(http.get("/_emulator/work-limit").body()).get("refusedWorks").asLong()).isZero();
        assertThat(http.get("/_emulator/researchers/0000-0002-1825-0097/works").statusCode()).isEqualTo(404);
    }
}
