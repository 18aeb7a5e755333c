package org.pidlink.bench.backfill;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.pidlink.app.claims.Claims;
import org.pidlink.app.claims.Provenance;
import org.pidlink.app.claims.WorkPayload;
import org.pidlink.app.claims.WriteAccess;
import org.pidlink.app.claims.WriteAccessSource;
import org.pidlink.app.push.PushEngine;
import org.pidlink.app.push.PushSettings;
import org.pidlink.app.push.PushWorker;
import org.pidlink.app.push.RegisteredClient;
import org.pidlink.app.push.SharedRateLimiter;
import org.pidlink.app.push.StandalonePush;
import org.pidlink.app.orcid.OrcidRegistrations;
import org.pidlink.bench.app.BenchCommand;
import org.pidlink.bench.app.Progress;
import org.pidlink.bench.app.RunningPidlink;
import org.pidlink.bench.app.CallTimeline;
import org.pidlink.bench.app.WholeAppBackfill;
import org.pidlink.core.identifiers.Doi;
import org.pidlink.core.identifiers.OrcidId;
import org.pidlink.emulator.EmulatorSettings;
import org.pidlink.emulator.OrcidEmulator;
import org.pidlink.emulator.control.ClientInfo;
import org.pidlink.emulator.control.ClientSpec;
import org.pidlink.emulator.control.ResearcherSpec;
import org.pidlink.emulator.state.StoredWork;
import org.pidlink.orcid.client.OrcidClient;
import org.pidlink.orcid.client.OrcidClientSettings;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code ./pidlink bench backfill [--researchers R] [--works-per-researcher W] [--workers N]}: R connected
 * researchers with W claims each, written by the push engine to an ORCID emulator that enforces ORCID's limits
 * (24 requests/s, burst 40). Checks on the emulator that every work is there exactly once, and prints one JSON
 * line. The physical limit is 24 requests/s × 100 works per bulk request = 2,400 works/s.
 */
public final class BackfillBench {

    private static final String REGISTRATION = "auto-update";
    private static final String SCOPES = "/read-limited /activities/update";
    private static final int PHYSICAL_LIMIT = (int) (PushSettings.ORCID_REQUESTS_PER_SECOND * PushSettings.ORCID_MAX_BULK);

    private BackfillBench() {
    }

    record Options(int researchers, int worksPerResearcher, int workers, boolean wholeApp) {
    }

    private static final List<BenchCommand.Option> OPTIONS = List.of(
            BenchCommand.Option.whole("--researchers", "R", 100),
            BenchCommand.Option.whole("--works-per-researcher", "W", 300),
            // The emulator answers a bulk call in tens of milliseconds but shares this machine's CPU with the engine
            // and PostgreSQL: fewer workers than the app's default keep 24 calls a second in flight without
            // crowding it.
            BenchCommand.Option.whole("--workers", "N", 8),
            BenchCommand.Option.flag("--whole-app", "the app with its defaults, researchers connected through the "
                    + "real grant, webhooks and reconciliation on; --workers is then the app's own"));

    public static void main(String[] args) throws Exception {
        BenchCommand.main("backfill", args, OPTIONS, (v, progress) -> {
            Options options = new Options(v.whole("--researchers"), v.whole("--works-per-researcher"),
                    v.whole("--workers"), v.flag("--whole-app"));
            return toJson(options.wholeApp() ? runWholeApp(options, progress) : run(options, progress));
        });
    }

