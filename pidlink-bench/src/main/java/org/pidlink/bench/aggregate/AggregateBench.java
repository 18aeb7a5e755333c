package org.pidlink.bench.aggregate;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.pidlink.app.claims.ClaimStatus;
import org.pidlink.app.intake.IntakeProperties;
import org.pidlink.app.orcid.OrcidRegistrations;
import org.pidlink.app.testsupport.ConnectedResearchers;
import org.pidlink.bench.app.BenchCommand;
import org.pidlink.bench.app.Parallel;
import org.pidlink.bench.app.Progress;
import org.pidlink.bench.app.RunningPidlink;
import org.pidlink.bench.app.EmulatorProcess;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import tools.jackson.databind.JsonNode;

/**
 * {@code ./pidlink bench aggregate [--dois N] [--researchers R] [--links L] [--seed S] [--kafka]}: DataCite's real
 * scale and shape end to end (issue 12). A seeded {@link Population} (205,000 DOIs, a million DOI–iD links, 2,500
 * researchers, a few holding more than 10,000 DOIs) as DataCite REST JSON (some with the XML embedded), on the whole
 * pidlink with its defaults against the ORCID emulator at ORCID's limits (24 requests/s, burst 40), run in a JVM of
 * its own ({@code --emulator-heap-gb}, 8, all of it taken at the start: it keeps every work in memory, about 2.2 KB
 * each with its contributors, so ~1.8 GB for the 831,903 works of the defaults; in pidlink's JVM it would hide what
 * pidlink itself uses); every
 * researcher connects through the real sign-in and grant pages (auto-update off, shown in public lookups). Then:
 * <ol>
 *   <li>intake: every record through {@code POST /api/v1/dois} (JSON Lines, 200 a request, 4 clients) or the Kafka
 *   topic ({@code --kafka}, an in-JVM broker), records/s, and the time until every record is a claim;</li>
 *   <li>push: every researcher turns auto-update on and pidlink writes everything; works/s, ORCID calls by class,
 *   503s, works the emulator refused for the 10,000 cap (must be 0), duplicates and missing works on the emulator
 *   (missing excludes the works pidlink held back for a full record), and the ORCID quota used against the
 *   minimum;</li>
 *   <li>the public inverse lookup under 64 clients for 30 s: requests/s, p50/p99;</li>
 *   <li>the database's size, per table, and bytes per link.</li>
 * </ol>
 * Heap and RSS high-water marks are sampled throughout (pidlink runs in this JVM, the emulator apart; run it with
 * {@code PIDLINK_JAVA_OPTS=-Xmx1g} to hold pidlink to the goal's heap). Progress on stderr, one JSON line
 * last.
 */
public final class AggregateBench {

    /** ORCID's limit on the works of one record (409/9048 beyond it). */
    static final int CAP = 10_000;
    private static final int BATCH = 200;
    private static final int CLIENTS = 4;
    private static final int CONNECTORS = 6;
    private static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(150);
    private static final Pattern ACCEPTED = Pattern.compile("\"accepted\":(\\d+)");

    private AggregateBench() {
    }

    record Options(int dois, int researchers, int links, long seed, boolean kafka, int lookupClients,
                   int lookupSeconds, int lookupWarmupSeconds, int lookupRate, boolean skipPush,
                   String emulatorHeap) {
    }

    private static final List<BenchCommand.Option> OPTIONS = List.of(
            BenchCommand.Option.whole("--dois", "N", 205_000),
            BenchCommand.Option.whole("--researchers", "R", 2_500),
            BenchCommand.Option.whole("--links", "L", 1_000_000),
            BenchCommand.Option.whole("--seed", "S", 1),
            BenchCommand.Option.flag("--kafka", "ingest through a Kafka topic instead of the intake API"),
            BenchCommand.Option.whole("--lookup-clients", "C", 64),
            BenchCommand.Option.whole("--lookup-seconds", "T", 30),
            BenchCommand.Option.whole("--lookup-warmup", "W", 15),
            BenchCommand.Option.whole("--lookup-rate", "R", 5_000),
            BenchCommand.Option.flag("--skip-push", "no push phase: the claims are marked written in the database "
                    + "(a stand-in for ORCID) so that the lookup lists them; for measuring the lookup quickly"),
            BenchCommand.Option.whole("--emulator-heap-gb", "G", 8));

