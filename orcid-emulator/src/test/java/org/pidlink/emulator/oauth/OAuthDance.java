package org.pidlink.emulator.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.pidlink.emulator.Http;
import org.pidlink.emulator.control.ClientInfo;
import org.pidlink.emulator.control.ResearcherInfo;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The authorize steps the tests repeat: sign in (when asked), decide, read the redirect. */
public final class OAuthDance {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OAuthDance() {
    }

    /** GET authorize (state "st"), then {@link #finish}; the redirect's query parameters. */
    public static Map<String, String> signInAndDecide(Browser browser, ClientInfo c, String scope, ResearcherInfo r,
                                                      String password, String decision) {
        HttpResponse<String> first = browser.get(AuthorizeFlowTest.authorizeUrl(c, scope, "&state=st"));
        return Browser.parameters(finish(browser, first, r, password, decision), false);
    }

    /** From an authorize page (sign-in or consent) to the redirect back to the client; its Location. */
    public static String finish(Browser browser, HttpResponse<String> page, ResearcherInfo r, String password,
                                String decision) {
        HttpResponse<String> current = page;
        if (current.statusCode() == 200 && current.body().contains("name=\"password\"")) {
            current = browser.post("/oauth/authorize", Map.of(
                    "authorization", Browser.hidden(current.body(), "authorization"),
                    "username", r.orcid(), "password", password));
        }
        if (current.statusCode() == 200) {
            assertThat(current.body()).contains("name=\"decision\"");
            current = browser.post("/oauth/authorize", Map.of(
                    "authorization", Browser.hidden(current.body(), "authorization"), "decision", decision));
        }
        assertThat(current.statusCode()).isEqualTo(302);
        return Browser.location(current);
    }

    /** Exchanges a code at the token endpoint; the token response. */
    public static JsonNode exchange(String baseUrl, ClientInfo c, String code) {
        HttpResponse<String> token = new Http(baseUrl).form("/oauth/token", Map.of(
                "client_id", c.clientId(), "client_secret", c.clientSecret(), "grant_type", "authorization_code",
                "code", code, "redirect_uri", c.redirectUris().getFirst()), "Accept", "application/json");
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        return JSON.readTree(token.body());
    }
}
