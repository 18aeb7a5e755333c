package org.pidlink.emulator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pidlink.emulator.Fixtures.JSON;
import static org.pidlink.emulator.Fixtures.XML;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pidlink.emulator.Fixtures;
import org.pidlink.emulator.Fixtures.Setup;
import org.pidlink.emulator.Http;
import org.pidlink.emulator.junit.OrcidEmulatorExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Paths and methods the emulator does not serve answer as ORCID's API hosts do (orcid-api.md §12): 404 or 405 with
 * ORCID's 9001 error in the negotiated type, after the bearer check on the member API, no {@code Allow}; and the
 * public API host's {@code /oauth/token} is a 307 to the OAuth host.
 */
class UnservedPathsTest {

    @RegisterExtension
    static final OrcidEmulatorExtension ORCID = OrcidEmulatorExtension.builder().controlApi().noRateLimit().build();

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private Http http;
    private Setup s;

    @BeforeEach
    void setUp() {
        http = new Http(ORCID.baseUrl());
        s = Fixtures.setup(ORCID.control(), "Unserved Client");
    }

    private static JsonNode error9001(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Allow")).isEmpty();
        JsonNode e = MAPPER.readTree(r.body());
        assertThat(e.get("error-code").asInt()).isEqualTo(9001);
        assertThat(e.get("response-code").asInt()).isEqualTo(status);
        assertThat(e.get("developer-message").asString()).isEqualTo("400 Bad Request: There is an issue with your data "
                + "or the API endpoint. 405 Method Not Allowed: Endpoint and method mismatch. 415 Unsupported Media Type: "
                + "data must be in XML or JSON format. Full validation error: HTTP " + status
                + (status == 404 ? " Not Found" : " Method Not Allowed"));
        return e;
    }

    @Test
    void anUnknownSectionOfTheMemberApiIs404With9001InXmlByDefault() {
        HttpResponse<String> r = http.get("/v3.0/" + s.orcid() + "/affiliations", "Authorization", s.bearer());
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith(XML);
        assertThat(r.body()).contains("<error:response-code>404</error:response-code>",
                "<error:error-code>9001</error:error-code>", "Full validation error: HTTP 404 Not Found");
        error9001(http.get("/v3.0/" + s.orcid() + "/affiliations", "Authorization", s.bearer(), "Accept", JSON), 404);
    }

    @Test
    void theMemberApiChecksTheTokenFirst() {
        HttpResponse<String> none = http.get("/v3.0/" + s.orcid() + "/affiliations", "Accept", JSON);
        assertThat(none.statusCode()).isEqualTo(403);
        assertThat(MAPPER.readTree(none.body()).get("error").asString()).isEqualTo("forbidden");
        HttpResponse<String> bad = http.get("/v3.0/" + s.orcid() + "/affiliations", "Authorization",
                "Bearer 00000000-0000-0000-0000-000000000000", "Accept", JSON);
        assertThat(bad.statusCode()).isEqualTo(401);
        assertThat(MAPPER.readTree(bad.body()).get("error").asString()).isEqualTo("invalid_token");
        HttpResponse<String> otherVersion = http.get("/v3.1/" + s.orcid() + "/works", "Accept", JSON);
        assertThat(otherVersion.statusCode()).isEqualTo(403);
        error9001(http.get("/v3.1/" + s.orcid() + "/works", "Authorization", s.bearer(), "Accept", JSON), 404);
    }

    @ParameterizedTest
    @CsvSource({"GET, /employment", "POST, /employments", "DELETE, /employment/summary/1", "PUT, /works",
            "PATCH, /work/1", "POST, /record"})
    void aKnownPathWithAnotherMethodIs405Without9001sAllowHeader(String method, String path) {
        HttpResponse<String> r = http.send(method, "/v3.0/" + s.orcid() + path,
                Map.of("Authorization", s.bearer(), "Accept", JSON), method.equals("GET") ? null : "{}");
        error9001(r, 405);
    }

    @Test
    void aJsonBodyWithoutAcceptGetsAJsonError() {
        HttpResponse<String> r = http.post("/v3.0/" + s.orcid() + "/affiliation", "{}", "Authorization", s.bearer(),
                "Content-Type", "application/json");
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        error9001(r, 404);
        // "application/json;charset=UTF-8" is no substring of ORCID's types: XML (orcid-api.md §12.3).
        HttpResponse<String> xml = http.post("/v3.0/" + s.orcid() + "/affiliation", "{}", "Authorization", s.bearer(),
                "Content-Type", "application/json;charset=UTF-8");
        assertThat(xml.headers().firstValue("Content-Type").orElseThrow()).startsWith(XML);
    }

    @Test
    void thePublicApiAndOtherPathsAnswer9001WithoutAToken() {
        error9001(http.get("/pub/v3.0/" + s.orcid() + "/affiliations", "Accept", JSON), 404);
        error9001(http.get("/pub/v3.0/" + s.orcid() + "/nothing/here", "Accept", JSON), 404);
        error9001(http.get("/no/such/thing", "Accept", JSON), 404);
        error9001(http.send("PATCH", "/no/such/thing", Map.of("Accept", JSON), "{}"), 404);
        HttpResponse<String> oauth = http.get("/oauth/token");
        assertThat(oauth.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        error9001(oauth, 405);
        error9001(http.get("/oauth/nothing"), 404);
    }

    @Test
    void unversionedPathsOfARecordStillRedirect() {
        HttpResponse<String> r = http.get("/" + s.orcid() + "/employments", "Authorization", s.bearer());
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location")).hasValue(ORCID.baseUrl() + "/v3.0/" + s.orcid() + "/employments");
    }

    @Test
    void theControlApiAnswersProblemJson() {
        HttpResponse<String> r = http.get("/_emulator/nothing");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/problem+json");
        assertThat(MAPPER.readTree(r.body()).get("status").asInt()).isEqualTo(404);
        HttpResponse<String> method = http.delete("/_emulator/stats");
        assertThat(method.statusCode()).isEqualTo(405);
        assertThat(method.headers().firstValue("Allow")).hasValue("GET");
    }

    @Test
    void thePublicHostsTokenEndpointRedirectsToTheOAuthHostKeepingTheForm() throws Exception {
        Map<String, String> form = Map.of("grant_type", "client_credentials", "scope", "/read-public",
                "client_id", s.client().clientId(), "client_secret", s.client().clientSecret());
        HttpResponse<String> redirect = http.form("/pub/oauth/token", form);
        assertThat(redirect.statusCode()).isEqualTo(307);
        assertThat(redirect.headers().firstValue("Location")).hasValue(ORCID.baseUrl() + "/oauth/token");
        assertThat(redirect.body()).isEmpty();
        assertThat(http.get("/pub/oauth/token").statusCode()).isEqualTo(307);
        // A client that follows redirects (307 keeps the method and the body) gets its token.
        try (HttpClient following = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build()) {
            HttpResponse<String> token = following.send(HttpRequest.newBuilder(
                            URI.create(ORCID.baseUrl() + "/pub/oauth/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(Http.formBody(form))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
            assertThat(MAPPER.readTree(token.body()).get("scope").asString()).isEqualTo("/read-public");
        }
    }
}