    public static void main(String[] args) throws Exception {
        BenchCommand.main("aggregate", args, OPTIONS, (v, progress) -> Json.write(run(new Options(v.whole("--dois"),
                v.whole("--researchers"), v.whole("--links"), v.whole("--seed"), v.flag("--kafka"),
                v.whole("--lookup-clients"), v.whole("--lookup-seconds"),
                v.whole("--lookup-warmup"), v.whole("--lookup-rate"), v.flag("--skip-push"),
                v.whole("--emulator-heap-gb") + "g"), progress)));
    }

    static Map<String, Object> run(Options options, Progress progress) throws Exception {
        progress.phase("generating the population (seed " + options.seed() + ")");
        Population population = Population.generate(options.dois(), options.researchers(), options.links(),
                options.seed());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("benchmark", "aggregate");
        out.put("dois", options.dois());
        out.put("researchers", options.researchers());
        out.put("links", options.links());
        out.put("seed", options.seed());
        out.put("intakeVia", options.kafka() ? "kafka" : "api");
        out.put("largestResearchers", Arrays.stream(Population.perResearcher(options.researchers(), options.links(),
                options.dois())).limit(5).boxed().toList());
        progress.phase("starting the ORCID emulator in its own JVM (heap up to " + options.emulatorHeap()
                + ", ORCID's limits), then pidlink (embedded PostgreSQL)");
        Path emulatorDirectory = Files.createTempDirectory("pidlink-bench-emulator-");
        try (EmulatorProcess orcid = EmulatorProcess.start(options.emulatorHeap(), emulatorDirectory);
             KafkaTopic kafka = options.kafka() ? KafkaTopic.start() : null;
             RunningPidlink pidlink = RunningPidlink.startAgainst(orcid,
                     kafka == null ? Map.of() : kafka.properties());
             MemoryWatch memory = new MemoryWatch(pidlink.property("pidlink.data-dir"))) {
            out.put("emulatorLog", orcid.log().toString());
            JdbcTemplate jdbc = new JdbcTemplate(pidlink.bean(DataSource.class));
            ConnectedResearchers people = new ConnectedResearchers(pidlink.port(), orcid::createResearcher);
            List<ConnectedResearchers.Person> persons = connect(people, options.researchers(), progress);
            List<String> orcids = persons.stream().map(p -> p.orcid().value()).toList();
            AggregateRecords records = new AggregateRecords(population, orcids);

            out.put("intake", intake(pidlink, kafka, records, population, jdbc, progress, memory));
            if (options.skipPush()) {
                // What the lookup lists by default is what is on ORCID: mark every claim written, as the push
                // engine would, without spending ORCID's quota (minutes at this scale).
                progress.phase("push skipped: marking every claim written in the database");
                out.put("push", Map.of("skipped", true, "claimsMarkedWritten",
                        jdbc.update("UPDATE claim SET status = 'IN_ORCID' WHERE status <> 'IN_ORCID'")));
                jdbc.execute("VACUUM ANALYZE claim");
            } else {
                out.put("push", push(pidlink, orcid, people, persons, population, jdbc, progress));
                out.put("memoryAfterPush", memory(memory.marks()));
            }

            AtomicLong answered = progress.counting("lookup: " + options.lookupClients() + " clients for "
                    + options.lookupSeconds() + " s after " + options.lookupWarmupSeconds() + " s of warm-up", 0,
                    "requests");
            out.put("lookup", LookupLoad.run(pidlink.baseUrl(), options.lookupClients(), 0,
                    Duration.ofSeconds(options.lookupWarmupSeconds()), Duration.ofSeconds(options.lookupSeconds()),
                    AggregateRecords::doi, population.dois(), orcids::get, orcids.size(), answered).figures());
            if (options.lookupRate() > 0) {
                // The goal's throughput offered on a fixed schedule: the latency at 5,000 requests a second, where
                // the closed loop above gives the latency of a saturated machine. The JIT is warm by now.
                AtomicLong atRate = progress.counting("lookup at a fixed " + options.lookupRate() + " requests/s: "
                        + options.lookupClients() + " clients for " + options.lookupSeconds() + " s after 5 s", 0,
                        "requests");
                out.put("lookupAtRate", LookupLoad.run(pidlink.baseUrl(), options.lookupClients(),
                        options.lookupRate(), Duration.ofSeconds(5), Duration.ofSeconds(options.lookupSeconds()),
                        AggregateRecords::doi, population.dois(), orcids::get, orcids.size(), atRate).figures());
            }
            out.put("lookupPlans", plans(jdbc, AggregateRecords.doi(0), orcids.getFirst()));
            out.put("database", database(jdbc, population.links()));
            out.put("memory", memory(memory.marks()));
            out.put("loadAverage", loadAverage());
            return out;
        }
    }

