package org.pidlink.app.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pidlink.app.intake.harvest.DataCiteHarvester;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The DataCite harvest against a local stand-in of the DataCite REST API that serves the shared records with
 * cursor paging and the updated-range query. Issue 7.
 */
class DataCiteHarvestTests extends IntakeTestSupport {

    private static final Pattern RANGE = Pattern.compile("updated:\\[([^\\s\\]]+) TO ([^\\s\\]]+)]");
    private static final int PAGE_SIZE = 10;

    @Autowired
    Intake intake;

    HttpServer server;
    final List<String> queries = new CopyOnWriteArrayList<>();
    final AtomicBoolean failSecondPage = new AtomicBoolean();
    List<JsonNode> records;

    @BeforeEach
    void startStandIn() throws IOException {
        JsonNode list = JSON.readTree(sharedBytes(
                "metadata/datacite/api-json/list/stage_dois_query-orcid-and-updated-range_affiliation-true_size25.json"));
        records = new ArrayList<>();
        list.get("data").forEach(records::add);
        // DataCite's cursor order: created, then DOI.
        records.sort((a, b) -> {
            int byCreated = a.get("attributes").get("created").asString().compareTo(b.get("attributes").get("created").asString());
            return byCreated != 0 ? byCreated : a.get("id").asString().compareTo(b.get("id").asString());
        });
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/dois", exchange -> {
            try {
                serve(exchange);
            } catch (RuntimeException e) {
                e.printStackTrace();
                respond(exchange, 500, "{\"errors\":[{\"title\":\"" + e + "\"}]}");
            }
        });
        server.start();
    }

    @AfterEach
    void stopStandIn() {
        server.stop(0);
    }

    private void serve(HttpExchange exchange) throws IOException {
        String query = URLDecoder.decode(exchange.getRequestURI().getRawQuery(), StandardCharsets.UTF_8);
        queries.add(query);
        Matcher range = RANGE.matcher(query);
        String cursor = parameter(query, "page[cursor]");
        if (!range.find() || cursor == null) {
            respond(exchange, 400, "{\"errors\":[{\"title\":\"query and page[cursor] are required\"}]}");
            return;
        }
        Instant from = Instant.parse(range.group(1));
        Instant until = Instant.parse(range.group(2));
        List<JsonNode> matching = records.stream().filter(r -> {
            Instant updated = Instant.parse(r.get("attributes").get("updated").asString());
            return !updated.isBefore(from) && !updated.isAfter(until);
        }).toList();
        int start = cursor.equals("1") ? 0
                : Integer.parseInt(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
        if (start > 0 && failSecondPage.get()) {
            respond(exchange, 500, "{\"errors\":[{\"title\":\"stand-in failure\"}]}");
            return;
        }
        List<JsonNode> page = matching.subList(Math.min(start, matching.size()),
                Math.min(start + PAGE_SIZE, matching.size()));
        ObjectNode body = JSON.createObjectNode();
        ArrayNode data = body.putArray("data");
        page.forEach(data::add);
        body.putObject("meta").put("total", matching.size());
        ObjectNode links = body.putObject("links");
        if (start + PAGE_SIZE < matching.size()) {
            String next = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(String.valueOf(start + PAGE_SIZE).getBytes(StandardCharsets.UTF_8));
            links.put("next", "http://127.0.0.1:" + server.getAddress().getPort() + "/dois?page%5Bcursor%5D=" + next
                    + "&page%5Bsize%5D=" + PAGE_SIZE + "&query=" + exchange.getRequestURI().getRawQuery()
                    .replaceAll(".*query=([^&]*).*", "$1"));
        }
        respond(exchange, 200, JSON.writeValueAsString(body));
    }

    private static String parameter(String query, String name) {
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return null;
    }

    private static void respond(HttpExchange exchange, int status, String body) {
        try (exchange) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/vnd.api+json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private DataCiteHarvester harvester(Instant now, Duration overlap) {
        IntakeProperties.Harvest settings = new IntakeProperties.Harvest(true,
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()), Duration.ofMinutes(5), overlap,
                Duration.ofMinutes(1), Duration.ofDays(30), "", PAGE_SIZE, Duration.ofMinutes(30));
        return new DataCiteHarvester(jdbc.getDataSource(), intake, HttpClient.newHttpClient(),
                Clock.fixed(now, ZoneOffset.UTC), settings);
    }

    @Test
    void harvestsTheUpdatedWindowPageByPageAndKeepsItsCheckpoint() {
        Instant now = Instant.parse("2018-02-01T00:00:00Z");

        DataCiteHarvester harvester = harvester(now, Duration.ofMinutes(10));
        DataCiteHarvester.Run run = harvester.runOnce().orElseThrow();

        assertThat(run.complete()).isTrue();
        assertThat(harvester.latestRuns(5).getFirst()).satisfies(progress -> {
            assertThat(progress.running()).isFalse();
            assertThat(progress.complete()).isTrue();
            assertThat(progress.pages()).isEqualTo(3);
            assertThat(progress.records()).isEqualTo(records.size());
            assertThat(progress.announced()).as("the registry's meta.total").isEqualTo(records.size());
            assertThat(progress.percentDone()).isEqualTo(100);
            assertThat(progress.windowFrom()).isEqualTo(run.from());
        });
        assertThat(run.from()).isEqualTo(Instant.parse("2018-01-02T00:00:00Z"));
        assertThat(run.until()).isEqualTo(Instant.parse("2018-01-31T23:59:00Z"));
        assertThat(run.pages()).isEqualTo(3);
        assertThat(run.records()).isEqualTo(records.size());
        assertThat(queries.getFirst()).contains("updated:[2018-01-02T00:00:00Z TO 2018-01-31T23:59:00Z]")
                .contains("page[cursor]=1");
        assertThat(queries.get(1)).doesNotContain("page[cursor]=1");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM intake_doi WHERE source = 'harvest:datacite'",
                Integer.class)).isEqualTo(records.size());
        assertThat(jdbc.queryForObject("SELECT high_water FROM harvest_checkpoint WHERE name = 'datacite'",
                Timestamp.class).toInstant()).isEqualTo(run.until());
        drainIntake();
        assertThat(claim("0000-0002-4924-153X", "10.25499/nv7dji973uiseuph7z76gtp9ed")).isPresent();
    }

    @Test
    void theNextWindowOverlapsTheLastAndChangesNothingTwice() {
        harvester(Instant.parse("2018-02-01T00:00:00Z"), Duration.ofDays(30)).runOnce().orElseThrow();
        queries.clear();

        DataCiteHarvester.Run next = harvester(Instant.parse("2018-02-01T01:00:00Z"), Duration.ofDays(30))
                .runOnce().orElseThrow();

        assertThat(next.from()).isEqualTo(Instant.parse("2018-01-01T23:59:00Z"));
        assertThat(next.records()).isEqualTo(records.size());
        assertThat(next.accepted()).isZero();
        assertThat(jdbc.queryForObject("SELECT high_water FROM harvest_checkpoint", Timestamp.class).toInstant())
                .isEqualTo(Instant.parse("2018-02-01T00:59:00Z"));
    }

    @Test
    void anInterruptedWalkKeepsTheOldCheckpoint() {
        failSecondPage.set(true);

        DataCiteHarvester.Run run = harvester(Instant.parse("2018-02-01T00:00:00Z"), Duration.ofMinutes(10))
                .runOnce().orElseThrow();

        assertThat(run.complete()).isFalse();
        assertThat(run.error()).contains("500");
        assertThat(harvester(Instant.parse("2018-02-01T00:00:00Z"), Duration.ofMinutes(10)).latestRuns(1).getFirst())
                .satisfies(stopped -> {
                    assertThat(stopped.running()).isFalse();
                    assertThat(stopped.complete()).isFalse();
                    assertThat(stopped.error()).contains("500");
                    assertThat(stopped.pages()).isEqualTo(1);
                });
        assertThat(jdbc.queryForObject("SELECT high_water FROM harvest_checkpoint", Timestamp.class)).isNull();
        assertThat(jdbc.queryForObject("SELECT last_error FROM harvest_checkpoint", String.class)).contains("500");
        failSecondPage.set(false);
        DataCiteHarvester.Run retry = harvester(Instant.parse("2018-02-01T00:05:00Z"), Duration.ofMinutes(10))
                .runOnce().orElseThrow();
        assertThat(retry.from()).isEqualTo(Instant.parse("2018-01-02T00:05:00Z"));
        assertThat(retry.complete()).isTrue();
    }

    @Test
    void aRunningHarvestEstimatesTheTimeLeftFromItsPace() {
        Instant now = Instant.parse("2018-02-01T00:10:00Z");
        jdbc.update("""
                INSERT INTO harvest_run (name, base_url, window_from, window_until, started_at, updated_at, pages,
                                         records, accepted, announced)
                VALUES ('datacite', 'http://registry', ?, ?, ?, ?, 4, 100, 7, 400)""",
                Timestamp.from(now.minus(Duration.ofDays(1))), Timestamp.from(now),
                Timestamp.from(now.minusSeconds(60)), Timestamp.from(now));

        assertThat(harvester(now, Duration.ofMinutes(10)).latestRuns(1).getFirst()).satisfies(running -> {
            assertThat(running.running()).isTrue();
            assertThat(running.percentDone()).isEqualTo(25);
            assertThat(running.timeLeft()).as("100 DOIs a minute, 300 to go").isEqualTo(Duration.ofMinutes(3));
        });
    }
}
