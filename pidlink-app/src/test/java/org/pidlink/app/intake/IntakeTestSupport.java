package org.pidlink.app.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.pidlink.app.testsupport.PidlinkSpringTest;
import org.pidlink.app.testsupport.Eventually;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.pidlink.app.claims.ClaimView;
import org.pidlink.app.claims.Claims;
import org.pidlink.app.intake.api.ApiKeys;
import org.pidlink.core.identifiers.OrcidId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One pidlink (embedded PostgreSQL, embedded ORCID emulator, real HTTP) for the intake tests, with an API key
 * and helpers to post metadata and wait for the intake worker.
 */
@PidlinkSpringTest
abstract class IntakeTestSupport {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    /** The app's one clock (the test clock): what "now" is for the app under test. */
    @Autowired
    protected java.time.Clock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    Claims claims;

    @Autowired
    IntakeWorker worker;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    String key;

    @BeforeEach
    void freshIntake() {
        // The intake worker polls meanwhile, its locks taken in another order than TRUNCATE's: PostgreSQL may end
        // the TRUNCATE as a deadlock's victim, and then it is tried again.
        for (int attempt = 1; ; attempt++) {
            try {
                jdbc.execute("TRUNCATE intake_doi, intake_task, intake_work, intake_event, permission_notification, "
                        + "harvest_checkpoint, doi_prefix_owner, harvest_run");
                break;
            } catch (org.springframework.dao.PessimisticLockingFailureException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
        key = apiKeys.create("tests", null, "test").key();
    }

    static Path shared(String relative) {
        return org.pidlink.app.testsupport.SharedFiles.path(relative);
    }

    static byte[] sharedBytes(String relative) {
        try {
            return Files.readAllBytes(shared(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpResponse<String> post(byte[] body, String contentType) {
        return post(body, contentType, key);
    }

    HttpResponse<String> post(byte[] body, String contentType, String apiKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/dois"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        return send(request);
    }

    HttpResponse<String> delete(String doi) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/dois/" + doi)).DELETE()
                .header("X-API-Key", key));
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The 202 answer's body. */
    static JsonNode accepted(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        return JSON.readTree(response.body());
    }

    static List<String> texts(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    /** The claim of a researcher for a DOI, once the intake worker made it. */
    Optional<ClaimView> claim(String orcid, String doi) {
        return claims.forResearcher(new OrcidId(orcid)).stream().filter(c -> c.doi().equals(doi)).findFirst();
    }

    /** Runs the intake worker's due tasks and waits until none is left (the background threads run too). */
    void drainIntake() {
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            worker.runDueTasks();
            Integer left = jdbc.queryForObject("SELECT count(*) FROM intake_task", Integer.class);
            if (left != null && left == 0) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(left + " intake task(s) still queued: "
                        + jdbc.queryForList("SELECT doi, orcid, action, attempts, last_error FROM intake_task"));
            }
            pause(50);
        }
    }

    static void eventually(Runnable assertion) {
        org.pidlink.app.testsupport.Eventually.eventually(assertion);
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
