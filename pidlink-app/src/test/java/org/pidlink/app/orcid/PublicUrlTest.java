package org.pidlink.app.orcid;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A demo used from other machines ({@code pidlink.public-url}, {@code ./pidlink serve --public-url}): sign-in
 * redirects to the emulator at the public host, with a redirect URI on the public URL that the emulator accepts; the
 * emulator listens beyond loopback; the session cookie works over plain HTTP; the landing page says how to sign in.
 * The public host is this machine's own name, so all traffic stays on this machine.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = "pidlink.orcid.emulator.port=0")
@ActiveProfiles("test")
class PublicUrlTest {

    private static final String HOST = hostName();
    private static final int PORT = freePort();
    private static final String PUBLIC_URL = "http://" + HOST + ":" + PORT;

    @Autowired
    EmbeddedOrcid emulator;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @DynamicPropertySource
    static void publicUrl(DynamicPropertyRegistry properties) {
        properties.add("server.port", () -> PORT);
        properties.add("pidlink.public-url", () -> PUBLIC_URL);
    }

    @Test
    void signInRedirectsThroughThePublicHostAndTheEmulatorAcceptsIt() {
        assertThat(URI.create(emulator.emulator().baseUrl()).getHost()).isEqualTo(HOST);

        HttpResponse<String> start = get(PUBLIC_URL + "/oauth2/authorization/orcid");
        assertThat(start.statusCode()).isEqualTo(302);
        String location = start.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(emulator.emulator().baseUrl() + "/oauth/authorize");
        String redirectUri = URLDecoder.decode(location.replaceAll(".*[?&]redirect_uri=([^&]*).*", "$1"),
                StandardCharsets.UTF_8);
        assertThat(redirectUri).isEqualTo(PUBLIC_URL + "/login/oauth2/code/orcid");
        assertThat(start.headers().allValues("Set-Cookie")).as("a session cookie browsers keep over plain HTTP")
                .anySatisfy(cookie -> assertThat(cookie).startsWith("PIDLINK_SESSION=").doesNotContainIgnoringCase(
                        "secure"));

        HttpResponse<String> signInPage = get(location);
        assertThat(signInPage.statusCode()).as("the emulator accepts the redirect URI: " + signInPage.body())
                .isEqualTo(200);
    }

    @Test
    void theLandingPageTellsADemoVisitorHowToSignInAndWhoIsAnAdministrator() {
        String home = get(PUBLIC_URL + "/").body();
        assertThat(home).contains("This is a demo").contains(DemoResearchers.JOSIAH.email())
                .contains(DemoResearchers.ADA.email()).contains(DemoResearchers.PASSWORD)
                .contains(emulator.emulator().baseUrl());
        assertThat(home.substring(home.indexOf(DemoResearchers.JOSIAH.email())))
                .as("Josiah is the demo's administrator").containsPattern("(?s)^.{0,400}administrator");
    }

    private HttpResponse<String> get(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost.localdomain";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
