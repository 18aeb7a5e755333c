package org.pidlink.emulator.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pidlink.emulator.EmulatorSettings;
import org.pidlink.emulator.Http;
import org.pidlink.emulator.SettableClock;
import org.pidlink.emulator.OrcidEmulator;
import org.pidlink.emulator.control.ClientInfo;
import org.pidlink.emulator.control.ClientSpec;
import org.pidlink.emulator.control.ResearcherInfo;
import org.pidlink.emulator.control.ResearcherSpec;
import org.pidlink.emulator.junit.OrcidEmulatorExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The 3-legged OAuth dance and OpenID Connect over real HTTP, hop by hop (orcid-api.md §2.1, §2.6). */
class AuthorizeFlowTest {

    @RegisterExtension
    static final OrcidEmulatorExtension ORCID = OrcidEmulatorExtension.builder().noRateLimit().build();

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CALLBACK = "https://app.example/orcid/callback";

    private ClientInfo client() {
        return ORCID.control().createClient(ClientSpec.member("Example Repository", CALLBACK));
    }

    private ResearcherInfo researcher() {
        String email = UUID.randomUUID() + "@example.org";
        return ORCID.control().createResearcher(
                ResearcherSpec.of("Josiah", "Carberry").withEmail(email).withPassword("s3cret"));
    }

    static String authorizeUrl(ClientInfo c, String scope, String extra) {
        return "/oauth/authorize?client_id=" + c.clientId() + "&response_type=code&scope=" + Html.query(scope)
                + "&redirect_uri=" + Html.query(c.redirectUris().getFirst()) + extra;
    }

