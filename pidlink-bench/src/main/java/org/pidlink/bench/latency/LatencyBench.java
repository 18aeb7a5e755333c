package org.pidlink.bench.latency;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.pidlink.bench.app.WholeAppBackfill;
import org.pidlink.bench.app.CallTimeline;
import org.springframework.jdbc.core.JdbcTemplate;
import org.pidlink.app.testsupport.ConnectedResearchers;
import org.pidlink.bench.app.BenchCommand;
import org.pidlink.bench.app.BenchRecords;
import org.pidlink.bench.app.Progress;
import org.pidlink.bench.app.RunningPidlink;
import org.pidlink.emulator.OrcidEmulator;
import org.pidlink.emulator.state.StateListener;
import org.pidlink.emulator.state.StoredWork;

/**
 * {@code ./pidlink bench latency [--dois N] [--rate R] [--researchers K]}: the auto-update latency, from the 202
 * answer of {@code POST /api/v1/dois} to the work existing on ORCID. The whole pidlink runs (REST, intake, claims,
 * push engine) against its embedded ORCID emulator, which enforces ORCID's limit (24 requests/s, burst 40).
 * K researchers connect through the real sign-in and permission pages with auto-update on; N DataCite XML
 * records, each naming one of them, are posted at R per second (open loop: a slow answer does not slow the
 * sending); the emulator tells when each work is created. Prints one JSON line with {@code p50Ms}, {@code p95Ms},
 * {@code p99Ms}, {@code maxMs}. Goal: p95 ≤ 1,000 ms below the rate limit.
 */
public final class LatencyBench {

    private static final Duration SETTLE = Duration.ofSeconds(120);
    /** ORCID's sustained limit, which the app's defaults and the emulator in this benchmark both use. */
    private static final double ORCID_REQUESTS_PER_SECOND = 24;

    private LatencyBench() {
    }

    record Options(int dois, double rate, int researchers, int underBackfill) {
    }

    private static final List<BenchCommand.Option> OPTIONS = List.of(
            BenchCommand.Option.whole("--dois", "N", 1000),
            BenchCommand.Option.number("--rate", "R per second", 20),
            BenchCommand.Option.whole("--researchers", "K", 20),
            BenchCommand.Option.whole("--under-backfill", "N works for other researchers, 0 for none", 0));

    public static void main(String[] args) throws Exception {
        BenchCommand.main("latency", args, OPTIONS, (v, progress) -> run(new Options(v.whole("--dois"),
                v.number("--rate"), v.whole("--researchers"), v.whole("--under-backfill")), progress));
    }

    /** One DOI's journey: when pidlink answered 202, when the work appeared on ORCID. */
    private static final class Journey {
        final String orcid;
        volatile long acceptedAt;
        volatile long seenAt;

        Journey(String orcid) {
            this.orcid = orcid;
        }
    }

