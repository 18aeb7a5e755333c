package org.pidlink.emulator.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pidlink.emulator.Http;
import org.pidlink.emulator.control.ClientInfo;
import org.pidlink.emulator.control.ClientSpec;
import org.pidlink.emulator.control.ResearcherInfo;
import org.pidlink.emulator.control.ResearcherSpec;
import org.pidlink.emulator.junit.OrcidEmulatorExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Discovery, JWKS and userinfo refusals as orcid-api.md §2.6 writes them. */
class OpenIdDiscoveryTest {

    @RegisterExtension
    static final OrcidEmulatorExtension ORCID = OrcidEmulatorExtension.builder().noRateLimit().build();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void discoveryListsOrcidsFieldsInOrcidsOrderPrettyPrinted() {
        HttpResponse<String> r = new Http(ORCID.baseUrl()).get("/.well-known/openid-configuration");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json;charset=UTF-8");
        String base = ORCID.baseUrl();
        assertThat(r.body()).startsWith("{\n  \"token_endpoint_auth_signing_alg_values_supported\" : [ \"RS256\" ],")
                .contains("\"userinfo_endpoint\" : \"" + base + "/oauth/userinfo\"");
        JsonNode d = JSON.readTree(r.body());
        assertThat(d.propertyNames()).containsExactly("token_endpoint_auth_signing_alg_values_supported",
                "id_token_signing_alg_values_supported", "userinfo_endpoint", "authorization_endpoint",
                "token_endpoint", "jwks_uri", "claims_supported", "scopes_supported", "subject_types_supported",
                "response_types_supported", "claims_parameter_supported", "token_endpoint_auth_methods_supported",
                "grant_types_supported", "issuer");
        assertThat(d.get("issuer").asString()).isEqualTo(base);
        assertThat(d.get("authorization_endpoint").asString()).isEqualTo(base + "/oauth/authorize");
        assertThat(d.get("token_endpoint").asString()).isEqualTo(base + "/oauth/token");
        assertThat(d.get("jwks_uri").asString()).isEqualTo(base + "/oauth/jwks");
        assertThat(strings(d.get("claims_supported")))
                .containsExactly("family_name", "given_name", "name", "auth_time", "iss", "sub");
        assertThat(strings(d.get("response_types_supported"))).containsExactly("code", "id_token", "id_token token");
        assertThat(strings(d.get("subject_types_supported"))).containsExactly("public");
        assertThat(strings(d.get("scopes_supported"))).containsExactly("openid");
        assertThat(strings(d.get("token_endpoint_auth_methods_supported")))
                .contains("client_secret_post", "client_secret_basic");
        assertThat(d.get("claims_parameter_supported").asBoolean()).isFalse();
    }

    @Test
    void jwksIsAKeySetWithoutAlg() {
        JsonNode set = JSON.readTree(new Http(ORCID.baseUrl()).get("/oauth/jwks").body());
        assertThat(set.propertyNames()).containsExactly("keys");
        JsonNode key = set.get("keys").get(0);
        assertThat(key.propertyNames()).containsExactly("kty", "e", "use", "kid", "n");
        assertThat(key.get("kty").asString()).isEqualTo("RSA");
        assertThat(key.get("e").asString()).isEqualTo("AQAB");
        assertThat(key.get("use").asString()).isEqualTo("sig");
        // 2048-bit modulus: 256 bytes, 342 base64url characters without padding.
        assertThat(key.get("n").asString()).hasSize(342).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void userinfoRefusesEverythingButAnActiveAuthenticateToken() {
        ClientInfo c = ORCID.control().createClient(ClientSpec.member("App", "https://app.example/cb"));
        ResearcherInfo r = ORCID.control().createResearcher(ResearcherSpec.of("Ada", "Lovelace"));
        Http http = new Http(ORCID.baseUrl());
        String denied = "{\"error\":\"access_denied\",\"error-description\":\"access_token is invalid\"}";

        assertThat(http.get("/oauth/userinfo").body()).isEqualTo(denied);
        HttpResponse<String> unknown = http.get("/oauth/userinfo", "Authorization", "Bearer " + java.util.UUID.randomUUID());
        assertThat(unknown.statusCode()).isEqualTo(403);
        assertThat(unknown.body()).isEqualTo(denied);
        String limited = ORCID.control().token(r.orcid(), c.clientId(), "/read-limited").accessToken();
        assertThat(http.get("/oauth/userinfo", "Authorization", "Bearer " + limited).statusCode()).isEqualTo(403);
        String twoLegged = ORCID.control().token(null, c.clientId(), "/read-public").accessToken();
        assertThat(http.get("/oauth/userinfo", "Authorization", "Bearer " + twoLegged).statusCode()).isEqualTo(403);

        String auth = ORCID.control().token(r.orcid(), c.clientId(), "/authenticate").accessToken();
        HttpResponse<String> ok = http.form("/oauth/userinfo", java.util.Map.of("access_token", auth));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(ok.body()).get("sub").asString()).isEqualTo(r.orcid());
        ORCID.control().revoke(r.orcid(), c.clientId());
        assertThat(http.get("/oauth/userinfo", "Authorization", "Bearer " + auth).body()).isEqualTo(denied);
    }

    private static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }
}
