package org.pidlink.app.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pidlink.app.testsupport.WebSession;

import jakarta.servlet.http.HttpSession;

/**
 * Anonymous visitors cost no session: only the sign-in flow keeps one, briefly until sign-in completes, and every
 * address (and the whole server) has a ceiling on how many it holds (issue 17, finding 6).
 */
class AnonymousSessionsTest extends AccountsTestSupport {

    private static final List<String> ANONYMOUS_GETS = List.of("/", "/signin", "/signin/failed?reason=denied",
            "/researchers/0000-0002-1825-0097", "/css/pidlink.css", "/img/orcid-id.svg", "/actuator/health",
            "/no/such/page", "/profile", "/settings", "/search", "/admin/queue", "/admin/api-keys", "/actuator/metrics",
            "/api/v1/lookup/dois/10.5555/anonymous", "/api/v1/dois/10.5555/anonymous",
            "/login/oauth2/code/orcid?code=abc&state=forged", "/account/orcid/granted/auto-update?code=abc&state=x");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void aThousandAnonymousRequestsCreateNoSessionAndSigningInStillWorks() throws Exception {
        int before = sessions.createdCount();
        for (int i = 0; i < 1000; i++) {
            String path = ANONYMOUS_GETS.get(i % ANONYMOUS_GETS.size());
            HttpResponse<Void> response = i % 10 == 9
                    ? send(HttpRequest.newBuilder(uri("/settings")).POST(HttpRequest.BodyPublishers.ofString("x=1"))
                            .header("Content-Type", "application/x-www-form-urlencoded"))
                    : send(HttpRequest.newBuilder(uri(path)).GET());
            assertThat(response.headers().allValues("Set-Cookie")).as(path).noneMatch(c -> c.startsWith("PIDLINK_SESSION"));
        }
        assertThat(sessions.createdCount() - before).as("sessions created by anonymous requests").isZero();

        Person person = newResearcher("Sessionless", "Visitor");
        WebSession browser = new WebSession(port);
        HttpResponse<String> profile = signIn(browser, person);
        assertThat(profile.body()).contains(person.orcid().value());
        List<HttpSession> signedIn = sessions.liveSince(before);
        assertThat(signedIn).hasSize(1);
        assertThat(Duration.ofSeconds(signedIn.getFirst().getMaxInactiveInterval()))
                .as("a signed-in session lasts the configured idle timeout").isEqualTo(Duration.ofHours(8));
    }

    @Test
    void aSignInThatIsNeverFinishedKeepsItsSessionBrieflyAndAnAddressHoldsOnlySoMany() throws Exception {
        int before = sessions.createdCount();
        HttpResponse<Void> started = send(HttpRequest.newBuilder(uri("/oauth2/authorization/orcid")).GET());
        assertThat(started.statusCode()).isEqualTo(302);
        List<HttpSession> signingIn = sessions.liveSince(before);
        assertThat(signingIn).hasSize(1);
        assertThat(Duration.ofSeconds(signingIn.getFirst().getMaxInactiveInterval()))
                .as("until sign-in completes").isEqualTo(Duration.ofMinutes(10));

        int perAddress = 500; // application-test.yml
        for (int i = 0; i < perAddress + 20; i++) {
            assertThat(send(HttpRequest.newBuilder(uri("/oauth2/authorization/orcid")).GET()).statusCode())
                    .isEqualTo(302);
        }
        // Other tests' sessions from this address count too: of the ones this test started, fewer still live.
        assertThat(sessions.liveSince(before)).as("live sessions this test started from one address")
                .hasSizeLessThanOrEqualTo(perAddress);
        assertThat(sessions.liveSince(before)).doesNotContain(signingIn.getFirst());

        Person person = newResearcher("Capped", "Address");
        WebSession browser = new WebSession(port);
        assertThat(signIn(browser, person).body()).contains(person.orcid().value());
    }

    private HttpResponse<Void> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path); // one client address, whatever localhost resolves to
    }
}