    static String run(Options options, Progress progress) throws Exception {
        progress.phase("starting pidlink (embedded PostgreSQL and ORCID emulator)");
        try (RunningPidlink pidlink = RunningPidlink.start(Map.of())) {
            OrcidEmulator emulator = pidlink.orcid().emulator();
            emulator.control().rateLimit(24, 40);
            progress.phase("connecting " + options.researchers() + " researchers through pidlink's pages");
            List<String> researchers = connect(pidlink, options.researchers());
            WholeAppBackfill backfill = null;
            if (options.underBackfill() > 0) {
                backfill = WholeAppBackfill.load(pidlink, options.underBackfill(), 1000);
            }
            JdbcTemplate jdbc = new JdbcTemplate(pidlink.bean(DataSource.class));
            long firstCall = jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM orcid_call", Long.class);
            long backfillBefore = backfill == null ? 0 : backfill.written();
            // The backfill starts as the DOIs start: its researchers switch auto-update on through their settings
            // pages while the first DOIs are sent. Switching them all on first would let most of the backfill run
            // (at ORCID's whole rate) before anything is measured.
            Future<?> switching = null;
            if (backfill != null) {
                WholeAppBackfill starting = backfill;
                switching = Executors.newVirtualThreadPerTaskExecutor().submit(() -> {
                    starting.turnAutoUpdateOn();
                    return null;
                });
            }

            Map<String, Journey> journeys = new ConcurrentHashMap<>();
            Map<String, List<String>> pendingByOrcid = new ConcurrentHashMap<>();
            LinkedBlockingQueue<Change> changes = new LinkedBlockingQueue<>();
            emulator.state().addListener(new StateListener() {
                @Override
                public void recordChanged(String orcid, Instant at) {
                    changes.add(new Change(orcid, System.nanoTime()));
                }
            });
            Thread watcher = Thread.ofPlatform().daemon().name("latency-watcher")
                    .start(() -> watch(emulator, changes, journeys, pendingByOrcid));

            AtomicInteger failures = new AtomicInteger();
            AtomicLong sent = progress.counting("sending DOIs at " + options.rate() + "/s", options.dois(),
                    "DOIs accepted");
            ExecutorService posters = Executors.newVirtualThreadPerTaskExecutor();
            long interval = (long) (1e9 / options.rate());
            long start = System.nanoTime();
            for (int i = 0; i < options.dois(); i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                String orcid = researchers.get(i % researchers.size());
                String doi = "10.5072/latency-bench." + UUID.randomUUID();
                Journey journey = new Journey(orcid);
                journeys.put(doi, journey);
                pendingByOrcid.computeIfAbsent(orcid, o -> Collections.synchronizedList(new ArrayList<>())).add(doi);
                byte[] body = BenchRecords.dataciteXml(doi, "Measurements " + i, List.of(orcid))
                        .getBytes(StandardCharsets.UTF_8);
                posters.submit(() -> {
                    HttpResponse<String> response = pidlink.postDois(body, "application/xml");
                    journey.acceptedAt = System.nanoTime();
                    if (response.statusCode() != 202 || !response.body().contains("\"accepted\":1")) {
                        failures.incrementAndGet();
                        System.err.println("POST answered " + response.statusCode() + ": " + response.body());
                    }
                    sent.incrementAndGet();
                });
            }
            double sendSeconds = (System.nanoTime() - start) / 1e9;
            long backfillDuring = backfill == null ? 0 : backfill.written() - backfillBefore;
            boolean backfillThroughout = false;
            if (switching != null) {
                switching.get();
                backfillThroughout = backfill.written() < backfill.works();
                if (!backfillThroughout) {
                    System.err.println("latency: the backfill ended before the last DOI was sent; give a larger "
                            + "--under-backfill for a backfill that runs throughout");
                }
            }
            Map<String, Long> callsByClass = new TreeMap<>();
            jdbc.query("SELECT coalesce(call_class, 'unspecified'), count(*) FROM orcid_call WHERE id > ? "
                    + "GROUP BY 1", rs -> {
                        callsByClass.put(rs.getString(1), rs.getLong(2));
                    }, firstCall);
            long http503 = jdbc.queryForObject("SELECT count(*) FROM orcid_call WHERE status = 503", Long.class);
            CallTimeline.print(jdbc, firstCall);
            progress.phase("waiting for the works on ORCID",
                    () -> journeys.values().stream().filter(j -> j.seenAt != 0).count(), options.dois(), "works");
            long deadline = System.nanoTime() + SETTLE.toNanos();
            while (System.nanoTime() < deadline && journeys.values().stream().anyMatch(j -> j.seenAt == 0)) {
                changes.add(new Change(null, 0));
                Thread.sleep(100);
            }
            posters.shutdown();
            watcher.interrupt();
            return report(options, journeys, failures.get(), sendSeconds, callsByClass, http503,
                    backfill == null ? Double.NaN : backfillDuring / sendSeconds, backfillThroughout);
        }
    }

    private record Change(String orcid, long at) {
    }

