package org.pidlink.emulator.oauth;

import java.util.function.Supplier;
import org.pidlink.emulator.EmulatorContext;
import org.pidlink.emulator.EmulatorModule;
import org.pidlink.emulator.http.Request;
import org.pidlink.emulator.http.Response;
import org.pidlink.emulator.http.RouteKind;
import org.pidlink.emulator.http.Routes;
import org.pidlink.emulator.state.EmulatorState;
import org.pidlink.emulator.state.Researcher;
import org.pidlink.emulator.state.Scopes;
import org.pidlink.emulator.state.Token;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenID Connect (orcid-api.md §2.6): discovery, the JWK set, userinfo, and the id_token signer that
 * {@code /oauth/token} uses for {@code openid} codes. The issuer is the emulator's base URL, so a relying party
 * configured with that URL (Spring Security's {@code issuer-uri}) validates discovery and id_tokens.
 */
public final class OpenIdConnect implements EmulatorModule {

    private EmulatorContext context;
    private EmulatorState state;
    private Supplier<JsonMapper> json;
    private SigningKey key;

    @Override
    public void register(Routes routes, EmulatorContext ctx) {
        this.context = ctx;
        this.state = ctx.state();
        this.json = ctx::json;
        this.key = SigningKey.of(ctx);
        ctx.idTokenIssuer(IdTokens.of(ctx));
        routes.get("/.well-known/openid-configuration", RouteKind.OAUTH, this::discovery);
        routes.get("/oauth/jwks", RouteKind.OAUTH, this::jwks);
        routes.get("/oauth/userinfo", RouteKind.OAUTH, this::userInfo);
        routes.post("/oauth/userinfo", RouteKind.OAUTH, this::userInfo);
    }

    /** ORCID's fields in ORCID's order, Jackson-pretty-printed as ORCID does. */
    Response discovery(Request r) {
        String base = context.baseUrl();
        ObjectNode d = json.get().createObjectNode();
        array(d, "token_endpoint_auth_signing_alg_values_supported", "RS256");
        array(d, "id_token_signing_alg_values_supported", "RS256");
        d.put("userinfo_endpoint", base + "/oauth/userinfo");
        d.put("authorization_endpoint", base + "/oauth/authorize");
        d.put("token_endpoint", base + "/oauth/token");
        d.put("jwks_uri", base + "/oauth/jwks");
        array(d, "claims_supported", "family_name", "given_name", "name", "auth_time", "iss", "sub");
        array(d, "scopes_supported", "openid");
        array(d, "subject_types_supported", "public");
        array(d, "response_types_supported", "code", "id_token", "id_token token");
        d.put("claims_parameter_supported", false);
        // ORCID lists only client_secret_post although its token endpoint also takes Basic; the emulator
        // advertises both (the token endpoint accepts both), a documented deviation.
        array(d, "token_endpoint_auth_methods_supported", "client_secret_post", "client_secret_basic");
        array(d, "grant_types_supported", "authorization_code", "implicit", "refresh_token");
        d.put("issuer", base);
        return Response.json(200, json.get().writerWithDefaultPrettyPrinter().writeValueAsString(d));
    }

    private static void array(ObjectNode n, String field, String... values) {
        ArrayNode a = n.putArray(field);
        for (String v : values) {
            a.add(v);
        }
    }

    Response jwks(Request r) {
        ObjectNode set = json.get().createObjectNode();
        set.putArray("keys").add(key.publicJwk());
        return Response.json(200, json.get().writeValueAsString(set));
    }

    /** Bearer header, else an {@code access_token} parameter; any failure is ORCID's 403 access_denied. */
    Response userInfo(Request r) {
        String value = bearer(r);
        Token t = value == null ? null : state.tokenByAccess(value).orElse(null);
        Researcher researcher = t == null || !t.active(state.now()) || t.orcid() == null
                || !t.hasScope(Scopes.AUTHENTICATE) ? null : state.researcher(t.orcid()).orElse(null);
        if (researcher == null) {
            // Note ORCID's hyphen in "error-description" (orcid-api.md §2.6).
            return Response.json(403, "{\"error\":\"access_denied\",\"error-description\":\"access_token is invalid\"}");
        }
        ObjectNode u = json.get().createObjectNode();
        u.put("id", "https://orcid.org/" + researcher.orcid());
        u.put("sub", researcher.orcid());
        u.put("name", researcher.creditName());
        u.put("family_name", researcher.familyName());
        u.put("given_name", researcher.givenNames());
        return Response.json(200, json.get().writeValueAsString(u));
    }

    static String bearer(Request r) {
        String auth = r.header("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String v = auth.substring(7).trim();
            return v.isEmpty() ? null : v;
        }
        return r.parameter("access_token");
    }
}
