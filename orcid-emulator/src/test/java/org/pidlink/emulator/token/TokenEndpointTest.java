package org.pidlink.emulator.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pidlink.emulator.Fixtures;
import org.pidlink.emulator.Http;
import org.pidlink.emulator.control.ClientInfo;
import org.pidlink.emulator.control.ClientSpec;
import org.pidlink.emulator.control.ResearcherInfo;
import org.pidlink.emulator.control.ResearcherSpec;
import org.pidlink.emulator.junit.OrcidEmulatorExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code /oauth/token} and {@code /oauth/revoke} (orcid-api.md §2.2, §2.3). */
class TokenEndpointTest {

    @RegisterExtension
    static final OrcidEmulatorExtension ORCID = OrcidEmulatorExtension.builder().noRateLimit().build();

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final String REDIRECT = "https://app.example/cb";
    private Http http;
    private ClientInfo client;
    private ResearcherInfo researcher;

    @BeforeEach
    void setUp() {
        http = new Http(ORCID.baseUrl());
        client = ORCID.control().createClient(ClientSpec.member("Token Client", REDIRECT));
        researcher = ORCID.control().createResearcher(ResearcherSpec.of("Sofia", "Garcia"));
    }

    private Map<String, String> form(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("client_id", client.clientId());
        m.put("client_secret", client.clientSecret());
        for (int i = 0; i + 1 < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private HttpResponse<String> token(Map<String, String> params) {
        return http.form("/oauth/token", params, "Accept", "application/json");
    }

    private String code(String scope) {
        return ORCID.control().authorizationCode(client.clientId(), researcher.orcid(), scope, REDIRECT, null);
    }

    private static JsonNode json(HttpResponse<String> r) {
        return MAPPER.readTree(r.body());
    }

    @Test
    void exchangesACodeForTokensWithOrcidsKeysInOrder() {
        HttpResponse<String> r = token(form("grant_type", "authorization_code", "code", code("/read-limited /activities/update"),
                "redirect_uri", REDIRECT));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode t = json(r);
        assertThat(t.propertyNames()).containsExactly("access_token", "token_type", "refresh_token", "expires_in",
                "scope", "name", "orcid");
        assertThat(t.get("access_token").asString()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(t.get("token_type").asString()).isEqualTo("bearer");
        assertThat(t.get("expires_in").asLong()).isEqualTo(631138518L);
        assertThat(t.get("scope").asString()).isEqualTo("/activities/update /read-limited");
        assertThat(t.get("name").asString()).isEqualTo("Sofia Garcia");
        assertThat(t.get("orcid").asString()).isEqualTo(researcher.orcid());
    }

    @Test
    void aCodeWorksOnceAndItsReuseDisablesTheTokens() {
        String code = code("/activities/update");
        JsonNode first = json(token(form("grant_type", "authorization_code", "code", code, "redirect_uri", REDIRECT)));
        HttpResponse<String> again = token(form("grant_type", "authorization_code", "code", code, "redirect_uri", REDIRECT));
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(json(again).get("error").asString()).isEqualTo("invalid_grant");
        assertThat(json(again).get("error_description").asString()).isEqualTo("Reused authorization code: " + code);
        HttpResponse<String> use = http.get("/v3.0/" + researcher.orcid() + "/works", "Authorization",
                "Bearer " + first.get("access_token").asString());
        assertThat(use.statusCode()).isEqualTo(401);
    }

    @Test
    void badCodesAndRedirectMismatchesAreInvalidGrant() {
        HttpResponse<String> bad = token(form("grant_type", "authorization_code", "code", "AbC123", "redirect_uri", REDIRECT));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).get("error_description").asString()).isEqualTo("Invalid authorization code: AbC123");
        HttpResponse<String> mismatch = token(form("grant_type", "authorization_code", "code", code("/authenticate"),
                "redirect_uri", "https://evil.example/cb"));
        assertThat(mismatch.statusCode()).isEqualTo(400);
        assertThat(json(mismatch).get("error").asString()).isEqualTo("invalid_grant");
    }

    @Test
    void clientCredentialsGivesANullOrcidAndNoName() {
        HttpResponse<String> r = token(form("grant_type", "client_credentials", "scope", "/read-public"));
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode t = json(r);
        assertThat(t.propertyNames()).containsExactly("access_token", "token_type", "refresh_token", "expires_in",
                "scope", "orcid");
        assertThat(t.get("orcid").isNull()).isTrue();
        assertThat(json(token(form("grant_type", "client_credentials", "scope", "/webhook"))).get("scope").asString())
                .isEqualTo("/webhook");
        assertThat(json(token(form("grant_type", "client_credentials", "scope", "/premium-notification")))
                .get("scope").asString()).isEqualTo("/premium-notification");
    }

    @Test
    void clientCredentialsRefusesThreeLeggedAndUnknownScopesAndNonPremiumClients() {
        HttpResponse<String> limited = token(form("grant_type", "client_credentials", "scope", "/read-limited"));
        assertThat(limited.statusCode()).isEqualTo(400);
        assertThat(json(limited).get("error_description").asString()).contains("Invalid scope");
        assertThat(token(form("grant_type", "client_credentials", "scope", "/web-hook")).statusCode()).isEqualTo(401);
        ClientInfo basic = ORCID.control().createClient(new ClientSpec(null, null, "Basic", java.util.List.of(), true, false));
        Map<String, String> p = Map.of("client_id", basic.clientId(), "client_secret", basic.clientSecret(),
                "grant_type", "client_credentials", "scope", "/webhook");
        assertThat(token(p).statusCode()).isEqualTo(401);
    }

    @Test
    void clientAuthenticationFailuresAndMissingParameters() {
        HttpResponse<String> wrong = token(Map.of("client_id", client.clientId(), "client_secret", "nope",
                "grant_type", "client_credentials"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).isEqualTo("{\"error_description\":\"Client authentication failed\",\"error\":\"invalid_client\"}");
        HttpResponse<String> noGrant = token(form());
        assertThat(noGrant.statusCode()).isEqualTo(400);
        assertThat(noGrant.body()).isEqualTo("{\"error\":\"unsupported_grant_type\",\"error_description\":\"grant_type is missing\"}");
        HttpResponse<String> noSecret = token(Map.of("client_id", client.clientId(), "grant_type", "client_credentials"));
        assertThat(noSecret.statusCode()).isEqualTo(401);
        assertThat(json(noSecret).get("error_description").asString()).isEqualTo("client_secret is required");
        HttpResponse<String> notForm = http.post("/oauth/token", "{}", "Content-Type", "application/json");
        assertThat(notForm.statusCode()).isEqualTo(415);
    }

    @Test
    void basicAuthWinsOverFormCredentials() {
        String basic = Base64.getEncoder().encodeToString((client.clientId() + ":" + client.clientSecret()).getBytes());
        HttpResponse<String> r = http.form("/oauth/token", Map.of("client_id", "APP-WRONG", "client_secret", "x",
                "grant_type", "client_credentials"), "Authorization", "Basic " + basic);
        assertThat(r.statusCode()).isEqualTo(200);
    }

    @Test
    void refreshGivesNewTokensWithANarrowerScopeAndRevokesTheOldByDefault() {
        JsonNode first = json(token(form("grant_type", "authorization_code", "code",
                code("/read-limited /activities/update"), "redirect_uri", REDIRECT)));
        HttpResponse<String> r = token(form("grant_type", "refresh_token", "refresh_token",
                first.get("refresh_token").asString(), "scope", "/read-limited", "expires_in", "3600"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode second = json(r);
        assertThat(second.get("access_token").asString()).isNotEqualTo(first.get("access_token").asString());
        assertThat(second.get("scope").asString()).isEqualTo("/read-limited");
        assertThat(second.get("expires_in").asLong()).isEqualTo(3600);
        assertThat(second.get("orcid").asString()).isEqualTo(researcher.orcid());
        assertThat(http.get("/v3.0/" + researcher.orcid() + "/works", "Authorization",
                "Bearer " + first.get("access_token").asString()).statusCode()).isEqualTo(401);
        HttpResponse<String> again = token(form("grant_type", "refresh_token", "refresh_token",
                first.get("refresh_token").asString()));
        assertThat(json(again).get("error_description").asString()).isEqualTo("Parent token is disabled");
    }

    @Test
    void refreshWithRevokeOldFalseKeepsTheParentAndRefusesWiderScopes() {
        JsonNode first = json(token(form("grant_type", "authorization_code", "code", code("/read-limited"),
                "redirect_uri", REDIRECT)));
        String refresh = first.get("refresh_token").asString();
        HttpResponse<String> wider = token(form("grant_type", "refresh_token", "refresh_token", refresh,
                "scope", "/activities/update"));
        assertThat(wider.statusCode()).isEqualTo(400);
        assertThat(json(wider).get("error_description").asString())
                .isEqualTo("The given scope '/activities/update' is not allowed for the parent token");
        assertThat(token(form("grant_type", "refresh_token", "refresh_token", refresh, "revoke_old", "false"))
                .statusCode()).isEqualTo(200);
        assertThat(http.get("/v3.0/" + researcher.orcid() + "/works", "Authorization",
                "Bearer " + first.get("access_token").asString()).statusCode()).isEqualTo(200);
        HttpResponse<String> tooLong = token(form("grant_type", "refresh_token", "refresh_token", refresh,
                "expires_in", "999999999999"));
        assertThat(json(tooLong).get("error_description").asString()).startsWith("Token expiration can't be after");
    }

    @Test
    void revokeAnswers200WithAnEmptyBodyAndKillsTheToken() {
        JsonNode t = json(token(form("grant_type", "authorization_code", "code", code("/read-limited"),
                "redirect_uri", REDIRECT)));
        HttpResponse<String> r = http.form("/oauth/revoke", form("token", t.get("access_token").asString()));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEmpty();
        assertThat(http.get("/v3.0/" + researcher.orcid() + "/works", "Authorization",
                "Bearer " + t.get("access_token").asString()).statusCode()).isEqualTo(401);
        // Its refresh token goes with it; unknown tokens still get 200.
        assertThat(json(token(form("grant_type", "refresh_token", "refresh_token", t.get("refresh_token").asString())))
                .get("error").asString()).isEqualTo("invalid_grant");
        assertThat(http.form("/oauth/revoke", form("token", "unknown")).statusCode()).isEqualTo(200);
    }

    @Test
    void fixturesHelperStillWorks() {
        assertThat(Fixtures.setup(ORCID.control(), "x").token()).isNotBlank();
    }
}
