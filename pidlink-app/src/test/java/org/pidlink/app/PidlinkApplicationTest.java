package org.pidlink.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.pidlink.app.testsupport.PidlinkSpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

@PidlinkSpringTest
class PidlinkApplicationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void runsOnEmbeddedPostgresWithTheFlywaySchema() {
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
        assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where success", Integer.class))
                .isPositive();
    }

    @Test
    void healthIsUpAndTheLandingPageSaysWhatPidlinkIs() throws Exception {
        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");

        HttpResponse<String> home = get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("ORCID");
    }

    @Test
    void everyAnswerCarriesARequestIdAndAProxysPlainIdIsKept() throws Exception {
        String generated = get("/").headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(generated).matches("[0-9a-f-]{36}");
        assertThat(get("/api/v1/dois").headers().firstValue("X-Request-Id")).as("also a refused API call")
                .isPresent().get().isNotEqualTo(generated);

        HttpResponse<String> fromProxy = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                .header("X-Request-Id", "nginx-7f3a9c").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(fromProxy.headers().firstValue("X-Request-Id")).hasValue("nginx-7f3a9c");
        HttpResponse<String> forged = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                .header("X-Request-Id", "a\" fake=\"log line").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.headers().firstValue("X-Request-Id").orElseThrow()).as("not a plain token: replaced")
                .matches("[0-9a-f-]{36}");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
