package org.pidlink.app.intake.harvest;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

import org.pidlink.app.intake.Intake;
import org.pidlink.app.intake.IntakeProperties;
import org.pidlink.app.intake.IntakeReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Incremental harvest of a DataCite-compatible REST API (doi-metadata.md §6.1): every run asks for the DOIs
 * updated in {@code [high water − overlap, now − lag]} ({@code query=updated:[… TO …]}), walks the pages with
 * {@code page[cursor]} following {@code links.next} verbatim, hands each page to intake (which ignores what did
 * not change, so the overlap costs nothing), and stores the window's end as the new high water only when the
 * walk completed. All DOIs are harvested, not only those DataCite's ORCID filter finds: that filter misses
 * contributors and odd spellings of the scheme; intake finds the iDs itself.
 *
 * <p>One instance harvests at a time (a PostgreSQL advisory lock).
 */
public final class DataCiteHarvester {

    static final String NAME = "datacite";
    /** The source the harvested DOIs are registered by (and owned by, when it registers them first). */
    public static final String SOURCE = "harvest:" + NAME;
    private static final Logger log = LoggerFactory.getLogger(DataCiteHarvester.class);
    private static final long LOCK_KEY = 0x70_69_64_6c_68_76_73_74L;
    private static final int MAX_PAGES = 100_000;

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final Intake intake;
    private final HttpClient http;
    private final Clock clock;
    private final IntakeProperties.Harvest settings;
    private final JsonMapper json = JsonMapper.builder().build();
    private final HarvestRuns runs;

