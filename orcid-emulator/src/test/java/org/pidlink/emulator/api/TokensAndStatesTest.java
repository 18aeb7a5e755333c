package org.pidlink.emulator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pidlink.emulator.Fixtures.JSON;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pidlink.emulator.Fixtures;
import org.pidlink.emulator.Fixtures.Setup;
import org.pidlink.emulator.Http;
import org.pidlink.emulator.SettableClock;
import org.pidlink.emulator.control.ClientSpec;
import org.pidlink.emulator.control.ResearcherSpec;
import org.pidlink.emulator.junit.OrcidEmulatorExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Tokens and scopes on the member API (orcid-api.md §2.4) and record states (§3.1 step 1). */
class TokensAndStatesTest {

    static final SettableClock CLOCK = SettableClock.at(Instant.parse("2026-01-01T00:00:00Z"));

    @RegisterExtension
    static final OrcidEmulatorExtension ORCID = OrcidEmulatorExtension.builder().noRateLimit().clock(CLOCK).build();

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private Http http;
    private Setup s;

    @BeforeEach
    void setUp() {
        http = new Http(ORCID.baseUrl());
        s = Fixtures.setup(ORCID.control(), "Scopes Client");
    }

    private HttpResponse<String> post(String token) {
        return http.post("/v3.0/" + s.orcid() + "/work", Fixtures.jsonWork("T", "10.2/" + System.nanoTime()),
                "Authorization", "Bearer " + token, "Content-Type", JSON, "Accept", JSON);
    }

    private static JsonNode json(HttpResponse<String> r) {
        return MAPPER.readTree(r.body());
    }

