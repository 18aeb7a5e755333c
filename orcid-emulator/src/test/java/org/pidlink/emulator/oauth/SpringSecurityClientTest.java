package org.pidlink.emulator.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pidlink.emulator.control.ClientInfo;
import org.pidlink.emulator.control.ClientSpec;
import org.pidlink.emulator.control.ResearcherInfo;
import org.pidlink.emulator.control.ResearcherSpec;
import org.pidlink.emulator.junit.OrcidEmulatorExtension;
import org.springframework.security.oauth2.client.authentication.OAuth2LoginAuthenticationToken;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponse;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * pidlink signs researchers in with Spring Security's OAuth2 client; this runs that client's own discovery,
 * code exchange, id_token validation (issuer, audience, signature via JWKS, nonce) against the emulator.
 */
class SpringSecurityClientTest {

    @RegisterExtension
    static final OrcidEmulatorExtension ORCID = OrcidEmulatorExtension.builder().noRateLimit().build();

    private static final String CALLBACK = "http://localhost:8080/login/oauth2/code/orcid";

    @Test
    void springSecuritySignsAResearcherInThroughDiscovery() throws Exception {
        ClientInfo c = ORCID.control().createClient(ClientSpec.member("pidlink", CALLBACK));
        ResearcherInfo r = ORCID.control().createResearcher(
                ResearcherSpec.of("Sofia", "Garcia").withEmail("sofia@example.org").withPassword("pw"));

        ClientRegistration registration = ClientRegistrations.fromIssuerLocation(ORCID.baseUrl())
                .registrationId("orcid").clientId(c.clientId()).clientSecret(c.clientSecret())
                .redirectUri(CALLBACK).scope("openid", "/read-limited").build();
        assertThat(registration.getProviderDetails().getIssuerUri()).isEqualTo(ORCID.baseUrl());
        assertThat(registration.getClientAuthenticationMethod()).isEqualTo(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);

        String nonce = "raw-nonce-0123456789";
        OAuth2AuthorizationRequest request = OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri(registration.getProviderDetails().getAuthorizationUri())
                .clientId(c.clientId()).redirectUri(CALLBACK).scopes(Set.of("openid", "/read-limited"))
                .state("spring-state").attributes(a -> {
                    a.put(OidcParameterNames.NONCE, nonce);
                    a.put("registration_id", "orcid");
                })
                .additionalParameters(Map.of(OidcParameterNames.NONCE, sha256(nonce))).build();

        Browser browser = new Browser(ORCID.baseUrl());
        HttpResponse<String> page = browser.get(request.getAuthorizationRequestUri());
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        Map<String, String> answer = Browser.parameters(OAuthDance.finish(browser, page, r, "pw", "authorize"), false);

        OAuth2AuthorizationResponse response = OAuth2AuthorizationResponse.success(answer.get("code"))
                .redirectUri(CALLBACK).state(answer.get("state")).build();
        var provider = new OidcAuthorizationCodeAuthenticationProvider(
                new RestClientAuthorizationCodeTokenResponseClient(), new OidcUserService());
        var result = (OAuth2LoginAuthenticationToken) provider.authenticate(new OAuth2LoginAuthenticationToken(
                registration, new OAuth2AuthorizationExchange(request, response)));

        OidcUser user = (OidcUser) result.getPrincipal();
        assertThat(user.getSubject()).isEqualTo(r.orcid());
        assertThat(user.getIdToken().getIssuer().toString()).isEqualTo(ORCID.baseUrl());
        assertThat(user.getGivenName()).isEqualTo("Sofia");
        assertThat(result.getAccessToken().getScopes()).contains("openid", "/read-limited");
        assertThat(user.getIdToken().getAudience()).containsExactly(c.clientId());
    }

    /** Spring sends the nonce's SHA-256 (base64url) and checks the id_token against it. */
    private static String sha256(String s) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.US_ASCII)));
    }
}
