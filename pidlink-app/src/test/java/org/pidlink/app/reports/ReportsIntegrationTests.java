package org.pidlink.app.reports;

import static org.assertj.core.api.Assertions.assertThat;

import org.pidlink.app.testsupport.PidlinkSpringTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pidlink.app.push.OrcidCallsCsv;
import org.pidlink.app.testsupport.ConnectedResearchers;
import org.pidlink.app.testsupport.ConnectedResearchers.Person;
import org.pidlink.app.claims.ClaimStatus;
import org.pidlink.app.claims.Claims;
import org.pidlink.app.claims.Provenance;
import org.pidlink.app.claims.WorkPayload;
import org.pidlink.app.intake.Intake;
import org.pidlink.app.intake.IntakeReport;
import org.pidlink.app.orcid.EmbeddedOrcid;
import org.pidlink.app.orcid.OrcidRegistrations;
import org.pidlink.core.identifiers.Doi;
import org.pidlink.core.identifiers.OrcidId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Metrics, health and reports as an administrator meets them: one pidlink (embedded PostgreSQL, embedded ORCID
 * emulator, real HTTP), researchers who connect through the emulator's pages, claims written by the push workers.
 */
@PidlinkSpringTest
class ReportsIntegrationTests {

    @LocalServerPort
    int port;

    /** The app's one clock (the test clock): what "now" is for the app under test. */
    @Autowired
    protected java.time.Clock clock;

    @Autowired
    EmbeddedOrcid orcid;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Claims claims;

    @Autowired
    MeterRegistry meters;

    @Autowired
    Intake intake;

    ConnectedResearchers people;
    Person admin;

    @BeforeEach
    void signInAdministrator() {
        people = new ConnectedResearchers(port, orcid);
        admin = ConnectedResearchers.demoAdministrator();
        people.signIn(admin);
    }

    @Test
    void theQueuePageShowsEachClassOfOrcidsBudgetWithItsShareAndUse() {
        jdbc.update("""
                INSERT INTO orcid_call (called_at, method, path, status, latency_ms, call_class)
                VALUES (?, 'POST', '/v3.0/{orcid}/works', 200, 40, 'backfill')""",
                java.sql.Timestamp.from(clock.instant()));

        String page = people.page(admin, "/admin/queue").body();

        assertThat(page).contains("<h2>ORCID's budget</h2>").contains("id=\"budget\"");
        for (String callClass : new String[] {"interactive", "fresh", "backfill", "read", "housekeeping"}) {
            assertThat(page).contains("<td>" + callClass + "</td>");
        }
        assertThat(page).contains("comes first").contains("10%").contains("5%").contains("2%");
    }