    @Test
    void noTokenIs403Forbidden() {
        HttpResponse<String> r = http.get("/v3.0/" + s.orcid() + "/works", "Accept", JSON);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).isEqualTo("{\"error\":\"forbidden\",\"error_description\":"
                + "\"Forbidden: The server understood the request but refuses to authorize it.\"}");
    }

    @Test
    void unknownTokenIs401InvalidTokenInJsonWhateverTheAccept() {
        HttpResponse<String> r = http.get("/v3.0/" + s.orcid() + "/works", "Authorization", "Bearer nope",
                "Accept", "application/vnd.orcid+xml");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).isEqualTo("{\"error\":\"invalid_token\",\"error_description\":\"Invalid access token: nope\"}");
        assertThat(r.headers().firstValue("WWW-Authenticate")).isEmpty();
    }

    @Test
    void expiredTokenIs401() {
        String t = ORCID.control().token(s.orcid(), s.client().clientId(), "/activities/update").accessToken();
        assertThat(post(t).statusCode()).isEqualTo(201);
        CLOCK.advance(Duration.ofDays(365L * 21));
        try {
            assertThat(post(t).statusCode()).isEqualTo(401);
        } finally {
            CLOCK.advance(Duration.ofDays(-365L * 21));
        }
    }

    @Test
    void tokenOfAnotherRecordIs401With9017() {
        var other = ORCID.control().createResearcher(ResearcherSpec.of("Other", "Person"));
        HttpResponse<String> r = http.get("/v3.0/" + other.orcid() + "/works", "Authorization", s.bearer(),
                "Accept", JSON);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(json(r).get("error-code").asInt()).isEqualTo(9017);
        assertThat(json(r).get("developer-message").asString()).isEqualTo("401 Unauthorized: The client application "
                + "is not authorized for this ORCID record. Full validation error: Access token is for a different record");
    }

    @Test
    void missingScopeIs403With9038() {
        String readOnly = Fixtures.token(ORCID.control(), s, "/read-limited");
        HttpResponse<String> r = post(readOnly);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(json(r).get("error-code").asInt()).isEqualTo(9038);
        HttpResponse<String> xml = http.post("/v3.0/" + s.orcid() + "/work", Fixtures.xmlWork("t", "10.2/x"),
                "Authorization", "Bearer " + readOnly, "Content-Type", Fixtures.XML);
        assertThat(xml.body()).contains("<error:error-code>9038</error:error-code>");
    }

    @Test
    void publicClientOnTheMemberApiIs9017() {
        var pub = ORCID.control().createClient(ClientSpec.publicClient("Public", "https://p.example"));
        String t = ORCID.control().token(s.orcid(), pub.clientId(), "/authenticate").accessToken();
        HttpResponse<String> r = http.get("/v3.0/" + s.orcid() + "/works", "Authorization", "Bearer " + t, "Accept", JSON);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(json(r).get("error-code").asInt()).isEqualTo(9017);
    }

    @Test
    void readPublicTokenSeesOnlyPublicWorks() {
        ORCID.control().setDefaultVisibility(s.orcid(), "limited");
        assertThat(post(s.token()).statusCode()).isEqualTo(201);
        String twoLegged = ORCID.control().token(null, s.client().clientId(), "/read-public").accessToken();
        HttpResponse<String> mine = http.get("/v3.0/" + s.orcid() + "/works", "Authorization", "Bearer " + twoLegged,
                "Accept", JSON);
        // The caller is the source, so it sees its own limited work.
        assertThat(json(mine).get("group")).hasSize(1);
        var other = ORCID.control().createClient(ClientSpec.member("Other", "https://o.example"));
        String otherPublic = ORCID.control().token(null, other.clientId(), "/read-public").accessToken();
        HttpResponse<String> theirs = http.get("/v3.0/" + s.orcid() + "/works", "Authorization",
                "Bearer " + otherPublic, "Accept", JSON);
        assertThat(json(theirs).get("group")).isEmpty();
        String otherLimited = ORCID.control().token(s.orcid(), other.clientId(), "/read-limited").accessToken();
        assertThat(json(http.get("/v3.0/" + s.orcid() + "/works", "Authorization", "Bearer " + otherLimited,
                "Accept", JSON)).get("group")).hasSize(1);
    }

    @Test
    void tokenRevokedByTheResearcherStillDeletesButNothingElse() {
        long pc = Fixtures.putCodeOf(post(s.token()).headers().firstValue("Location").orElseThrow());
        ORCID.control().revoke(s.orcid(), s.client().clientId());
        assertThat(post(s.token()).statusCode()).isEqualTo(401);
        assertThat(http.get("/v3.0/" + s.orcid() + "/works", "Authorization", s.bearer()).statusCode()).isEqualTo(401);
        assertThat(http.delete("/v3.0/" + s.orcid() + "/work/" + pc, "Authorization", s.bearer()).statusCode())
                .isEqualTo(204);
    }

    @Test
    void unknownRecordIs404With9016() {
        HttpResponse<String> r = http.get("/v3.0/0000-0002-1825-0097/works", "Authorization", s.bearer(),
                "Accept", JSON);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(json(r).get("error-code").asInt()).isEqualTo(9016);
    }

    @Test
    void lockedRecordIs409With9018() {
        ORCID.control().setState(s.orcid(), "locked", null);
        HttpResponse<String> r = post(s.token());
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(json(r).get("error-code").asInt()).isEqualTo(9018);
        assertThat(json(r).get("developer-message").asString())
                .isEqualTo("409 Conflict: The ORCID record is locked and cannot be edited. ORCID " + s.orcid());
        ORCID.control().setState(s.orcid(), "active", null);
        assertThat(post(s.token()).statusCode()).isEqualTo(201);
    }

    @Test
    void deactivatedRecordRefusesWritesWith9044AndShowsAnEmptyRecord() {
        assertThat(post(s.token()).statusCode()).isEqualTo(201);
        ORCID.control().setState(s.orcid(), "deactivated", null);
        HttpResponse<String> r = post(s.token());
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(json(r).get("error-code").asInt()).isEqualTo(9044);
        HttpResponse<String> record = http.get("/v3.0/" + s.orcid() + "/record", "Authorization", s.bearer(),
                "Accept", JSON);
        assertThat(record.statusCode()).isEqualTo(200);
        assertThat(json(record).get("activities-summary").get("works").get("group")).isEmpty();
    }

    @Test
    void deprecatedRecordRedirectsReadsWith301AndRefusesWritesWith409() {
        var primary = ORCID.control().createResearcher(ResearcherSpec.of("Primary", "Record"));
        ORCID.control().setState(s.orcid(), "deprecated", primary.orcid());
        HttpResponse<String> r = http.get("/v3.0/" + s.orcid() + "/works", "Authorization", s.bearer(), "Accept", JSON);
        assertThat(r.statusCode()).isEqualTo(301);
        assertThat(r.headers().firstValue("Location")).hasValue(ORCID.baseUrl() + "/v3.0/" + primary.orcid() + "/works");
        assertThat(json(r).get("error-code").asInt()).isEqualTo(9007);
        assertThat(json(r).get("developer-message").asString()).isEqualTo("301 Moved Permanently: This account is "
                + "deprecated. Please refer to account: https://orcid.org/" + primary.orcid() + ". ORCID https://orcid.org/" + s.orcid());
        HttpResponse<String> w = post(s.token());
        assertThat(w.statusCode()).isEqualTo(409);
        assertThat(json(w).get("error-code").asInt()).isEqualTo(9007);
    }
}