    /** Each researcher signs in, grants auto-update's permission, keeps auto-update off and shows in lookups. */
    private static List<ConnectedResearchers.Person> connect(ConnectedResearchers people, int count, Progress progress)
            throws Exception {
        AtomicLong connected = progress.counting("connecting researchers through the sign-in and grant pages",
                count, "researchers");
        ConnectedResearchers.Person[] persons = new ConnectedResearchers.Person[count];
        AtomicLong startedAgain = new AtomicLong();
        Parallel.run(CONNECTORS, count, index -> {
            ConnectedResearchers.Person person = people.newResearcher("Researcher" + index, "Bench");
            again(() -> people.signIn(person), startedAgain);
            again(() -> people.grant(person, OrcidRegistrations.AUTO_UPDATE), startedAgain);
            settings(people, person, false);
            persons[index] = person;
            connected.incrementAndGet();
        });
        if (startedAgain.get() > 0) {
            System.err.println("pidlink bench aggregate: " + startedAgain.get() + " sign-ins or grants started again");
        }
        return List.of(persons);
    }

    /**
     * A step through ORCID's pages, started again from pidlink (a new authorization request) when it failed, as the
     * emulator's "expired or already answered" page tells a person to: with thousands of simulated browsers, a
     * kept-alive connection the emulator's HTTP server closed as a form went out is sent again (WebSession), and the
     * form may have been taken the first time.
     */
    private static void again(Runnable step, AtomicLong startedAgain) {
        for (int attempt = 1; ; attempt++) {
            try {
                step.run();
                return;
            } catch (AssertionError | RuntimeException e) {
                if (attempt == 3) {
                    throw e;
                }
                startedAgain.incrementAndGet();
                System.err.println("pidlink bench aggregate: a step through ORCID's pages failed (" + e.getMessage()
                        .lines().findFirst().orElse("") + "); starting it again");
            }
        }
    }

    /** Saves her settings: auto-update as asked, read-write, shown in public lookups. */
    private static void settings(ConnectedResearchers people, ConnectedResearchers.Person person, boolean autoUpdate) {
        HttpResponse<String> page = people.page(person, "/settings");
        HttpResponse<String> saved = people.submit(person, page, "/settings", Map.of("autoUpdate",
                Boolean.toString(autoUpdate), "accessLevel", "READ_WRITE", "publicProfile", "true"));
        if (saved.statusCode() != 200) {
            throw new IllegalStateException("saving the settings of " + person.orcid() + " answered "
                    + saved.statusCode());
        }
    }