    public DataCiteHarvester(DataSource dataSource, Intake intake, HttpClient http, Clock clock,
                             IntakeProperties.Harvest settings) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.jdbc = new JdbcTemplate(dataSource);
        this.intake = Objects.requireNonNull(intake, "intake");
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.runs = new HarvestRuns(jdbc);
    }

    /** The latest runs, newest first, with their progress (the administrators' harvest page). */
    public List<HarvestRuns.RunProgress> latestRuns(int limit) {
        return runs.latest(NAME, limit, clock.instant());
    }

    /**
     * What one run did.
     *
     * @param from     the window's start
     * @param until    its end (the new high water when complete)
     * @param pages    pages read
     * @param records  records read
     * @param accepted records accepted (changed)
     * @param complete the whole window was walked
     * @param error    why it stopped, when it did not complete
     */
    public record Run(Instant from, Instant until, int pages, int records, int accepted, boolean complete,
                      String error) {
    }

    /** Harvests one window now; empty when another instance is harvesting. */
    public Optional<Run> runOnce() {
        try (Connection lock = dataSource.getConnection()) {
            if (!advisoryLock(lock, "pg_try_advisory_lock")) {
                return Optional.empty();
            }
            try {
                return Optional.of(harvest());
            } finally {
                advisoryLock(lock, "pg_advisory_unlock");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not take the harvest lock", e);
        }
    }

    private static boolean advisoryLock(Connection connection, String function) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + function + "(?)")) {
            ps.setLong(1, LOCK_KEY);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private Run harvest() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant highWater = jdbc.query("SELECT high_water FROM harvest_checkpoint WHERE name = ? AND base_url = ?",
                (rs, n) -> {
                    Timestamp t = rs.getTimestamp(1);
                    return t == null ? null : t.toInstant();
                }, NAME, settings.baseUrl().toString()).stream().filter(Objects::nonNull).findFirst().orElse(null);
        Instant from = highWater == null ? now.minus(settings.start()) : highWater.minus(settings.overlap());
        Instant until = now.minus(settings.lag());
        if (!until.isAfter(from)) {
            return new Run(from, until, 0, 0, 0, true, null);
        }
        URI next = firstPage(from, until);
        int pages = 0;
        int records = 0;
        int accepted = 0;
        Integer announced = null;
        String error = null;
        long runId = runs.started(NAME, settings.baseUrl(), from, until, now);
        while (next != null && pages < MAX_PAGES) {
            Page page;
            try {
                page = fetch(next);
            } catch (HarvestException e) {
                error = e.getMessage();
                break;
            }
            pages++;
            if (announced == null) {
                announced = page.total();
            }
            if (page.body().length > 0) {
                IntakeReport report = intake.submit(page.body(), "application/vnd.api+json", SOURCE);
                records += report.received();
                accepted += report.accepted();
            }
            next = page.next();
            runs.progressed(runId, pages, records, accepted, announced, clock.instant());
        }
        boolean complete = error == null && next == null;
        runs.finished(runId, pages, records, accepted, complete, error, clock.instant());
        jdbc.update("""
                INSERT INTO harvest_checkpoint (name, base_url, high_water, last_run_at, last_records, last_error,
                                                last_success_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (name) DO UPDATE SET base_url = excluded.base_url,
                    high_water = CASE WHEN ? THEN excluded.high_water ELSE harvest_checkpoint.high_water END,
                    last_run_at = excluded.last_run_at, last_records = excluded.last_records,
                    last_error = excluded.last_error,
                    last_success_at = COALESCE(excluded.last_success_at, harvest_checkpoint.last_success_at)""",
                NAME, settings.baseUrl().toString(), complete ? Timestamp.from(until) : toTimestamp(highWater),
                Timestamp.from(now), records, error, complete ? Timestamp.from(now) : null, complete);
        if (error != null) {
            log.warn("DataCite harvest of [{} TO {}] stopped after {} page(s): {}", from, until, pages, error);
        } else {
            log.info("DataCite harvest of [{} TO {}]: {} record(s) in {} page(s), {} accepted", from, until, records,
                    pages, accepted);
        }
        return new Run(from, until, pages, records, accepted, complete, error);
    }

    /**
     * How the source answered lately, as the shared checkpoint records it (any instance's runs).
     *
     * @param lastRunAt     when a run last ended, or null before the first
     * @param lastSuccessAt when a run last walked its whole window, or null before the first
     * @param lastError     why the last run stopped, or null when it completed
     */
    public record SourceState(Instant lastRunAt, Instant lastSuccessAt, String lastError) {
    }

    public SourceState sourceState() {
        return jdbc.query("SELECT last_run_at, last_success_at, last_error FROM harvest_checkpoint WHERE name = ?",
                (rs, n) -> new SourceState(instant(rs.getTimestamp(1)), instant(rs.getTimestamp(2)), rs.getString(3)),
                NAME).stream().findFirst().orElse(new SourceState(null, null, null));
    }

    /** The source being harvested, e.g. {@code https://api.datacite.org}. */
    public URI baseUrl() {
        return settings.baseUrl();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp toTimestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    URI firstPage(Instant from, Instant until) {
        String range = "updated:[" + from + " TO " + until + "]";
        String query = settings.query().isEmpty() ? range : "(" + settings.query() + ") AND " + range;
        String base = settings.baseUrl().toString();
        base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return URI.create(base + "/dois?query=" + encode(query) + "&page%5Bcursor%5D=1&page%5Bsize%5D="
                + settings.pageSize() + "&disable-facets=true&affiliation=true&publisher=true");
    }

    /** @param total how many DOIs the registry says the window holds, or null when it does not say */
    private record Page(byte[] body, URI next, Integer total) {
    }

    private Page fetch(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/vnd.api+json").header("User-Agent", "pidlink (DOI to ORCID auto-update)")
                .GET().build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new HarvestException(uri.getHost() + " could not be reached: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HarvestException("interrupted");
        }
        if (response.statusCode() != 200) {
            throw new HarvestException(uri.getHost() + " answered " + response.statusCode()
                    + (response.statusCode() == 429 ? " (rate limited; the next run continues)" : ""));
        }
        JsonNode tree;
        try {
            tree = json.readTree(response.body());
        } catch (RuntimeException e) {
            throw new HarvestException("the page is not JSON: " + e.getMessage());
        }
        JsonNode next = tree.path("links").path("next");
        JsonNode data = tree.path("data");
        boolean empty = data.isArray() && data.isEmpty();
        URI nextUri = next.isString() && !next.asString().isBlank() && !empty ? URI.create(next.asString()) : null;
        JsonNode total = tree.path("meta").path("total");
        return new Page(empty ? new byte[0] : response.body(), nextUri, total.isNumber() ? total.asInt() : null);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static final class HarvestException extends RuntimeException {
        HarvestException(String message) {
            super(message, null, false, false);
        }
    }
}
