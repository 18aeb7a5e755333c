package org.pidlink.app.registrants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pidlink.app.testsupport.Eventually.eventually;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.pidlink.app.intake.RegistrantKeys;
import org.pidlink.app.intake.api.ApiKeys;
import org.pidlink.app.testsupport.Http;
import org.pidlink.app.testsupport.PidlinkSpringTest;
import org.pidlink.emulator.SettableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The registrants' API over HTTP: a key sees its own registrant only, every bad parameter is a problem+json saying
 * which, exports hold what the list holds, and webhook deliveries are retried with backoff on the app's clock.
 */
@PidlinkSpringTest
class RegistrantsApiTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    RegistrantStore registrants;

    @Autowired
    RegistrantKeys keys;

    @Autowired
    Suggestions suggestions;

    @Autowired
    DeliveryWorker deliveries;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    SettableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SuggestionScanner scanner;

    @Autowired
    org.pidlink.app.orcid.EmbeddedOrcid orcid;

    /** A registrant with a fresh prefix and its key. */
    private record Made(Registrant registrant, String key, String prefix, String secret) {
    }

    private Made registrant(String webhookUrl) {
        String prefix = "10.8" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        RegistrantStore.Created created = registrants.create("Registrant " + prefix, RegistrantKind.PUBLISHER, null,
                prefix, webhookUrl, "test");
        RegistrantKeys.IssuedKey key = keys.issue(created.registrant().keySource(), null, "test");
        registrants.setApiKey(created.registrant().id(), key.id());
        return new Made(created.registrant(), key.key(), prefix, created.webhookSecret());
    }

    private Suggestion suggest(Made made, String suffix, String orcid) {
        return suggestions.create(new Suggestions.Draft(made.registrant().id(), made.prefix() + "/" + suffix, orcid,
                SuggestionReason.CLAIMED, "Ada Lovelace", new NameMatcher.Match("Lovelace, Ada", "creator", 0, 1.0),
                List.of("SEARCH_AND_LINK"), true, null, clock.instant())).orElseThrow();
    }

    private HttpResponse<String> get(String path, String key) {
        Http http = new Http(port);
        HttpRequest.Builder request = HttpRequest.newBuilder(http.uri(path)).GET();
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return http.send(request);
    }

    private HttpResponse<String> post(String path, String key, String body) {
        Http http = new Http(port);
        return http.send(HttpRequest.newBuilder(http.uri(path)).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json").POST(body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)));
    }

    private static void assertProblem(HttpResponse<String> response, int status, String type, String parameter) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("type").asString()).isEqualTo("/problems/" + type);
        if (parameter != null) {
            assertThat(problem.path("parameter").asString()).isEqualTo(parameter);
        }
    }

    @Test
    void aKeySeesItsOwnRegistrantOnly() {
        Made a = registrant(null);
        Made b = registrant(null);
        Suggestion ofA = suggest(a, "a1", "0000-0002-1825-0097");
        Suggestion ofB = suggest(b, "b1", "0000-0002-1825-0097");
        String base = "/api/v1/registrants/";

        HttpResponse<String> own = get(base + a.registrant().id() + "/suggestions", a.key());
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        JsonNode page = JSON.readTree(own.body());
        assertThat(page.path("total").asLong()).isEqualTo(1);
        assertThat(page.path("suggestions").get(0).path("doi").asString()).isEqualTo(ofA.doi());
        assertThat(own.body()).doesNotContain(b.prefix());

        assertProblem(get(base + b.registrant().id() + "/suggestions", a.key()), 404, "unknown-registrant", null);
        assertProblem(get(base + b.registrant().id() + "/suggestions/export?format=csv", a.key()), 404,
                "unknown-registrant", null);
        assertProblem(get(base + a.registrant().id() + "/suggestions?prefix=" + b.prefix(), a.key()), 403,
                "prefix-not-owned", "prefix");
        assertProblem(get(base + a.registrant().id() + "/suggestions/" + ofB.id(), a.key()), 404,
                "unknown-suggestion", null);
        assertProblem(post(base + a.registrant().id() + "/suggestions/" + ofB.id() + "/accept", a.key(), null), 404,
                "unknown-suggestion", null);
        assertThat(suggestions.find(ofB.id()).orElseThrow().status()).isEqualTo(SuggestionStatus.OPEN);
        // A metadata source's key may not read suggestions at all; no key is unauthorized.
        assertProblem(get(base + a.registrant().id() + "/suggestions", apiKeys.create("src", null, "t").key()), 403,
                "forbidden", null);
        assertProblem(get(base + a.registrant().id() + "/suggestions", null), 401, "api-key-required", null);
    }

    @Test
    void everyBadParameterIsAProblemNamingIt() {
        Made a = registrant(null);
        Suggestion s = suggest(a, "x", "0000-0002-1825-0097");
        String list = "/api/v1/registrants/" + a.registrant().id() + "/suggestions";
        assertProblem(get(list + "?status=pending", a.key()), 400, "invalid-parameter", "status");
        assertProblem(get(list + "?since=yesterday", a.key()), 400, "invalid-parameter", "since");
        assertProblem(get(list + "?since=2026-12-02&until=2026-12-01", a.key()), 400, "invalid-parameter", "until");
        assertProblem(get(list + "?size=0", a.key()), 400, "invalid-parameter", "size");
        assertProblem(get(list + "?size=501", a.key()), 400, "invalid-parameter", "size");
        assertProblem(get(list + "?page=-1", a.key()), 400, "invalid-parameter", "page");
        assertProblem(get(list + "?page=abc", a.key()), 400, "invalid-parameter", "page");
        assertProblem(get(list + "?prefix=12.34", a.key()), 400, "invalid-parameter", "prefix");
        assertProblem(get(list + "/export?format=xml", a.key()), 400, "invalid-parameter", "format");
        assertProblem(get("/api/v1/registrants/abc/suggestions", a.key()), 400, "invalid-parameter", "id");
        assertProblem(post(list + "/" + s.id() + "/reject", a.key(), null), 400, "invalid-parameter", "reason");
        assertProblem(post(list + "/" + s.id() + "/reject", a.key(), "{\"reason\": 5}"), 400, "invalid-parameter",
                "reason");
        assertProblem(post(list + "/" + s.id() + "/reject", a.key(), "not json"), 400, "invalid-parameter", "body");

        HttpResponse<String> rejected = post(list + "/" + s.id() + "/reject", a.key(),
                "{\"reason\": \"Not our author: a namesake\"}");
        assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(200);
        assertThat(JSON.readTree(rejected.body()).path("rejectReason").asString()).isEqualTo("Not our author: a namesake");
        assertThat(JSON.readTree(get(list + "?status=rejected", a.key()).body()).path("total").asLong()).isEqualTo(1);
        assertThat(JSON.readTree(get(list + "?status=open", a.key()).body()).path("total").asLong()).isZero();

        // Once the iD arrived in the metadata the suggestion is closed.
        Suggestion other = suggest(a, "y", "0000-0001-5109-3700");
        suggestions.metadataCarries(a.registrant().id(), other.doi(), List.of(other.orcid()));
        assertProblem(post(list + "/" + other.id() + "/accept", a.key(), null), 409, "suggestion-closed", null);
    }

    @Test
    void exportsHoldWhatTheListHolds() {
        Made a = registrant(null);
        suggest(a, "one", "0000-0002-1825-0097");
        suggest(a, "two,with-comma", "0000-0001-5109-3700");
        String base = "/api/v1/registrants/" + a.registrant().id() + "/suggestions/export";
        HttpResponse<String> jsonl = get(base, a.key());
        assertThat(jsonl.statusCode()).isEqualTo(200);
        assertThat(jsonl.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/jsonl");
        assertThat(jsonl.body().lines().toList()).hasSize(2)
                .allSatisfy(line -> assertThat(JSON.readTree(line).path("reason").asString()).isEqualTo("claimed"));
        HttpResponse<String> csv = get(base + "?format=csv&prefix=" + a.prefix(), a.key());
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.getFirst()).startsWith("id,doi,orcid,reason,status,name_on_record,match");
        assertThat(lines.get(2)).contains("\"" + a.prefix() + "/two,with-comma\"").contains(",claimed,open,Ada Lovelace,creator,");
    }

    @Test
    void aFailedDeliveryIsRetriedWithBackoffOnTheAppsClockAndLogged() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start().answering(500, 503)) {
            Made a = registrant(receiver.url());
            Suggestion s = suggest(a, "retry", "0000-0002-1825-0097");
            eventually(() -> assertThat(receiver.received()).hasSize(1));
            assertThat(WebhookSigner.verify(a.secret(), receiver.received().getFirst().signature(),
                    receiver.received().getFirst().bytes())).isTrue();
            eventually(() -> assertThat(attempts(s)).isEqualTo(1));
            // Not due before the backoff has passed, however often the worker looks.
            assertThat(deliveries.turn()).isFalse();
            Duration moved = Duration.ZERO;
            try {
                clock.advance(Duration.ofSeconds(31));
                moved = moved.plusSeconds(31);
                deliveries.turn();
                eventually(() -> assertThat(receiver.received()).hasSize(2));
                eventually(() -> assertThat(attempts(s)).isEqualTo(2));
                // The second wait is twice the first.
                clock.advance(Duration.ofSeconds(31));
                moved = moved.plusSeconds(31);
                assertThat(deliveries.turn()).isFalse();
                clock.advance(Duration.ofSeconds(30));
                moved = moved.plusSeconds(30);
                deliveries.turn();
                eventually(() -> assertThat(status(s)).isEqualTo("DELIVERED"));
            } finally {
                clock.advance(moved.negated());
            }
            assertThat(receiver.received()).hasSize(3);
            assertThat(receiver.received()).extracting(WebhookReceiver.Received::delivery).containsOnly(
                    receiver.received().getFirst().delivery());
            assertThat(jdbc.queryForList("""
                    SELECT coalesce(http_status, 0) FROM registrant_delivery_attempt a
                    JOIN registrant_delivery d ON d.id = a.delivery_id WHERE d.suggestion_id = ? ORDER BY a.id""",
                    Integer.class, s.id())).containsExactly(500, 503, 200);
        }
    }

    @Test
    void brokenIdsInTheRegistrantsMetadataAreSuggested() {
        Made a = registrant(null);
        String gone = orcid.emulator().control().createResearcher(
                org.pidlink.emulator.control.ResearcherSpec.of("Gus", "Gone")).orcid();
        orcid.emulator().control().setState(gone, "deactivated", null);
        org.pidlink.core.identifiers.Doi doi = new org.pidlink.core.identifiers.Doi(a.prefix() + "/broken-ids");
        String json = org.pidlink.app.testsupport.DoiMetadata.dataset(doi, "Broken identifiers")
                .creator("Broken, Bea", new org.pidlink.core.identifiers.OrcidId("0000-0002-1825-0097"))
                .creator("Gone, Gus", new org.pidlink.core.identifiers.OrcidId(gone)).json()
                .replace("0000-0002-1825-0097", "0000-0002-1825-0098");
        Http http = new Http(port);
        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(http.uri("/api/v1/dois"))
                .header("Content-Type", "application/vnd.api+json")
                .header("Authorization", "Bearer " + apiKeys.create("broken-ids", null, "t").key())
                .POST(HttpRequest.BodyPublishers.ofString(json)));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
        while (scanner.turn()) {
            // until the record states are checked
        }
        scanner.turn();

        JsonNode page = JSON.readTree(get("/api/v1/registrants/" + a.registrant().id() + "/suggestions", a.key()).body());
        assertThat(page.path("total").asLong()).isEqualTo(2);
        assertThat(page.path("suggestions")).anySatisfy(s -> {
            assertThat(s.path("reason").asString()).isEqualTo("invalid_checksum");
            assertThat(s.path("orcid").asString()).contains("0000-0002-1825-0098");
            assertThat(s.path("match").path("name").asString()).isEqualTo("Broken, Bea");
        }).anySatisfy(s -> {
            assertThat(s.path("reason").asString()).isEqualTo("deactivated_record");
            assertThat(s.path("orcid").asString()).isEqualTo(gone);
            assertThat(s.path("match").path("name").asString()).isEqualTo("Gone, Gus");
            assertThat(s.path("match").path("score").asDouble()).isEqualTo(1.0);
        });
    }

    private int attempts(Suggestion s) {
        return jdbc.queryForObject("SELECT attempts FROM registrant_delivery WHERE suggestion_id = ?", Integer.class,
                s.id());
    }

    private String status(Suggestion s) {
        return jdbc.queryForObject("SELECT status FROM registrant_delivery WHERE suggestion_id = ?", String.class,
                s.id());
    }
}
