package org.pidlink.app.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pidlink.app.testsupport.Eventually.eventually;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicBoolean;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.pidlink.app.intake.harvest.DataCiteHarvester;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What monitoring systems use: Prometheus scrapes {@code /actuator/prometheus} with the configured scrape credential
 * and no session, and that credential opens nothing else; the health report turns DOWN when the harvested source
 * has failed for longer than {@code unreachable-after}, and UP again when it answers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "pidlink.orcid.emulator.port=0", "pidlink.metrics.scrape.username=prometheus",
        "pidlink.metrics.scrape.password=" + MonitoringTest.PASSWORD, "pidlink.intake.harvest.enabled=true",
        "pidlink.intake.harvest.interval=1h", "pidlink.intake.harvest.unreachable-after=1s"})
@ActiveProfiles("test")
class MonitoringTest {

    static final String PASSWORD = "scrape-secret-0123456789";
    /** A stand-in registry that fails (503) or answers an empty page, as the test says. */
    private static final AtomicBoolean REGISTRY_FAILS = new AtomicBoolean(true);
    private static final HttpServer REGISTRY = registry();

    @LocalServerPort
    int port;

    @Autowired
    DataCiteHarvester harvester;

    @Autowired
    @Qualifier("harvestHealthIndicator")
    HealthIndicator harvestHealth;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @DynamicPropertySource
    static void registryAddress(DynamicPropertyRegistry properties) {
        properties.add("pidlink.intake.harvest.base-url",
                () -> "http://127.0.0.1:" + REGISTRY.getAddress().getPort());
    }

    @AfterAll
    static void stopRegistry() {
        REGISTRY.stop(0);
    }

    @Test
    void prometheusScrapesWithItsCredentialAloneWhichOpensNothingElse() {
        HttpResponse<String> none = get("/actuator/prometheus", null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Basic");
        assertThat(get("/actuator/prometheus", basic("prometheus", PASSWORD + "x")).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", basic("grafana", PASSWORD)).statusCode()).isEqualTo(401);

        HttpResponse<String> scrape = get("/actuator/prometheus", basic("prometheus", PASSWORD));
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("pidlink_push_queue_depth ").contains("pidlink_claims{");
        assertThat(scrape.headers().firstValue("Set-Cookie")).as("no session for a scraper").isEmpty();

        String credential = basic("prometheus", PASSWORD);
        assertThat(get("/actuator/metrics", credential).statusCode()).as("other actuator endpoints").isEqualTo(302);
        assertThat(get("/admin/queue", credential).statusCode()).as("admin pages").isEqualTo(302);
        assertThat(get("/api/v1/dois/10.5555/1", credential).statusCode()).as("the API").isEqualTo(401);
        assertThat(get("/actuator/health", credential).body()).as("no health details").doesNotContain("harvest");
    }

    @Test
    void healthIsDownWhileTheHarvestedSourceFailsLongerThanAllowedAndUpWhenItAnswers() {
        REGISTRY_FAILS.set(true);
        DataCiteHarvester.Run failed = harvester.runOnce().orElseThrow();
        assertThat(failed.error()).contains("answered 503");
        eventually(() -> {
            HttpResponse<String> health = get("/actuator/health", null);
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("\"status\":\"DOWN\"");
        });
        Health down = harvestHealth.health();
        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
        assertThat(down.getDetails()).containsEntry("lastError", failed.error())
                .containsEntry("source", "http://127.0.0.1:" + REGISTRY.getAddress().getPort())
                .containsKey("failingForSeconds");
        assertThat(get("/actuator/health/liveness", null).statusCode()).as("a restart would not help").isEqualTo(200);

        REGISTRY_FAILS.set(false);
        assertThat(harvester.runOnce().orElseThrow().complete()).isTrue();
        assertThat(harvestHealth.health().getStatus()).isEqualTo(Status.UP);
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
    }

    private static HttpServer registry() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/dois", exchange -> {
                byte[] body = (REGISTRY_FAILS.get() ? "{\"errors\":[{\"status\":\"503\"}]}"
                        : "{\"data\":[],\"links\":{}}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/vnd.api+json");
                exchange.sendResponseHeaders(REGISTRY_FAILS.get() ? 503 : 200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