    @Test
    void aPushAndAnIntakeShowInTheMetricsWithoutIdentifiersInTheirTags() {
        Person researcher = people.newResearcher("Metered", "Researcher");
        people.connect(researcher, true);
        double added = counter("pidlink.works", "action", "added");
        long posts = postsAnswered200();
        Doi doi = Doi.parse("10.5555/metrics." + UUID.randomUUID());

        long id = claims.assertClaim(researcher.orcid(), doi, OrcidRegistrations.AUTO_UPDATE, Provenance.AUTO_UPDATE,
                work(doi)).claimId();
        awaitTrue(() -> claims.find(id).orElseThrow().status() == ClaimStatus.IN_ORCID);

        // The push engine counts the work once ORCID's answer is stored, so just after the claim shows it.
        awaitTrue(() -> counter("pidlink.works", "action", "added") == added + 1);
        assertThat(counter("pidlink.works", "action", "added")).isEqualTo(added + 1);
        assertThat(postsAnswered200()).isGreaterThan(posts);

        double rejected = counter("pidlink.intake.records", "outcome", "rejected");
        IntakeReport report = intake.submit("this is not DOI metadata".getBytes(StandardCharsets.UTF_8),
                "application/json", "api:reports-test");
        assertThat(report.rejected()).isEqualTo(1);
        assertThat(meters.get("pidlink.intake.records").tag("source", "api").tag("outcome", "rejected").counter()
                .count()).isEqualTo(rejected + 1);

        HttpResponse<String> scrape = people.page(admin, "/actuator/prometheus");
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body())
                .contains("pidlink_works_total{action=\"added\"")
                .contains("pidlink_orcid_calls_seconds_count{error_code=\"none\",method=\"POST\","
                        + "path=\"/v3.0/{orcid}/works\",status=\"200\"")
                .contains("pidlink_claims{status=\"IN_ORCID\"}")
                .contains("pidlink_push_queue_depth ")
                .contains("pidlink_push_queue_oldest_due_seconds ")
                .contains("pidlink_intake_records_total{outcome=\"rejected\",source=\"api\"}")
                .doesNotContain(researcher.orcid().value())
                .doesNotContain(doi.value());
    }

    @Test
    void healthShowsThePushEngineToAdministratorsAndOnlyTheStatusToOthers() throws Exception {
        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(anonymous.body()).contains("\"status\":\"UP\"").doesNotContain("push").doesNotContain("queued");

        HttpResponse<String> asAdmin = people.page(admin, "/actuator/health");
        assertThat(asAdmin.statusCode()).isEqualTo(200);
        assertThat(asAdmin.body()).contains("\"push\":{").contains("\"workers\":\"running\"")
                .contains("\"queued\":").contains("\"failing\":").contains("\"oldestDueAgeSeconds\":");
    }

    @Test
    void theReportPageShowsTheFiguresOfTheAuditClaimsAndResearchers() {
        String marker = "marker-" + UUID.randomUUID();
        Instant now = clock.instant();
        Instant hourAgo40 = now.minus(40, ChronoUnit.HOURS);
        for (int status : new int[] {200, 201, 204, 400, 404, 503}) {
            audit(hourAgo40, "GET", "/v3.0/{orcid}/works", status, status == 400 ? 9099 : null, 0,
                    status == 400 ? marker + " the last one" : marker);
        }
        audit(hourAgo40, "GET", "/v3.0/{orcid}/works", null, null, 0, marker);
        Instant daysAgo20 = now.minus(20, ChronoUnit.DAYS);
        audit(daysAgo20, "POST", "/v3.0/{orcid}/works", 200, null, 5, marker);
        audit(daysAgo20, "PUT", "/v3.0/{orcid}/work/17", 200, null, 1, marker);
        audit(daysAgo20, "PUT", "/v3.0/{orcid}/work/18", 200, null, 1, marker);
        audit(daysAgo20, "DELETE", "/v3.0/{orcid}/work/19", 204, null, 1, marker);
        audit(daysAgo20, "POST", "/v3.0/{orcid}/works", 400, 9099, 3, marker + " an earlier one");
        // Waits for permission: a claim of someone who never connected.
        claims.assertClaim(OrcidId.parse("0000-0002-9079-593X"), Doi.parse("10.5555/waiting." + UUID.randomUUID()),
                OrcidRegistrations.AUTO_UPDATE, Provenance.AUTO_UPDATE, work(Doi.parse("10.5555/waiting.1")));

        String before = people.page(admin, "/admin/reports").body();
        Person researcher = people.newResearcher("Reported", "Researcher");
        people.connect(researcher, true);
        HttpResponse<String> page = people.page(admin, "/admin/reports");

        assertThat(page.statusCode()).isEqualTo(200);
        String html = page.body();
        assertThat(html).contains("id=\"nav-admin-reports\"").doesNotContain("<script").doesNotContain("style=");
        assertThat(number(html, "researchers-connected")).isEqualTo(number(before, "researchers-connected") + 1);
        assertThat(number(html, "researchers-auto-update")).isEqualTo(number(before, "researchers-auto-update") + 1);
        assertThat(number(html, "researchers-signed-in")).isEqualTo(number(before, "researchers-signed-in") + 1);

        for (String chart : new String[] {"claims-chart", "works-chart", "calls-chart"}) {
            assertThat(html).contains("<title id=\"" + chart + "-title\">").contains("<desc id=\"" + chart + "-desc\">")
                    .contains("aria-labelledby=\"" + chart + "-title " + chart + "-desc\"")
                    .contains("<table id=\"" + chart + "-table\">");
        }
        // 2xx, 4xx, 5xx, no answer, total
        String hour = ReportsController.HOUR.format(LocalDateTime.ofInstant(hourAgo40, ZoneOffset.UTC));
        assertThat(html).containsPattern(row(hour, 3, 2, 1, 1, 7));
        // added (the works of the successful bulk call), updated, deleted, total; the refused POST adds nothing
        String day = ReportsController.DAY.format(LocalDateTime.ofInstant(daysAgo20, ZoneOffset.UTC));
        assertThat(html).containsPattern(row(day, 5, 2, 1, 8));
        long waiting = jdbc.queryForObject("SELECT count(*) FROM claim WHERE status = 'WAITING_FOR_PERMISSION'",
                Long.class);
        assertThat(waiting).isPositive();
        assertThat(html).containsPattern(row(ClaimStatus.WAITING_FOR_PERMISSION.label(), waiting));
        assertThat(html).containsPattern("<td>9099</td>\\s*<td>2</td>\\s*<td>[^<]+</td>\\s*<td>"
                + Pattern.quote(marker + " the last one") + "</td>");
    }

    @Test
    void theAuditDownloadsAsCsvForADateRange() {
        String marker = "csv, \"quoted\" " + UUID.randomUUID();
        LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(60);
        Instant noon = day.atTime(12, 0).toInstant(ZoneOffset.UTC);
        audit(noon, "PUT", "/v3.0/{orcid}/work/42", 409, 9021, 1, marker);
        audit(day.atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(1), "GET", "/v3.0/{orcid}/works", 200,
                null, 0, "the day before");
        long rowsThatDay = jdbc.queryForObject("SELECT count(*) FROM orcid_call WHERE called_at >= ? AND called_at < ?",
                Long.class, Timestamp.from(day.atStartOfDay(ZoneOffset.UTC).toInstant()),
                Timestamp.from(day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));

        HttpResponse<String> csv = people.page(admin, "/admin/reports/orcid-calls.csv?from=" + day + "&to=" + day);

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment")
                .contains("pidlink-orcid-calls-" + day + "-to-" + day + ".csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo(OrcidCallsCsv.HEADER);
        assertThat(lines).hasSize((int) rowsThatDay + 1);
        assertThat(csv.body()).contains(",PUT,/v3.0/{orcid}/work/42,409,9021,")
                .contains("\"csv, \"\"quoted\"\" ").doesNotContain("the day before");

        HttpResponse<String> reversed = people.page(admin, "/admin/reports/orcid-calls.csv?from=" + day
                + "&to=" + day.minusDays(1));
        assertThat(reversed.statusCode()).isEqualTo(400);
        assertThat(reversed.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(reversed.body()).contains("is after 'to'");
        assertThat(people.page(admin, "/admin/reports/orcid-calls.csv?from=2020-01-01&to=2026-01-01").body())
                .contains("at most " + ReportsController.MAX_CSV_DAYS + " days");
        assertThat(people.page(admin, "/admin/reports/orcid-calls.csv?from=yesterday").statusCode()).isEqualTo(400);
    }

    @Test
    void researchersWhoAreNotAdministratorsAreRefused() {
        Person researcher = people.newResearcher("Curious", "Researcher");
        people.signIn(researcher);

        assertThat(people.page(researcher, "/admin/reports").statusCode()).isEqualTo(403);
        assertThat(people.page(researcher, "/admin/reports/orcid-calls.csv").statusCode()).isEqualTo(403);
        assertThat(people.page(researcher, "/actuator/prometheus").statusCode()).isEqualTo(403);
        assertThat(people.page(researcher, "/profile").body()).doesNotContain("nav-admin-reports");
    }

    private void audit(Instant at, String method, String path, Integer status, Integer errorCode, int items,
                       String failure) {
        jdbc.update("INSERT INTO orcid_call (called_at, method, path, status, error_code, latency_ms, orcid, "
                        + "registration_id, items, failure) VALUES (?, ?, ?, ?, ?, 12, '0000-0002-1825-0097', "
                        + "'auto-update', ?, ?)",
                Timestamp.from(at), method, path, status, errorCode, items, failure);
    }

    private static String row(String heading, long... cells) {
        StringBuilder pattern = new StringBuilder("<th scope=\"row\">" + Pattern.quote(heading) + "</th>");
        for (long cell : cells) {
            pattern.append("\\s*<td>").append(cell).append("</td>");
        }
        return pattern.append("\\s*</tr>").toString();
    }

    private static long number(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\">(\\d+)<").matcher(html);
        assertThat(m.find()).as("%s on the page", id).isTrue();
        return Long.parseLong(m.group(1));
    }

    private double counter(String name, String tag, String value) {
        Counter counter = meters.find(name).tag(tag, value).counter();
        return counter == null ? 0 : counter.count();
    }

    private long postsAnswered200() {
        Timer timer = meters.find("pidlink.orcid.calls").tag("method", "POST").tag("status", "200")
                .tag("path", "/v3.0/{orcid}/works").timer();
        return timer == null ? 0 : timer.count();
    }

    private static WorkPayload work(Doi doi) {
        return WorkPayload.ofCanonicalJson("{\"title\":{\"title\":{\"value\":\"Metered work\"}},\"type\":\"data-set\","
                + "\"external-ids\":{\"external-id\":[{\"external-id-type\":\"doi\",\"external-id-value\":\""
                + doi.value() + "\",\"external-id-relationship\":\"self\"}]}}");
    }

    /** Waits for the push workers; fails after a generous bound, never sleeps blindly. */
    private static void awaitTrue(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - deadline).as("the push workers did not get there within 30 s")
                    .isNegative();
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }
}