    /** Marks the DOIs whose work exists now on a changed record; a null change sweeps every record. */
    private static void watch(OrcidEmulator emulator, LinkedBlockingQueue<Change> changes,
                              Map<String, Journey> journeys, Map<String, List<String>> pendingByOrcid) {
        try {
            while (true) {
                Change change = changes.take();
                long at = change.orcid() == null ? System.nanoTime() : change.at();
                for (String orcid : change.orcid() == null ? List.copyOf(pendingByOrcid.keySet())
                        : List.of(change.orcid())) {
                    List<String> pending = pendingByOrcid.get(orcid);
                    if (pending == null || pending.isEmpty()) {
                        continue;
                    }
                    for (StoredWork work : emulator.control().works(orcid)) {
                        for (var id : work.work().externalIds()) {
                            Journey journey = "doi".equals(id.type()) ? journeys.get(id.value()) : null;
                            if (journey != null && journey.seenAt == 0) {
                                journey.seenAt = at;
                                pending.remove(id.value());
                            }
                        }
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Researchers who sign in, grant auto-update's permission and switch it on through the real pages. */
    private static List<String> connect(RunningPidlink pidlink, int count) {
        ConnectedResearchers people = new ConnectedResearchers(pidlink.port(), pidlink.orcid());
        List<String> researchers = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            ConnectedResearchers.Person person = people.newResearcher("Researcher" + r, "Latency");
            people.connect(person, true);
            researchers.add(person.orcid().value());
        }
        return researchers;
    }

    private static String report(Options options, Map<String, Journey> journeys, int failures, double sendSeconds,
                                 Map<String, Long> callsByClass, long http503, double backfillWorksPerSecond,
                                 boolean backfillThroughout) {
        List<Long> latencies = new ArrayList<>();
        int missing = 0;
        for (Journey journey : journeys.values()) {
            if (journey.seenAt == 0 || journey.acceptedAt == 0) {
                missing++;
            } else {
                // The work can appear a moment before the client has read the 202: that is no delay at all.
                latencies.add(Math.max(0, journey.seenAt - journey.acceptedAt));
            }
        }
        Collections.sort(latencies);
        // What ORCID's limit left the backfill while the DOIs were sent: everything the other classes did not use.
        // A backfill cannot get more than that while fresh DOIs come first, so its rate is judged against it.
        long backfillCalls = callsByClass.getOrDefault("backfill", 0L);
        long otherCalls = callsByClass.values().stream().mapToLong(Long::longValue).sum() - backfillCalls;
        double leftForBackfill = Math.max(0.01, ORCID_REQUESTS_PER_SECOND - otherCalls / sendSeconds);
        String classes = callsByClass.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":" + e.getValue()).collect(java.util.stream.Collectors.joining(","));
        return String.format(Locale.ROOT, "{\"benchmark\":\"latency\",\"dois\":%d,\"rate\":%.1f,\"researchers\":%d,"
                        + "\"underBackfill\":%d,\"sendSeconds\":%.1f,\"measured\":%d,\"missing\":%d,\"failedPosts\":%d,"
                        + "\"p50Ms\":%.1f,\"p95Ms\":%.1f,\"p99Ms\":%.1f,\"maxMs\":%.1f,\"goalP95Ms\":1000,"
                        + "\"orcidCallsByClass\":{%s},\"http503\":%d,\"backfillWorksPerSecondDuring\":%s,"
                        + "\"backfillCallsPerSecondDuring\":%.2f,\"budgetLeftForBackfillPerSecond\":%.2f,"
                        + "\"backfillUseOfLeftBudget\":%s,\"backfillRanThroughout\":%b}",
                options.dois(), options.rate(), options.researchers(), options.underBackfill(), sendSeconds,
                latencies.size(), missing, failures, percentile(latencies, 50), percentile(latencies, 95),
                percentile(latencies, 99), latencies.isEmpty() ? Double.NaN : latencies.getLast() / 1e6, classes,
                http503, Double.isNaN(backfillWorksPerSecond) ? "null"
                        : String.format(Locale.ROOT, "%.1f", backfillWorksPerSecond),
                backfillCalls / sendSeconds, leftForBackfill,
                options.underBackfill() == 0 ? "null"
                        : String.format(Locale.ROOT, "%.3f", backfillCalls / sendSeconds / leftForBackfill),
                backfillThroughout);
    }

    private static double percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1e6;
    }
}