    /**
     * The same backfill through the whole app: claims known before the researchers connect, each researcher
     * connecting through the real sign-in and grant (so her webhook is registered and ORCID calls back after
     * every change), the engine, rate limit, reconciliation and everything else with the app's defaults.
     */
    static Map<String, Object> runWholeApp(Options options, Progress progress) throws Exception {
        try (RunningPidlink pidlink = RunningPidlink.start(Map.of())) {
            OrcidEmulator emulator = pidlink.orcid().emulator();
            emulator.control().rateLimit(24, 40);
            int works = options.researchers() * options.worksPerResearcher();
            progress.phase("connecting researchers (auto-update off) and loading their claims");
            WholeAppBackfill backfill = WholeAppBackfill.load(pidlink, works, options.worksPerResearcher());
            JdbcTemplate jdbc = new JdbcTemplate(pidlink.bean(javax.sql.DataSource.class));
            // Nothing may be written before the clock starts (the researchers connected before their DOIs were
            // known): a figure above zero here would mean the measured backfill is not the whole backfill.
            long writtenBefore = backfill.written();
            long started = System.nanoTime();
            progress.phase("writing to ORCID", backfill::written, works, "works");
            backfill.turnAutoUpdateOn();
            while (backfill.written() < works) {
                Thread.sleep(50);
                if (System.nanoTime() - started > Duration.ofMinutes(30).toNanos()) {
                    throw new IllegalStateException("the backfill did not finish within 30 minutes");
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            // Reconciliation after the last writes: wait for the reads the webhooks cause, then count them.
            Thread.sleep(Duration.ofSeconds(5));
            String clientId = pidlink.bean(OrcidRegistrations.class).clientId(OrcidRegistrations.AUTO_UPDATE);
            long duplicates = 0;
            long missing = 0;
            List<OrcidId> researchers = backfill.researchers();
            for (int r = 0; r < researchers.size(); r++) {
                Map<String, Integer> copies = new HashMap<>();
                for (StoredWork stored : emulator.control().works(researchers.get(r).value())) {
                    if (clientId.equals(stored.sourceClientId())) {
                        stored.work().externalIds().stream().filter(id -> "doi".equals(id.type()))
                                .forEach(id -> copies.merge(id.value().toLowerCase(Locale.ROOT), 1, Integer::sum));
                    }
                }
                for (int w = 0; w < backfill.worksOf(r); w++) {
                    int n = copies.getOrDefault(WholeAppBackfill.doi(r, w).value(), 0);
                    if (n == 0) {
                        missing++;
                    } else {
                        duplicates += n - 1;
                    }
                }
            }
            CallTimeline.print(jdbc, 0);
            Map<String, Long> byClass = new java.util.TreeMap<>();
            jdbc.query("SELECT coalesce(call_class, 'unspecified'), count(*) FROM orcid_call GROUP BY 1",
                    (org.springframework.jdbc.core.RowCallbackHandler) rs -> byClass.put(rs.getString(1), rs.getLong(2)));
            long calls = byClass.values().stream().mapToLong(Long::longValue).sum();
            long reads = jdbc.queryForObject("SELECT count(*) FROM orcid_call WHERE call_class = 'read'", Long.class);
            Map<String, Object> out = new java.util.LinkedHashMap<>();
            out.put("benchmark", "backfill");
            out.put("wholeApp", true);
            out.put("researchers", options.researchers());
            out.put("worksPerResearcher", options.worksPerResearcher());
            out.put("works", works);
            out.put("orcidCalls", calls);
            out.put("orcidCallsByClass", byClass);
            out.put("reconciliationReadFraction", calls == 0 ? 0 : Math.round(reads * 1000.0 / calls) / 1000.0);
            out.put("seconds", Math.round(seconds * 1000) / 1000.0);
            out.put("writtenBeforeTheClock", writtenBefore);
            out.put("worksPerSecond", Math.round((works - writtenBefore) / seconds * 10) / 10.0);
            out.put("http503", jdbc.queryForObject("SELECT count(*) FROM orcid_call WHERE status = 503", Long.class));
            out.put("duplicates", duplicates);
            out.put("missing", missing);
            out.put("physicalLimitWorksPerSecond", PHYSICAL_LIMIT);
            out.put("fractionOfPhysicalLimit",
                    Math.round((works - writtenBefore) / seconds / PHYSICAL_LIMIT * 1000) / 1000.0);
            return out;
        }
    }

    static Map<String, Object> run(Options options, Progress progress) throws Exception {
        progress.phase("starting PostgreSQL and the ORCID emulator");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off").setServerConfig("max_connections", "100").start();
             HikariDataSource dataSource = dataSource(postgres, options.workers() + 8);
             OrcidEmulator emulator = OrcidEmulator.start(EmulatorSettings.builder()
                     .rateLimit(EmulatorSettings.RateLimit.ORCID).build())) {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
            Clock clock = Clock.systemUTC();
            PushSettings settings = PushSettings.defaults("bench").withWorkers(options.workers());
            ClientInfo member = emulator.control().createClient(ClientSpec.member("pidlink backfill bench"));
            TokenAccess access = new TokenAccess();
            StandalonePush push = StandalonePush.create(dataSource, clock, settings, access);
            SharedRateLimiter limiter = push.limiter();
            try (OrcidClient orcid = OrcidClient.builder(OrcidClientSettings.custom(URI.create(emulator.baseUrl()),
                            member.clientId(), member.clientSecret()))
                    .rateLimiter(limiter.forClient(member.clientId())).listener(push.audit()).build()) {
                Claims claims = push.claims().claims();
                List<OrcidId> researchers = connect(emulator, member, access, options.researchers(),
                        progress.counting("connecting researchers", options.researchers(), "researchers"));
                load(claims, researchers, options.worksPerResearcher(), progress.counting("loading claims",
                        (long) options.researchers() * options.worksPerResearcher(), "claims"));
                // The emulator's bucket has been refilling while claims loaded; so has ours: both start full.

                RegisteredClient client = new RegisteredClient(REGISTRATION, member.clientId(), member.clientId(),
                        orcid);
                PushEngine engine = push.engine(id -> REGISTRATION.equals(id) ? Optional.of(client) : Optional.empty(),
                        new Random());
                JdbcTemplate jdbc = new JdbcTemplate(dataSource);
                long started = System.nanoTime();
                long works = (long) options.researchers() * options.worksPerResearcher();
                progress.phase("writing to ORCID", () -> works - jdbc.queryForObject(
                        "SELECT count(*) FROM claim WHERE queued_action IS NOT NULL", Long.class), works, "works");
                try (PushWorker worker = push.worker(engine)) {
                    worker.start();
                    while (jdbc.queryForObject("SELECT count(*) FROM claim WHERE queued_action IS NOT NULL",
                            Long.class) > 0) {
                        Thread.sleep(20);
                        if (System.nanoTime() - started > Duration.ofMinutes(30).toNanos()) {
                            throw new IllegalStateException("the backfill did not finish within 30 minutes");
                        }
                    }
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                progress.phase("checking every work on ORCID");
                return report(options, emulator, member, researchers, jdbc, seconds, limiter);
            }
        }
    }

    private static HikariDataSource dataSource(EmbeddedPostgres postgres, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setMaximumPoolSize(size);
        config.setPoolName("backfill-bench");
        return new HikariDataSource(config);
    }

    private static List<OrcidId> connect(OrcidEmulator emulator, ClientInfo member, TokenAccess access, int count,
                                         AtomicLong connected) {
        List<OrcidId> researchers = new ArrayList<>(count);
        for (int r = 0; r < count; r++) {
            OrcidId orcid = new OrcidId(emulator.control()
                    .createResearcher(ResearcherSpec.of("Researcher" + r, "Bench")).orcid());
            access.grant(orcid, emulator.control().token(orcid.value(), member.clientId(), SCOPES).accessToken());
            researchers.add(orcid);
            connected.incrementAndGet();
        }
        return researchers;
    }

    /** Claims as intake would assert them, several researchers at a time. */
    private static void load(Claims claims, List<OrcidId> researchers, int worksPerResearcher, AtomicLong loaded)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (int r = 0; r < researchers.size(); r++) {
                OrcidId orcid = researchers.get(r);
                int index = r;
                jobs.add(pool.submit(() -> {
                    for (int w = 0; w < worksPerResearcher; w++) {
                        Doi doi = doi(index, w);
                        claims.assertClaim(orcid, doi, REGISTRATION, Provenance.AUTO_UPDATE, work(doi, index, w));
                        loaded.incrementAndGet();
                    }
                }));
            }
            for (Future<?> job : jobs) {
                job.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    static Doi doi(int researcher, int work) {
        return Doi.parse("10.5072/bench." + researcher + "." + work);
    }

    /** A data set's work as pidlink maps DataCite metadata: title, type, date, DOI, URL, contributors. */
    static WorkPayload work(Doi doi, int researcher, int work) {
        return WorkPayload.ofCanonicalJson("{\"title\":{\"title\":{\"value\":\"Measurements of site " + work
                + " by researcher " + researcher + "\"}},\"journal-title\":{\"value\":\"Zenodo\"},"
                + "\"short-description\":\"Raw and processed measurements, with the scripts that produced them.\","
                + "\"type\":\"data-set\",\"publication-date\":{\"year\":{\"value\":\"2024\"},\"month\":{\"value\":\"05\"}},"
                + "\"external-ids\":{\"external-id\":[{\"external-id-type\":\"doi\",\"external-id-value\":\""
                + doi.value() + "\",\"external-id-url\":{\"value\":\"" + doi.url()
                + "\"},\"external-id-relationship\":\"self\"}]},\"url\":{\"value\":\"" + doi.url() + "\"},"
                + "\"contributors\":{\"contributor\":[{\"credit-name\":{\"value\":\"Researcher " + researcher
                + " Bench\"},\"contributor-attributes\":{\"contributor-sequence\":\"first\",\"contributor-role\":"
                + "\"author\"}},{\"credit-name\":{\"value\":\"A. Colleague\"},\"contributor-attributes\":"
                + "{\"contributor-sequence\":\"additional\",\"contributor-role\":\"author\"}}]}}");
    }

    private static Map<String, Object> report(Options options, OrcidEmulator emulator, ClientInfo member,
            List<OrcidId> researchers, JdbcTemplate jdbc, double seconds, SharedRateLimiter limiter) {
        long duplicates = 0;
        long missing = 0;
        for (int r = 0; r < researchers.size(); r++) {
            Map<String, Integer> copies = new HashMap<>();
            for (StoredWork stored : emulator.control().works(researchers.get(r).value())) {
                if (!member.clientId().equals(stored.sourceClientId())) {
                    continue;
                }
                stored.work().externalIds().stream().filter(id -> "doi".equals(id.type()))
                        .forEach(id -> copies.merge(id.value().toLowerCase(Locale.ROOT), 1, Integer::sum));
            }
            for (int w = 0; w < options.worksPerResearcher(); w++) {
                int n = copies.getOrDefault(doi(r, w).value(), 0);
                if (n == 0) {
                    missing++;
                } else {
                    duplicates += n - 1;
                }
            }
        }
        long works = (long) options.researchers() * options.worksPerResearcher();
        long http503 = 0;
        long requests = 0;
        if (emulator.control().stats().get(member.clientId()) instanceof Map<?, ?> client) {
            requests = ((Number) client.get("total")).longValue();
            for (Object row : (List<?>) client.get("requests")) {
                if (row instanceof Map<?, ?> m && ((Number) m.get("status")).intValue() == 503) {
                    http503 += ((Number) m.get("count")).longValue();
                }
            }
        }
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("benchmark", "backfill");
        out.put("researchers", options.researchers());
        out.put("worksPerResearcher", options.worksPerResearcher());
        out.put("workers", options.workers());
        out.put("works", works);
        out.put("inOrcidClaims", jdbc.queryForObject("SELECT count(*) FROM claim WHERE status = 'IN_ORCID'", Long.class));
        out.put("orcidRequests", requests);
        out.put("auditedCalls", jdbc.queryForObject("SELECT count(*) FROM orcid_call", Long.class));
        out.put("meanOrcidLatencyMs", jdbc.queryForObject("SELECT round(avg(latency_ms)) FROM orcid_call", Long.class));
        out.put("seconds", Math.round(seconds * 1000) / 1000.0);
        out.put("worksPerSecond", Math.round(works / seconds * 10) / 10.0);
        out.put("http503", http503);
        out.put("http503SeenByPidlink", limiter.http503(member.clientId()));
        out.put("duplicates", duplicates);
        out.put("missing", missing);
        out.put("physicalLimitWorksPerSecond", PHYSICAL_LIMIT);
        out.put("fractionOfPhysicalLimit", Math.round(works / seconds / PHYSICAL_LIMIT * 1000) / 1000.0);
        // A short run may beat the sustained limit: ORCID's first 40 calls need not wait for tokens.
        long calls = (works + PushSettings.ORCID_MAX_BULK - 1) / PushSettings.ORCID_MAX_BULK;
        double fastest = Math.max(calls - PushSettings.ORCID_BURST, 1) / PushSettings.ORCID_REQUESTS_PER_SECOND;
        out.put("ceilingWithOrcidBurstWorksPerSecond", Math.round(works / fastest));
        return out;
    }

    static String toJson(Map<String, ?> values) {
        StringBuilder s = new StringBuilder("{");
        values.forEach((key, value) -> {
            if (s.length() > 1) {
                s.append(',');
            }
            s.append('"').append(key).append("\":");
            s.append(value instanceof String text ? "\"" + text + "\""
                    : value instanceof Map<?, ?> map ? toJson(stringKeys(map)) : String.valueOf(value));
        });
        return s.append('}').toString();
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    /** Every researcher connected with a token the emulator issued, auto-update on. */
    static final class TokenAccess implements WriteAccessSource {
        private final Map<OrcidId, WriteAccess> tokens = new ConcurrentHashMap<>();

        void grant(OrcidId orcid, String token) {
            tokens.put(orcid, new WriteAccess.Granted(token, true));
        }

        @Override
        public WriteAccess find(OrcidId orcid, String registrationId) {
            return tokens.getOrDefault(orcid, new WriteAccess.Missing("not connected"));
        }

        @Override
        public void markRevoked(OrcidId orcid, String registrationId, String reason) {
            tokens.put(orcid, new WriteAccess.Revoked(reason));
        }
    }
}