    @Test
    void codeFlowWithOpenIdGivesAVerifiableIdTokenAndUserinfo() throws Exception {
        ClientInfo c = client();
        ResearcherInfo r = researcher();
        Browser browser = new Browser(ORCID.baseUrl());
        Instant before = Instant.now().minusSeconds(1);

        HttpResponse<String> signIn = browser.get(authorizeUrl(c, "openid /read-limited /activities/update",
                "&state=xyz%20123&nonce=n-0S6_WzA2Mj"));
        assertThat(signIn.statusCode()).isEqualTo(200);
        assertThat(signIn.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
        assertThat(signIn.body()).contains("name=\"username\"", "name=\"password\"", "Example Repository")
                .doesNotContain("<script");

        HttpResponse<String> consent = browser.post("/oauth/authorize", Map.of(
                "authorization", Browser.hidden(signIn.body(), "authorization"),
                "username", r.email(), "password", "s3cret"));
        assertThat(consent.statusCode()).isEqualTo(200);
        assertThat(consent.headers().firstValue("Set-Cookie")).hasValueSatisfying(v ->
                assertThat(v).startsWith(Sessions.COOKIE + "=").contains("HttpOnly"));
        assertThat(consent.body()).contains("value=\"authorize\"", "value=\"deny\"",
                "Add/update your research activities", "Read your information with visibility set to Trusted");

        HttpResponse<String> back = browser.post("/oauth/authorize", Map.of(
                "authorization", Browser.hidden(consent.body(), "authorization"), "decision", "authorize"));
        assertThat(back.statusCode()).isEqualTo(302);
        String location = Browser.location(back);
        assertThat(location).startsWith(CALLBACK + "?code=");
        Map<String, String> params = Browser.parameters(location, false);
        assertThat(params.get("code")).matches("[A-Za-z0-9]{6}");
        assertThat(params.get("state")).isEqualTo("xyz 123");

        HttpResponse<String> token = new Http(ORCID.baseUrl()).form("/oauth/token", Map.of(
                "client_id", c.clientId(), "client_secret", c.clientSecret(), "grant_type", "authorization_code",
                "code", params.get("code"), "redirect_uri", CALLBACK), "Accept", "application/json");
        assertThat(token.statusCode()).isEqualTo(200);
        JsonNode t = JSON.readTree(token.body());
        assertThat(t.get("orcid").asString()).isEqualTo(r.orcid());
        assertThat(t.get("scope").asString()).isEqualTo("/activities/update /read-limited openid");
        assertThat(t.propertyNames()).last().isEqualTo("id_token");

        SignedJWT jwt = SignedJWT.parse(t.get("id_token").asString());
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        JWKSet keys = JWKSet.parse(new Http(ORCID.baseUrl()).get("/oauth/jwks").body());
        RSAKey key = (RSAKey) keys.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(key).isNotNull();
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(ORCID.baseUrl());
        assertThat(claims.getSubject()).isEqualTo(r.orcid());
        assertThat(claims.getAudience()).containsExactly(c.clientId());
        assertThat(claims.getStringClaim("nonce")).isEqualTo("n-0S6_WzA2Mj");
        assertThat(claims.getStringClaim("amr")).isEqualTo("pwd");
        assertThat(claims.getStringClaim("given_name")).isEqualTo("Josiah");
        assertThat(claims.getStringClaim("family_name")).isEqualTo("Carberry");
        assertThat(claims.getDateClaim("auth_time")).isAfter(before);
        assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isEqualTo(86_400_000L);
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(claims.getClaim("at_hash")).isNull();

        HttpResponse<String> userinfo = new Http(ORCID.baseUrl()).get("/oauth/userinfo",
                "Authorization", "Bearer " + t.get("access_token").asString());
        assertThat(userinfo.statusCode()).isEqualTo(200);
        assertThat(userinfo.body()).isEqualTo("{\"id\":\"https://orcid.org/" + r.orcid() + "\",\"sub\":\""
                + r.orcid() + "\",\"name\":null,\"family_name\":\"Carberry\",\"given_name\":\"Josiah\"}");
    }

    @Test
    void theIdTokensAuthTimeIsWhenTheResearcherSignedInNotWhenTheCodeWasIssued() throws Exception {
        Instant signedIn = Instant.parse("2026-03-02T09:15:30Z");
        SettableClock clock = SettableClock.at(signedIn);
        try (OrcidEmulator orcid = OrcidEmulator.start(EmulatorSettings.builder().noRateLimit().clock(clock).build())) {
            ClientInfo first = orcid.control().createClient(ClientSpec.member("First", CALLBACK));
            ClientInfo second = orcid.control().createClient(ClientSpec.member("Second", CALLBACK));
            ResearcherInfo r = orcid.control().createResearcher(ResearcherSpec.of("Josiah", "Carberry").withPassword("s3cret"));
            Browser browser = new Browser(orcid.baseUrl());
            OAuthDance.signInAndDecide(browser, first, "openid", r, "s3cret", "authorize");

            clock.advance(Duration.ofHours(2));
            HttpResponse<String> consent = browser.get(authorizeUrl(second, "openid", ""));
            assertThat(consent.body()).as("the session spares a second sign-in").doesNotContain("name=\"password\"");
            String code = Browser.parameters(OAuthDance.finish(browser, consent, r, "s3cret", "authorize"), false).get("code");
            clock.advance(Duration.ofMinutes(3));
            JsonNode token = OAuthDance.exchange(orcid.baseUrl(), second, code);

            JWTClaimsSet claims = SignedJWT.parse(token.get("id_token").asString()).getJWTClaimsSet();
            assertThat(claims.getDateClaim("auth_time").toInstant()).isEqualTo(signedIn);
            assertThat(claims.getIssueTime().toInstant()).isEqualTo(signedIn.plus(Duration.ofMinutes(123)));
        }
    }

    @Test
    void aSignedInResearcherIsNotAskedToSignInAgainButPromptLoginForcesIt() {
        ResearcherInfo r = researcher();
        Browser browser = new Browser(ORCID.baseUrl());
        OAuthDance.signInAndDecide(browser, client(), "/authenticate", r, "s3cret", "authorize");

        ClientInfo other = client();
        HttpResponse<String> consent = browser.get(authorizeUrl(other, "/authenticate", ""));
        assertThat(consent.statusCode()).isEqualTo(200);
        assertThat(consent.body()).contains("value=\"authorize\"").doesNotContain("name=\"password\"");

        HttpResponse<String> forced = browser.get(authorizeUrl(other, "/authenticate", "&prompt=login"));
        assertThat(forced.body()).contains("name=\"password\"");
        // Consent from the old session is refused while a fresh sign-in is required.
        HttpResponse<String> sneaky = browser.post("/oauth/authorize", Map.of(
                "authorization", Browser.hidden(forced.body(), "authorization"), "decision", "authorize"));
        assertThat(sneaky.statusCode()).isEqualTo(200);
        assertThat(sneaky.body()).contains("name=\"password\"");
    }

    @Test
    void aClientTheResearcherAlreadyAuthorizedGetsACodeAtOnce() {
        ResearcherInfo r = researcher();
        ClientInfo c = client();
        Browser browser = new Browser(ORCID.baseUrl());
        String code = OAuthDance.signInAndDecide(browser, c, "/read-limited", r, "s3cret", "authorize").get("code");
        OAuthDance.exchange(ORCID.baseUrl(), c, code);

        HttpResponse<String> again = browser.get(authorizeUrl(c, "/read-limited", "&state=s2"));
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(Browser.parameters(Browser.location(again), false)).containsKey("code").containsEntry("state", "s2");
        // A wider scope than granted needs consent again.
        HttpResponse<String> wider = browser.get(authorizeUrl(c, "/read-limited /activities/update", ""));
        assertThat(wider.statusCode()).isEqualTo(200);
        assertThat(wider.body()).contains("value=\"authorize\"");
    }

    @Test
    void denyingRedirectsWithAccessDeniedAndTheState() {
        Map<String, String> answer = OAuthDance.signInAndDecide(new Browser(ORCID.baseUrl()), client(),
                "/activities/update", researcher(), "s3cret", "deny");
        assertThat(answer).containsEntry("error", "access_denied").containsEntry("state", "st")
                .doesNotContainKey("code");
    }

    @Test
    void aWrongPasswordShowsTheSignInPageAgain() {
        ClientInfo c = client();
        ResearcherInfo r = researcher();
        Browser browser = new Browser(ORCID.baseUrl());
        HttpResponse<String> signIn = browser.get(authorizeUrl(c, "/authenticate", ""));
        HttpResponse<String> wrong = browser.post("/oauth/authorize", Map.of(
                "authorization", Browser.hidden(signIn.body(), "authorization"),
                "username", r.orcid(), "password", "nope"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("Invalid email or ORCID iD or password", "name=\"password\"");
        assertThat(wrong.headers().firstValue("Set-Cookie")).isEmpty();
        // The iD in its URI spelling signs in too.
        HttpResponse<String> right = browser.post("/oauth/authorize", Map.of(
                "authorization", Browser.hidden(signIn.body(), "authorization"),
                "username", "https://orcid.org/" + r.orcid(), "password", "s3cret"));
        assertThat(right.body()).contains("value=\"authorize\"");
    }

    @Test
    void consentFromABrowserThatWasNotShownThePageIsRefused() {
        ClientInfo c = client();
        ResearcherInfo r = researcher();
        Browser victim = new Browser(ORCID.baseUrl());
        Browser attacker = new Browser(ORCID.baseUrl());
        HttpResponse<String> signIn = attacker.get(authorizeUrl(c, "/activities/update", ""));
        OAuthDance.signInAndDecide(victim, client(), "/authenticate", r, "s3cret", "authorize");
        HttpResponse<String> forged = victim.post("/oauth/authorize", Map.of(
                "authorization", Browser.hidden(signIn.body(), "authorization"), "decision", "authorize"));
        assertThat(forged.statusCode()).isEqualTo(200);
        assertThat(forged.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void unknownClientAndForeignRedirectUrisAreRefusedWithoutRedirecting() {
        ClientInfo c = client();
        Http http = new Http(ORCID.baseUrl());
        HttpResponse<String> unknown = http.get("/oauth/authorize?client_id=APP-NOSUCHCLIENT0000&response_type=code"
                + "&scope=/authenticate&redirect_uri=" + Html.query(CALLBACK));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).isEqualTo(
                "{\"error_description\":\"Invalid parameter: client_id\",\"error\":\"invalid_request\"}");
        for (String bad : new String[] {"https://evil.example/orcid/callback", "http://app.example/orcid/callback",
                "https://app.example:8443/orcid/callback", "https://app.example/other",
                "https://app.example/orcid/callback#frag"}) {
            HttpResponse<String> refused = http.get("/oauth/authorize?client_id=" + c.clientId()
                    + "&response_type=code&scope=/authenticate&redirect_uri=" + Html.query(bad));
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(refused.body()).as(bad).isEqualTo(
                    "{\"error_description\":\"Invalid parameter: redirect_uri\",\"error\":\"invalid_request\"}");
        }
    }

    @Test
    void aRedirectUriBelowTheRegisteredPathIsAcceptedAndKeepsItsQuery() {
        ClientInfo c = client();
        Browser browser = new Browser(ORCID.baseUrl());
        String redirect = "https://APP.example:443/orcid/callback/deeper?tenant=a";
        HttpResponse<String> signIn = browser.get("/oauth/authorize?client_id=" + c.clientId()
                + "&response_type=code&scope=/authenticate&redirect_uri=" + Html.query(redirect));
        assertThat(signIn.statusCode()).isEqualTo(200);
        String location = OAuthDance.finish(browser, signIn, researcher(), "s3cret", "authorize");
        assertThat(location).startsWith(redirect + "&code=");
    }

    @Test
    void badParametersAreReportedToTheClientsRedirectUri() {
        ClientInfo c = client();
        ClientInfo publicClient = ORCID.control().createClient(ClientSpec.publicClient("Public app", CALLBACK));
        Http http = new Http(ORCID.baseUrl());
        assertThat(redirectError(http, authorizeUrl(c, "/webhook", "&state=q"))).containsEntry("error", "invalid_scope")
                .containsEntry("error_description", "Invalid scope: /webhook").containsEntry("state", "q");
        assertThat(redirectError(http, authorizeUrl(c, "", ""))).containsEntry("error", "invalid_scope");
        assertThat(redirectError(http, authorizeUrl(publicClient, "/activities/update", "")))
                .containsEntry("error", "invalid_scope");
        assertThat(redirectError(http, authorizeUrl(c, "/authenticate", "").replace("response_type=code", "response_type=magic")))
                .containsEntry("error", "unsupported_response_type");
    }

    private static Map<String, String> redirectError(Http http, String url) {
        HttpResponse<String> r = http.get(url);
        assertThat(r.statusCode()).as(url).isEqualTo(302);
        assertThat(Browser.location(r)).startsWith(CALLBACK + "?");
        return Browser.parameters(Browser.location(r), false);
    }

    @Test
    void promptNoneNeverShowsAPage() {
        ClientInfo c = client();
        Browser browser = new Browser(ORCID.baseUrl());
        HttpResponse<String> anonymous = browser.get(authorizeUrl(c, "openid", "&prompt=none"));
        assertThat(Browser.parameters(Browser.location(anonymous), false)).containsEntry("error", "login_required");

        ResearcherInfo r = researcher();
        OAuthDance.signInAndDecide(browser, client(), "/authenticate", r, "s3cret", "authorize");
        HttpResponse<String> notYet = browser.get(authorizeUrl(c, "openid", "&prompt=none"));
        assertThat(Browser.parameters(Browser.location(notYet), false)).containsEntry("error", "interaction_required");

        String code = OAuthDance.signInAndDecide(browser, c, "openid", r, "s3cret", "authorize").get("code");
        OAuthDance.exchange(ORCID.baseUrl(), c, code);
        HttpResponse<String> silent = browser.get(authorizeUrl(c, "openid", "&prompt=none"));
        assertThat(Browser.parameters(Browser.location(silent), false)).containsKey("code");
    }

    @Test
    void anExpiredOrAnsweredRequestCannotBeAnsweredAgain() {
        ClientInfo c = client();
        Browser browser = new Browser(ORCID.baseUrl());
        HttpResponse<String> signIn = browser.get(authorizeUrl(c, "/authenticate", ""));
        String id = Browser.hidden(signIn.body(), "authorization");
        OAuthDance.finish(browser, signIn, researcher(), "s3cret", "authorize");
        HttpResponse<String> replay = browser.post("/oauth/authorize", Map.of("authorization", id, "decision", "authorize"));
        assertThat(replay.statusCode()).isEqualTo(400);
        assertThat(replay.body()).contains("expired or was already answered");
    }

    @Test
    void theImplicitFlowPutsTokensInTheFragmentWithAnAtHash() throws Exception {
        ClientInfo c = client();
        ResearcherInfo r = researcher();
        Browser browser = new Browser(ORCID.baseUrl());
        HttpResponse<String> signIn = browser.get(authorizeUrl(c, "openid", "&nonce=abc&state=s")
                .replace("response_type=code", "response_type=token"));
        String location = OAuthDance.finish(browser, signIn, r, "s3cret", "authorize");
        assertThat(location).startsWith(CALLBACK + "#");
        Map<String, String> f = Browser.parameters(location, true);
        assertThat(f).containsEntry("token_type", "bearer").containsEntry("expires_in", "599")
                .containsEntry("orcid", r.orcid()).containsEntry("state", "s");
        SignedJWT jwt = SignedJWT.parse(f.get("id_token"));
        RSAKey key = (RSAKey) JWKSet.parse(new Http(ORCID.baseUrl()).get("/oauth/jwks").body()).getKeys().getFirst();
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getStringClaim("at_hash"))
                .isEqualTo(com.nimbusds.openid.connect.sdk.claims.AccessTokenHash.compute(
                        new com.nimbusds.oauth2.sdk.token.BearerAccessToken(f.get("access_token")),
                        JWSAlgorithm.RS256, null).getValue());
        assertThat(new Http(ORCID.baseUrl()).get("/oauth/userinfo?access_token=" + f.get("access_token")).statusCode())
                .isEqualTo(200);
    }
}
