package org.pidlink.bench.chaos;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.pidlink.app.intake.TestRecords;
import org.pidlink.app.intake.api.ApiKeys;
import org.pidlink.app.release.PostgresServer;
import org.pidlink.app.release.ProductionSetup;
import org.pidlink.app.release.Release;
import org.pidlink.app.testsupport.ConnectedResearchers;
import org.pidlink.bench.app.BenchCommand;
import org.pidlink.bench.app.Progress;
import org.pidlink.core.identifiers.OrcidId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./pidlink bench chaos [--kills 20] [--works 30000] [--instances 2] [--researchers 30]}: pidlink as it runs
 * in production, attacked by a chaos tester. The release tarball the build made is unpacked; {@code --instances}
 * pidlink processes serve from it on one PostgreSQL server (the machine's own binaries) against the ORCID emulator
 * run on its own at ORCID's limits (24 requests/s, burst 40) with faults on: 10% of member-API calls answer a 5xx
 * (and about one in two hundred an HTML 401, as a proxy sends it), 5% have their connection dropped, and every 20 to
 * 40 s a 503 burst answers every call for 3 s. Researchers connect through the real pages, then DOI metadata naming
 * them goes in through the instances' API while the benchmark kill -9s a random instance at random moments
 * ({@code --kills} times) and restarts it on the same data. At the end the emulator's records are read: every work
 * must be on its researcher's record exactly once, and no researcher's permission marked revoked.
 *
 * <p>Result: {@code kills}, {@code restartsOk} (restarts that answered /actuator/health within 5 minutes),
 * {@code lost} and {@code duplicated} works, {@code falseRevocations} (permissions pidlink marked revoked: nobody
 * revoked any), {@code seconds} from the first DOI sent to the last work counted.
 */
public final class ChaosBench {

    private static final Duration START_PATIENCE = Duration.ofMinutes(5);
    private static final Duration STALL_PATIENCE = Duration.ofMinutes(5);
    private static final int LINES_PER_POST = 500;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, Object> FAULTS = Map.of("errorRate", 0.105,
            // 19 of 20 injected errors are 5xx, one an HTML 401 (never ORCID's invalid_token JSON)
            "statuses", List.of(500, 502, 503, 504, 500, 502, 503, 504, 500, 502, 503, 504, 500, 502, 503, 504,
                    500, 502, 503, 401),
            "latencyMs", 0, "dropConnectionRate", 0.05, "errorBody", "html");
    private static final Map<String, Object> BURST = Map.of("errorRate", 1.0, "statuses", List.of(503),
            "latencyMs", 0, "dropConnectionRate", 0.0, "errorBody", "html");
    private static final Map<String, Object> NO_FAULTS = Map.of("errorRate", 0.0, "statuses", List.of(500),
            "latencyMs", 0, "dropConnectionRate", 0.0);

    private static final List<BenchCommand.Option> OPTIONS = List.of(
            BenchCommand.Option.whole("--kills", "N", 20),
            BenchCommand.Option.whole("--works", "N", 30_000),
            BenchCommand.Option.whole("--instances", "N", 2),
            BenchCommand.Option.whole("--researchers", "N", 30));

    private ChaosBench() {
    }

    record Options(int kills, int works, int instances, int researchers) {
    }

    public static void main(String[] args) throws Exception {
        BenchCommand.main("chaos", args, OPTIONS, (v, progress) -> new ChaosBench().run(new Options(
                v.whole("--kills"), v.whole("--works"), v.whole("--instances"), v.whole("--researchers")), progress));
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final long seed = System.nanoTime();
    private final Random random = new Random(seed);

    String run(Options options, Progress progress) throws Exception {
        Path bin = PostgresServer.binaries().orElseThrow(() -> new IllegalStateException(
                "no PostgreSQL server installed (/usr/lib/postgresql/N/bin): apt-get install postgresql"));
        Path directory = Files.createTempDirectory("pidlink-chaos-");
        progress.phase("unpacking the release, starting PostgreSQL and the ORCID emulator (" + directory + ")");
        Release release = Release.unpack(tarball(), directory);
        try (PostgresServer postgres = PostgresServer.start(bin, Release.freePort())) {
            try {
                return chaos(options, progress, directory, release, postgres);
            } finally {
                release.stopAll();
            }
        }
    }

    private String chaos(Options options, Progress progress, Path directory, Release release,
            PostgresServer postgres) throws Exception {
        int emulatorPort = Release.freePort();
        String orcid = "http://127.0.0.1:" + emulatorPort;
        Path emulatorLog = Files.createDirectories(directory.resolve("emulator")).resolve("emulator.log");
        Process emulator = release.launch(emulatorLog, Map.of(), "emulator", "--port", String.valueOf(emulatorPort));
        Release.awaitOk(orcid + "/_emulator/rate-limit", emulator, emulatorLog, Duration.ofMinutes(1));

        List<Instance> instances = new ArrayList<>();
        for (int i = 0; i < options.instances(); i++) {
            instances.add(new Instance(i + 1, Release.freePort(), directory.resolve("pidlink-" + (i + 1))));
        }
        ProductionSetup setup = ProductionSetup.prepare(release, directory, postgres, orcid,
                instances.stream().map(Instance::url).toList(), http);
        progress.phase("starting " + options.instances() + " pidlink instances from the release");
        for (Instance instance : instances) {
            instance.launch(release, setup);
        }
        for (Instance instance : instances) {
            instance.awaitUp();
        }

        AtomicLong connected = progress.counting("researchers connecting through the real pages",
                options.researchers(), "researchers");
        List<String> researchers = new ArrayList<>();
        for (int r = 0; r < options.researchers(); r++) {
            ConnectedResearchers pages = new ConnectedResearchers(instances.get(r % instances.size()).port,
                    spec -> new OrcidId(setup.control("/_emulator/researchers", spec).get("orcid").asString()));
            ConnectedResearchers.Person person = pages.newResearcher("Chaos" + r, "Bench");
            pages.connect(person, true);
            researchers.add(person.orcid().value());
            connected.incrementAndGet();
        }
        DriverManagerDataSource database = new DriverManagerDataSource(postgres.jdbcUrl(), "pidlink",
                postgres.password);
        JdbcTemplate jdbc = new JdbcTemplate(database);
        String key = new ApiKeys(database, Clock.systemUTC()).create("chaos-bench", null, "bench").key();
        Map<String, List<String>> expected = expected(options, researchers);

        setup.faults(FAULTS);
        long started = System.nanoTime();
        ExecutorService background = Executors.newFixedThreadPool(3 + options.instances(),
                Thread.ofPlatform().daemon().name("chaos-", 0).factory());
        AtomicLong sent = new AtomicLong();
        AtomicInteger restartsOk = new AtomicInteger();
        List<Future<?>> restarts = new ArrayList<>();
        try {
            Future<?> submitting = background.submit(() -> submit(expected, instances, key, sent));
            Future<?> bursts = background.submit(() -> bursts(setup));
            progress.phase("chaos: DOIs sent, instances killed (kill -9) and restarted", () -> kills(instances),
                    options.kills(), "kills");
            for (int k = 0; k < options.kills(); k++) {
                Thread.sleep(2_000 + random.nextInt(13_000));
                Instance victim = pickRunning(instances);
                victim.kill();
                restarts.add(background.submit(() -> {
                    victim.launch(release, setup);
                    if (victim.awaitUp()) {
                        restartsOk.incrementAndGet();
                    }
                    return null;
                }));
            }
            submitting.get();
            for (Future<?> restart : restarts) {
                restart.get();
            }
            progress.phase("waiting for every claim to be written (faults still on)", () -> written(jdbc),
                    total(expected), "works written");
            awaitWritten(jdbc, total(expected));
            bursts.cancel(true);
        } finally {
            background.shutdownNow();
        }
        setup.faults(NO_FAULTS);
        String answers = answersByStatus(orcid);
        progress.phase("counting every work on the emulator");
        ProductionSetup.Works works = count(setup, expected);
        double seconds = (System.nanoTime() - started) / 1e9;
        Long revoked = jdbc.queryForObject("SELECT count(*) FROM orcid_permission WHERE status = 'REVOKED'",
                Long.class);
        for (String missing : works.missing().stream().limit(10).toList()) {
            System.err.println("chaos: lost " + missing);
        }
        for (String duplicate : works.duplicated().stream().limit(10).toList()) {
            System.err.println("chaos: duplicated " + duplicate);
        }
        int duplicated = works.copies() - works.total();
        return String.format(Locale.ROOT, "{\"benchmark\":\"chaos\",\"kills\":%d,\"restartsOk\":%d,\"lost\":%d,"
                        + "\"duplicated\":%d,\"falseRevocations\":%d,\"seconds\":%.1f,\"works\":%d,\"instances\":%d,"
                        + "\"researchers\":%d,\"unreadRecords\":%d,\"emulatorAnswers\":%s,\"loadAverage\":%.2f,"
                        + "\"seed\":%d}",
                options.kills(), restartsOk.get(), works.missing().size(), duplicated, revoked, seconds,
                total(expected), options.instances(), options.researchers(), works.unread().size(), answers,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), seed);
    }

    /**
     * What the emulator answered pidlink's API calls during the chaos, by status ({@code 0}: connection dropped),
     * so the result shows the faults were really met.
     */
    private static String answersByStatus(String orcid) {
        JsonNode stats = JSON.readTree(Release.get(orcid + "/_emulator/stats").body());
        Map<String, Long> byStatus = new TreeMap<>();
        for (JsonNode client : stats) {
            for (JsonNode row : client.path("requests")) {
                byStatus.merge(row.path("status").asString(), row.path("count").asLong(), Long::sum);
            }
        }
        return JSON.writeValueAsString(byStatus);
    }

    /** The release tarball the build made ({@code pidlink-app/target/pidlink-VERSION.tar.gz}). */
    private static Path tarball() throws IOException {
        Path target = Path.of(System.getProperty("pidlink.root", ".")).resolve("pidlink-app/target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().matches("pidlink-.*\\.tar\\.gz"))
                    .max(Comparator.comparing(f -> f.toFile().lastModified()))
                    .orElseThrow(() -> new IllegalStateException("no release tarball in " + target
                            + ": run ./pidlink package"));
        }
    }

    /** The works: DOIs spread over the researchers, each DOI naming one of them. */
    private static Map<String, List<String>> expected(Options options, List<String> researchers) {
        String run = Long.toString(System.currentTimeMillis(), 36);
        Map<String, List<String>> expected = new LinkedHashMap<>();
        for (int w = 0; w < options.works(); w++) {
            String researcher = researchers.get(w % researchers.size());
            expected.computeIfAbsent(researcher, r -> new ArrayList<>()).add("10.5072/chaos." + run + "." + w);
        }
        return expected;
    }

    private static int total(Map<String, List<String>> expected) {
        return expected.values().stream().mapToInt(List::size).sum();
    }

    /**
     * Sends every DOI as JSON Lines, {@value #LINES_PER_POST} a request, to a random running instance; a request
     * that fails (its instance was killed) goes again to another: intake is idempotent.
     */
    private Void submit(Map<String, List<String>> expected, List<Instance> instances, String key, AtomicLong sent)
            throws InterruptedException {
        // In the order the DOIs were numbered: every researcher's works arrive throughout the run.
        List<String> order = new ArrayList<>();
        expected.forEach((researcher, dois) -> dois.forEach(doi -> order.add(doi + " " + researcher)));
        order.sort(Comparator.comparingLong(line -> Long.parseLong(line.substring(line.lastIndexOf('.') + 1,
                line.indexOf(' ')))));
        order.replaceAll(line -> {
            String doi = line.substring(0, line.indexOf(' '));
            return TestRecords.dataciteJson(doi, "findable", "Chaos work " + doi,
                    List.of(line.substring(line.indexOf(' ') + 1)), List.of());
        });
        for (int from = 0; from < order.size(); from += LINES_PER_POST) {
            String body = String.join("\n", order.subList(from, Math.min(order.size(), from + LINES_PER_POST)));
            while (!post(pickRunning(instances), key, body)) {
                Thread.sleep(1000);
            }
            sent.addAndGet(Math.min(LINES_PER_POST, order.size() - from));
        }
        return null;
    }

    private boolean post(Instance instance, String key, String body) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(instance.url()
                            + "/api/v1/dois")).timeout(Duration.ofMinutes(2))
                    .header("Authorization", "Bearer " + key).header("Content-Type", "application/x-ndjson")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 202) {
                return true;
            }
            System.err.println("chaos: POST /api/v1/dois to instance " + instance.number + " answered "
                    + response.statusCode() + "; sent again");
            return false;
        } catch (IOException e) {
            return false; // killed mid-request: sent again
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Every 20 to 40 s, 3 s during which every member-API call answers 503. */
    private Void bursts(ProductionSetup setup) {
        Random burstRandom = new Random(seed + 1);
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(20_000 + burstRandom.nextInt(20_000));
                setup.faults(BURST);
                Thread.sleep(3_000);
                setup.faults(FAULTS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    private Instance pickRunning(List<Instance> instances) throws InterruptedException {
        while (true) {
            List<Instance> up = instances.stream().filter(Instance::isUp).toList();
            if (!up.isEmpty()) {
                synchronized (random) {
                    return up.get(random.nextInt(up.size()));
                }
            }
            Thread.sleep(500);
        }
    }

    private static long kills(List<Instance> instances) {
        return instances.stream().mapToLong(i -> i.kills).sum();
    }

    private static long written(JdbcTemplate jdbc) {
        Long n = jdbc.queryForObject("""
                SELECT count(*) FROM claim WHERE doi LIKE '10.5072/chaos.%' AND status IN ('IN_ORCID', 'UNCHANGED')""",
                Long.class);
        return n == null ? 0 : n;
    }

    /** Until every work is written and nothing is queued, or nothing has moved for {@link #STALL_PATIENCE}. */
    private static void awaitWritten(JdbcTemplate jdbc, long total) throws InterruptedException {
        long last = -1;
        Instant moved = Instant.now();
        while (Duration.between(moved, Instant.now()).compareTo(STALL_PATIENCE) < 0) {
            long done = written(jdbc);
            Long open = jdbc.queryForObject("""
                    SELECT (SELECT count(*) FROM intake_task)
                         + (SELECT count(*) FROM claim WHERE doi LIKE '10.5072/chaos.%' AND queued_action IS NOT NULL)""",
                    Long.class);
            if (done >= total && open != null && open == 0) {
                return;
            }
            if (done != last) {
                last = done;
                moved = Instant.now();
            }
            Thread.sleep(1000);
        }
        System.err.printf("chaos: stopped waiting: %d of %d works written, nothing moved for %s%n", last, total,
                STALL_PATIENCE);
    }

    /** Reads every record (again, until each could be read: the rate limit answers 503 to some). */
    private static ProductionSetup.Works count(ProductionSetup setup, Map<String, List<String>> expected)
            throws IOException, InterruptedException {
        Thread.sleep(3000); // a write still under way lands now, duplicates included
        ProductionSetup.Works works = setup.countWorks(expected);
        for (int attempt = 0; attempt < 30 && !works.unread().isEmpty(); attempt++) {
            Thread.sleep(2000);
            works = setup.countWorks(expected);
        }
        return works;
    }

    /** One pidlink process, killed and restarted on the same data directory. */
    private final class Instance {

        final int number;
        final int port;
        final Path directory;
        volatile Process process;
        volatile boolean up;
        volatile int kills;
        private int starts;

        Instance(int number, int port, Path directory) {
            this.number = number;
            this.port = port;
            this.directory = directory;
        }

        String url() {
            return "http://localhost:" + port;
        }

        boolean isUp() {
            return up;
        }

        Path log() {
            return directory.resolve("pidlink-" + starts + ".log");
        }

        synchronized void launch(Release release, ProductionSetup setup) throws IOException {
            Files.createDirectories(directory);
            starts++;
            process = release.launch(log(), Map.of(), setup.serve(port, directory.resolve("data"), url(),
                    // a killed instance's leased writes are taken over after this
                    "--pidlink.push.lease=15s", "--pidlink.intake.poll-interval=250ms").toArray(String[]::new));
        }

        /** Whether it answered /actuator/health within {@link #START_PATIENCE}. */
        boolean awaitUp() throws InterruptedException {
            try {
                Release.awaitOk(url() + "/actuator/health", process, log(), START_PATIENCE);
                up = true;
                System.err.printf("chaos: instance %d up (start %d)%n", number, starts);
                return true;
            } catch (AssertionError e) {
                System.err.printf("chaos: instance %d did not start again: %s%n", number, e.getMessage());
                return false;
            }
        }

        /** kill -9: the JVM gets no chance to clean up. */
        void kill() throws InterruptedException {
            up = false;
            Process victim = process;
            victim.destroyForcibly();
            victim.waitFor();
            kills++;
            System.err.printf("chaos: killed instance %d (kill -9 of pid %d)%n", number, victim.pid());
        }
    }
}