    /**
     * She turns auto-update on. Releasing tens of thousands of held claims can outlast the browser's 30 s wait: then
     * the saved setting is looked for in the database (the request goes on on the server), for up to ten minutes.
     */
    private static void autoUpdateOn(ConnectedResearchers people, ConnectedResearchers.Person person,
                                     JdbcTemplate jdbc) throws InterruptedException {
        try {
            settings(people, person, true);
        } catch (java.io.UncheckedIOException e) {
            if (!(e.getCause() instanceof java.net.http.HttpTimeoutException)) {
                throw e;
            }
            System.err.println("pidlink bench aggregate: saving the settings of " + person.orcid()
                    + " took over 30 s; waiting for it");
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (!Boolean.TRUE.equals(jdbc.queryForObject("SELECT auto_update FROM researcher WHERE orcid = ?",
                    Boolean.class, person.orcid().value()))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("auto-update of " + person.orcid() + " not on after 10 min", e);
                }
                Thread.sleep(500);
            }
        }
    }

    private static Map<String, Object> intake(RunningPidlink pidlink, KafkaTopic kafka, AggregateRecords records,
                                              Population population, JdbcTemplate jdbc, Progress progress,
                                              MemoryWatch memory) throws Exception {
        int dois = population.dois();
        long started = System.nanoTime();
        long accepted;
        if (kafka != null) {
            kafka.send(records, dois);
            progress.phase("intake: pidlink reading the Kafka topic",
                    () -> count(jdbc, "SELECT count(*) FROM intake_event"), dois, "records");
            while (count(jdbc, "SELECT count(*) FROM intake_event") < dois) {
                Thread.sleep(100);
            }
            accepted = count(jdbc, "SELECT count(*) FROM intake_doi WHERE content_hash IS NOT NULL");
        } else {
            accepted = post(pidlink, records, dois, progress.counting("intake: POST /api/v1/dois, " + BATCH
                    + " records a request, " + CLIENTS + " clients", dois, "records accepted"));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        progress.phase("intake: the intake worker turning the queued tasks into claims",
                () -> count(jdbc, "SELECT count(*) FROM claim"), population.links(), "claims");
        while (count(jdbc, "SELECT count(*) FROM intake_task") > 0) {
            Thread.sleep(200);
        }
        double toClaims = (System.nanoTime() - started) / 1e9;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("records", dois);
        out.put("accepted", accepted);
        out.put("seconds", LookupLoad.round(seconds, 1));
        out.put("recordsPerSecond", LookupLoad.round(accepted / seconds, 1));
        out.put("goalRecordsPerSecond", 2000);
        out.put("claims", count(jdbc, "SELECT count(*) FROM claim"));
        out.put("secondsUntilEveryClaim", LookupLoad.round(toClaims, 1));
        out.put("recordsPerSecondUntilEveryClaim", LookupLoad.round(dois / toClaims, 1));
        out.put("memory", memory(memory.marks()));
        return out;
    }

    /** Posts every record as JSON Lines; answers how many records pidlink accepted. */
    private static long post(RunningPidlink pidlink, AggregateRecords records, int dois, AtomicLong accepted)
            throws Exception {
        ConcurrentLinkedQueue<Integer> batches = new ConcurrentLinkedQueue<>();
        for (int first = 0; first < dois; first += BATCH) {
            batches.add(first);
        }
        Parallel.run(CLIENTS, CLIENTS, client -> {
            Integer first;
            StringBuilder body = new StringBuilder();
            while ((first = batches.poll()) != null) {
                body.setLength(0);
                for (int d = first; d < Math.min(dois, first + BATCH); d++) {
                    body.append(records.jsonLine(d)).append('\n');
                }
                HttpResponse<String> response = pidlink.postDois(
                        body.toString().getBytes(StandardCharsets.UTF_8), "application/x-ndjson");
                Matcher m = ACCEPTED.matcher(response.body());
                if (response.statusCode() != 202 || !m.find()) {
                    throw new IllegalStateException("POST /api/v1/dois answered " + response.statusCode()
                            + ": " + response.body());
                }
                accepted.addAndGet(Long.parseLong(m.group(1)));
            }
        });
        return accepted.get();
    }

    private static Map<String, Object> push(RunningPidlink pidlink, EmulatorProcess orcid,
                                            ConnectedResearchers people,
                                            List<ConnectedResearchers.Person> persons, Population population,
                                            JdbcTemplate jdbc, Progress progress) throws Exception {
        boolean contributors = pidlink.bean(IntakeProperties.class).includeContributors();
        int[] expected = new int[persons.size()];
        for (int r = 0; r < expected.length; r++) {
            expected[r] = contributors || !population.contributorOnly(r) ? population.doisOf(r) : 0;
        }
        long works = Arrays.stream(expected).asLongStream().sum();
        long room = Arrays.stream(expected).asLongStream().map(e -> Math.min(e, CAP)).sum();
        long callsBefore = count(jdbc, "SELECT coalesce(max(id), 0) FROM orcid_call");
        String written = "SELECT count(*) FROM claim WHERE status IN ('IN_ORCID', 'UNCHANGED')";
        progress.phase("push: researchers turning auto-update on, pidlink writing to ORCID",
                () -> count(jdbc, written), room, "works");
        long started = System.nanoTime();
        Parallel.run(CONNECTORS, persons.size(), r -> autoUpdateOn(people, persons.get(r), jdbc));
        // Settled: nothing queued or retrying, and the written count has not moved for a while.
        long last = -1;
        long stableSince = System.nanoTime();
        // The oldest snapshot another session held while the push ran: dead row versions younger than it cannot be
        // pruned or vacuumed, so it decides how far the claim table grows past its live rows.
        Map<String, Object> oldestSnapshot = new LinkedHashMap<>();
        oldestSnapshot.put("seconds", 0.0);
        while (true) {
            jdbc.query("""
                    SELECT extract(epoch FROM now() - xact_start), state, left(query, 160) FROM pg_stat_activity
                    WHERE backend_xmin IS NOT NULL AND pid <> pg_backend_pid() AND xact_start IS NOT NULL
                    ORDER BY xact_start LIMIT 1""", (RowCallbackHandler) rs -> {
                        if (rs.getDouble(1) > (double) oldestSnapshot.get("seconds")) {
                            oldestSnapshot.put("seconds", LookupLoad.round(rs.getDouble(1), 1));
                            oldestSnapshot.put("state", rs.getString(2));
                            oldestSnapshot.put("query", rs.getString(3));
                        }
                    });
            long busy = count(jdbc, "SELECT count(*) FROM claim WHERE status IN ('PENDING', 'QUEUED', "
                    + "'FAILED_WILL_RETRY')")
                    + count(jdbc, "SELECT count(*) FROM claim WHERE queued_action IS NOT NULL AND due_at IS NOT NULL");
            long now = count(jdbc, written);
            if (now != last) {
                last = now;
                stableSince = System.nanoTime();
            }
            if (busy == 0 && System.nanoTime() - stableSince > Duration.ofSeconds(10).toNanos()) {
                break;
            }
            if (System.nanoTime() - started > SETTLE_TIMEOUT.toNanos()) {
                progress.phase("push: not settled after " + SETTLE_TIMEOUT.toMinutes() + " minutes; reporting now");
                break;
            }
            Thread.sleep(500);
        }
        double seconds = (stableSince - started) / 1e9;
        // The claim table as the push left it, before autovacuum catches up during the lookup phase.
        Map<String, Object> claimAfterPush = new LinkedHashMap<>();
        claimAfterPush.put("tables", rowVersions(jdbc, 3));
        claimAfterPush.put("claimIndexes", indexesOf(jdbc, "claim"));
        claimAfterPush.put("oldestSnapshotDuringPush", oldestSnapshot);
        long writtenWorks = count(jdbc, written);

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("expectedWorks", works);
        out.put("worksWithinTheCap", room);
        out.put("writtenWorks", writtenWorks);
        out.put("seconds", LookupLoad.round(seconds, 1));
        out.put("worksPerSecond", LookupLoad.round(writtenWorks / seconds, 1));
        Map<String, Long> byStatus = new TreeMap<>();
        jdbc.query("SELECT status, count(*) FROM claim GROUP BY status",
                (RowCallbackHandler) rs -> byStatus.put(rs.getString(1), rs.getLong(2)));
        out.put("claimsByStatus", byStatus);
        out.put("storageWhenSettled", claimAfterPush);
        Map<String, Long> byClass = new TreeMap<>();
        jdbc.query("SELECT coalesce(call_class, 'unspecified'), count(*) FROM orcid_call WHERE id > ? GROUP BY 1",
                (RowCallbackHandler) rs -> byClass.put(rs.getString(1), rs.getLong(2)), callsBefore);
        long calls = byClass.values().stream().mapToLong(Long::longValue).sum();
        out.put("orcidCalls", calls);
        out.put("orcidCallsByClass", byClass);
        out.put("http503", count(jdbc, "SELECT count(*) FROM orcid_call WHERE status = 503 AND id > " + callsBefore));
        // When and which: what a 503 of pidlink's own making needs to be explained (on stderr, not in the result).
        jdbc.query("""
                SELECT called_at, coalesce(call_class, 'unspecified'), method, path, latency_ms,
                       (SELECT count(*) FROM orcid_call o WHERE o.registration_id = c.registration_id
                          AND o.called_at > c.called_at - interval '1 second' AND o.called_at <= c.called_at)
                  FROM orcid_call c WHERE status = 503 AND id > ? ORDER BY id""",
                (RowCallbackHandler) rs -> System.err.println("pidlink bench aggregate: 503 at " + rs.getString(1)
                        + " (" + rs.getString(2) + ", " + rs.getString(3) + " " + rs.getString(4) + ", "
                        + rs.getInt(5) + " ms; " + rs.getLong(6) + " calls of its client in the second before)"),
                callsBefore);
        out.put("worksRefusedByTheCap", orcid.worksRefusedByTheCap());
        out.putAll(onOrcid(pidlink, orcid, persons, population, expected, jdbc));
        // The least ORCID traffic that writes everything: one bulk of up to 100 works a call for each record, plus a
        // read of each record the cap concerns (how full is it?).
        long bulks = Arrays.stream(expected).mapToLong(e -> (Math.min(e, CAP) + 99) / 100).sum();
        long capReads = Arrays.stream(expected).filter(e -> e > CAP).count();
        out.put("quotaMinimumCalls", bulks + capReads);
        out.put("quotaMinimumSecondsAt24PerSecond", LookupLoad.round((bulks + capReads) / 24.0, 1));
        out.put("quotaUsedOfMinimum", LookupLoad.round((double) calls / (bulks + capReads), 3));
        out.put("goalQuotaUsedOfMinimum", 1.1);
        return out;
    }

    /**
     * Duplicates and missing works counted on the emulator: each researcher's works by pidlink's client, by DOI.
     * Missing excludes the works pidlink held back for a full record: the claims in the record-full status when
     * ClaimStatus has one, else every work beyond the cap.
     */
    private static Map<String, Object> onOrcid(RunningPidlink pidlink, EmulatorProcess orcid,
                                               List<ConnectedResearchers.Person> persons,
                                               Population population, int[] expected, JdbcTemplate jdbc) {
        String clientId = pidlink.bean(OrcidRegistrations.class).clientId(OrcidRegistrations.AUTO_UPDATE);
        List<List<Integer>> doisOf = new ArrayList<>();
        for (int r = 0; r < persons.size(); r++) {
            doisOf.add(new ArrayList<>(population.doisOf(r)));
        }
        for (int d = 0; d < population.dois(); d++) {
            for (int r : population.researchersOf(d)) {
                doisOf.get(r).add(d);
            }
        }
        Optional<ClaimStatus> full = Arrays.stream(ClaimStatus.values())
                .filter(s -> s.name().contains("FULL")).findFirst();
        Map<String, Long> heldByResearcher = new HashMap<>();
        full.ifPresent(status -> jdbc.query("SELECT orcid, count(*) FROM claim WHERE status = ? GROUP BY orcid",
                (RowCallbackHandler) rs -> heldByResearcher.put(rs.getString(1), rs.getLong(2)), status.name()));
        long duplicates = 0;
        long missing = 0;
        long held = 0;
        long onRecords = 0;
        int fullRecords = 0;
        for (int r = 0; r < persons.size(); r++) {
            String researcher = persons.get(r).orcid().value();
            Map<String, Integer> copies = new HashMap<>();
            JsonNode works = orcid.works(researcher);
            if (works.size() >= CAP) {
                fullRecords++;
            }
            for (JsonNode stored : works) {
                if (clientId.equals(stored.path("sourceClientId").asString(""))) {
                    onRecords++;
                    for (JsonNode id : stored.path("externalIds")) {
                        if ("doi".equals(id.path("type").asString(""))) {
                            copies.merge(id.path("value").asString("").toLowerCase(Locale.ROOT), 1, Integer::sum);
                        }
                    }
                }
            }
            long absent = 0;
            if (expected[r] > 0) {
                for (int d : doisOf.get(r)) {
                    int n = copies.getOrDefault(AggregateRecords.doi(d), 0);
                    if (n == 0) {
                        absent++;
                    } else {
                        duplicates += n - 1;
                    }
                }
            }
            long heldBack = full.isPresent() ? heldByResearcher.getOrDefault(researcher, 0L)
                    : Math.max(0, expected[r] - CAP);
            held += heldBack;
            missing += Math.max(0, absent - heldBack);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("worksOnOrcid", onRecords);
        out.put("duplicates", duplicates);
        out.put("missing", missing);
        out.put("heldBackForFullRecord", held);
        out.put("heldBackCountedAs", full.map(s -> "claims in status " + s.name())
                .orElse("works beyond the cap (ClaimStatus has no record-full status)"));
        out.put("recordsAtTheCap", fullRecords);
        return out;
    }

    /**
     * The plans of the lookup's two queries (as {@code Claims.linksOfDois}, here for one DOI, and
     * {@code Claims.linksOfResearcher}, by default only links on ORCID, send them), for a DOI and for the researcher
     * with the most DOIs: printed on stderr, their execution times and scan kinds in the result.
     */
    private static Map<String, Object> plans(JdbcTemplate jdbc, String doi, String orcid) {
        String[] inOrcid = Arrays.stream(ClaimStatus.values()).filter(ClaimStatus::inOrcid).map(ClaimStatus::name)
                .toArray(String[]::new);
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("byDoi", "SELECT orcid, doi, registration_id, provenance, status, updated_at FROM claim "
                + "WHERE doi = ANY(?) ORDER BY doi, orcid, registration_id");
        queries.put("byOrcid", "SELECT orcid, doi, registration_id, provenance, status, updated_at FROM claim "
                + "WHERE orcid = ? AND (doi, registration_id) > ('', '') AND (NOT ? OR status = ANY(?)) "
                + "ORDER BY doi, registration_id LIMIT 101");
        Map<String, Object> out = new LinkedHashMap<>();
        queries.forEach((name, sql) -> {
            List<String> plan = jdbc.query(con -> {
                java.sql.PreparedStatement statement = con.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + sql);
                if (name.equals("byDoi")) {
                    statement.setArray(1, con.createArrayOf("text", new String[] {doi}));
                } else {
                    statement.setString(1, orcid);
                    statement.setBoolean(2, true);
                    statement.setArray(3, con.createArrayOf("text", inOrcid));
                }
                return statement;
            }, (rs, n) -> rs.getString(1));
            System.err.println("pidlink bench aggregate: plan of the lookup " + name + ":\n  "
                    + String.join("\n  ", plan));
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("scans", plan.stream().map(String::strip).map(l -> l.replaceFirst("^->\\s*", ""))
                    .filter(l -> l.contains("Scan")).map(l -> l.replaceFirst("\\s+\\(cost.*", "")).toList());
            plan.stream().filter(l -> l.startsWith("Execution Time")).findFirst()
                    .ifPresent(l -> summary.put("executionMs", Double.parseDouble(l.replaceAll("[^0-9.]", ""))));
            out.put(name, summary);
        });
        return out;
    }

    /** The database's size, its largest tables, and bytes per DOI–iD link. */
    private static Map<String, Object> database(JdbcTemplate jdbc, long links) {
        long size = count(jdbc, "SELECT pg_database_size(current_database())");
        Map<String, Object> tables = largest(jdbc, "r", "pg_total_relation_size", 10);
        // The indexes on their own (pg_relation_size): what each costs per link, beside the tables' totals above.
        Map<String, Object> indexes = largest(jdbc, "i", "pg_relation_size", 12);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("bytes", size);
        out.put("bytesPerLink", LookupLoad.round((double) size / links, 1));
        out.put("goalBytesPerLink", 2048);
        out.put("largestTables", tables);
        out.put("largestIndexes", indexes);
        // Every index of the claim table (the table with a row per link), and the dead row versions the push's
        // updates left behind in the largest tables: where the bytes go, beside the totals above.
        out.put("claimIndexes", indexesOf(jdbc, "claim"));
        out.put("rowVersions", rowVersions(jdbc, 6));
        // A claim row's own bytes (its live version), to tell its width from what updates leave behind.
        out.put("claimRowBytesAverage", jdbc.queryForObject(
                "SELECT coalesce(round(avg(pg_column_size(claim.*))), 0) FROM claim", Long.class));
        return out;
    }

    /** Each index of a table with its size, largest first. */
    private static Map<String, Object> indexesOf(JdbcTemplate jdbc, String table) {
        Map<String, Object> sizes = new LinkedHashMap<>();
        jdbc.query("SELECT indexrelid::regclass::text, pg_relation_size(indexrelid) FROM pg_index"
                + " WHERE indrelid = to_regclass(?) ORDER BY 2 DESC",
                (RowCallbackHandler) rs -> sizes.put(rs.getString(1), rs.getLong(2)), table);
        return sizes;
    }

    /** Live and dead row versions of the largest tables (the statistics collector's counts) and their heap size. */
    private static Map<String, Object> rowVersions(JdbcTemplate jdbc, int limit) {
        Map<String, Object> tables = new LinkedHashMap<>();
        jdbc.query("SELECT relname, n_live_tup, n_dead_tup, n_tup_ins, n_tup_upd, n_tup_hot_upd,"
                + " pg_relation_size(relid),"
                + " pg_total_relation_size(relid) - pg_relation_size(relid) - pg_indexes_size(relid),"
                + " pg_indexes_size(relid) FROM pg_stat_user_tables"
                + " ORDER BY pg_total_relation_size(relid) DESC LIMIT ?", (RowCallbackHandler) rs -> {
                    Map<String, Object> table = new LinkedHashMap<>();
                    table.put("live", rs.getLong(2));
                    table.put("dead", rs.getLong(3));
                    table.put("inserted", rs.getLong(4));
                    table.put("updated", rs.getLong(5));
                    table.put("hotUpdated", rs.getLong(6));
                    table.put("heapBytes", rs.getLong(7));
                    table.put("toastBytes", rs.getLong(8));
                    table.put("indexBytes", rs.getLong(9));
                    tables.put(rs.getString(1), table);
                }, limit);
        return tables;
    }

    /** The largest relations of a kind ({@code r} tables, {@code i} indexes) of pidlink's schema, by a size function. */
    private static Map<String, Object> largest(JdbcTemplate jdbc, String kind, String sizeFunction, int limit) {
        Map<String, Object> sizes = new LinkedHashMap<>();
        jdbc.query("SELECT c.relname, " + sizeFunction + "(c.oid) FROM pg_class c"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE c.relkind = ? AND n.nspname = current_schema() ORDER BY 2 DESC LIMIT ?",
                (RowCallbackHandler) rs -> sizes.put(rs.getString(1), rs.getLong(2)), kind, limit);
        return sizes;
    }

    private static Map<String, Object> memory(MemoryWatch.Marks marks) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("heapUsedMaxMiB", mib(marks.heapUsed()));
        out.put("heapLiveAfterGcMaxMiB", mib(marks.heapAfterGc()));
        out.put("heapLimitMiB", mib(marks.heapMax()));
        out.put("jvmRssMaxMiB", mib(marks.jvmRss()));
        out.put("postgresPssMaxMiB", mib(marks.postgresPss()));
        out.put("goalHeapMiB", 1024);
        return out;
    }

    private static double mib(long bytes) {
        return LookupLoad.round(bytes / 1048576.0, 1);
    }

    private static String loadAverage() {
        try {
            return String.join(" ", Arrays.asList(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static long count(JdbcTemplate jdbc, String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }
}
