package org.pidlink.bench.emulator;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.pidlink.bench.app.Progress;
import org.pidlink.emulator.EmulatorSettings;
import org.pidlink.emulator.OrcidEmulator;
import org.pidlink.emulator.control.ClientInfo;
import org.pidlink.emulator.control.ClientSpec;
import org.pidlink.emulator.control.ResearcherSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./pidlink bench emulator}: how many {@code POST /v3.0/{orcid}/work} per second the ORCID emulator
 * takes over loopback with rate limiting off, and the 99th-percentile latency. Concurrent clients each keep
 * one HTTP/1.1 keep-alive connection and send a fresh, schema-valid work (unique DOI) per request; every
 * response must be 201 or the run fails. The client is a minimal blocking HTTP/1.1 writer/reader so that it
 * costs the shared cores as little as possible. Prints one JSON line last:
 * {@code {"postWorkPerSecond": …, "p99Ms": …, "coldStartMs": …, "warmStartMs": …}}: the last two are the first and
 * second {@code OrcidEmulator.start()} in this JVM (the first pays class loading; a fresh JVM is what a test run
 * gets).
 */
@Command(name = "pidlink bench emulator", mixinStandardHelpOptions = true,
        description = "Measures POST /work throughput of the ORCID emulator over loopback.")
public final class EmulatorBench implements Runnable {

    @Option(names = "--connections", defaultValue = "32", description = "concurrent keep-alive connections (default ${DEFAULT-VALUE})")
    int connections;

    @Option(names = "--seconds", defaultValue = "10", description = "measured duration (default ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--warmup", defaultValue = "5", description = "warm-up seconds, not measured (default ${DEFAULT-VALUE})")
    int warmupSeconds;

    @Option(names = "--format", defaultValue = "json", description = "body format: json or xml (default ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--researchers", defaultValue = "200", description = "records the works are spread over (default ${DEFAULT-VALUE})")
    int researchers;

    @Option(names = "--durable", description = "with a state file (in a temporary directory): every POST waits until "
            + "its change is journaled and flushed to disk, as the emulator inside ./pidlink serve does")
    boolean durable;

    public static void main(String[] args) {
        int exit = new CommandLine(new EmulatorBench()).execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    @Override
    public void run() {
        try (Progress progress = Progress.start("emulator")) {
            run(progress);
        }
    }

    private void run(Progress progress) {
        progress.phase("start-up: the first and the second emulator of this JVM");
        // First, before anything else touches the emulator's classes: what a JUnit extension pays in a fresh
        // test JVM (picocli and the JDK are loaded already, as a test framework would be).
        double coldStartMs = startMillis();
        double warmStartMs = startMillis();
        System.err.printf(Locale.ROOT, "start-up: first emulator in this JVM %.1f ms, next one %.1f ms%n",
                coldStartMs, warmStartMs);
        boolean xml = format.toLowerCase(Locale.ROOT).equals("xml");
        Path stateDir = durable ? temporaryDirectory() : null;
        EmulatorSettings.Builder settings = EmulatorSettings.builder().noRateLimit();
        if (durable) {
            settings.stateFile(stateDir.resolve("state.json"));
        }
        try (OrcidEmulator emulator = OrcidEmulator.start(settings.build())) {
            ClientInfo client = emulator.control().createClient(ClientSpec.member("Bench", "https://bench.example"));
            String[] orcids = new String[researchers];
            String[] tokens = new String[researchers];
            for (int i = 0; i < researchers; i++) {
                orcids[i] = emulator.control().createResearcher(ResearcherSpec.of("Bench", "Researcher " + i)).orcid();
                tokens[i] = emulator.control().token(orcids[i], client.clientId(), "/activities/update").accessToken();
            }
            URI base = URI.create(emulator.baseUrl());
            System.err.printf("emulator on %s; %d connections, %s bodies, %d s warm-up + %d s measured%s%n",
                    base, connections, xml ? "XML" : "JSON", warmupSeconds, seconds,
                    durable ? "; durable (journal in " + stateDir + ")" : "");

            progress.phase("warming up for " + warmupSeconds + " s");
            Phase warm = runPhase(base, orcids, tokens, xml, warmupSeconds, "w");
            System.err.printf("warm-up: %d requests%n", warm.count());
            progress.phase("measuring for " + seconds + " s");
            long cpu0 = processCpuNanos();
            Phase measured = runPhase(base, orcids, tokens, xml, seconds, "m");
            long cpu = processCpuNanos() - cpu0;
            double perSecond = measured.count() / measured.seconds();
            double p99 = measured.percentileMs(0.99);
            System.err.printf("measured: %d requests in %.2f s, p50 %.2f ms, p99 %.2f ms, max %.2f ms; "
                            + "%.0f us of CPU per request (emulator and client together) on %d cores%n",
                    measured.count(), measured.seconds(), measured.percentileMs(0.50), p99, measured.percentileMs(1.0),
                    cpu / 1000.0 / Math.max(1, measured.count()), Runtime.getRuntime().availableProcessors());
            progress.close();
            System.out.printf(Locale.ROOT,
                    "{\"postWorkPerSecond\": %.0f, \"p99Ms\": %.2f, \"coldStartMs\": %.1f, \"warmStartMs\": %.1f, "
                            + "\"durable\": %s}%n",
                    perSecond, p99, coldStartMs, warmStartMs, durable);
        } finally {
            if (stateDir != null) {
                deleteRecursively(stateDir);
            }
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("pidlink-bench-emulator-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("cannot delete " + dir + ": " + e.getMessage());
        }
    }

    /** How long {@code OrcidEmulator.start()} takes until it serves (the close is not counted). */
    private static double startMillis() {
        long t0 = System.nanoTime();
        OrcidEmulator emulator = OrcidEmulator.start();
        long t1 = System.nanoTime();
        emulator.close();
        return (t1 - t0) / 1e6;
    }

    private static long processCpuNanos() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    /** The latencies (nanoseconds) of one phase and how long it took. */
    record Phase(long[] latencies, double seconds) {
        long count() {
            return latencies.length;
        }

        double percentileMs(double p) {
            if (latencies.length == 0) {
                return 0;
            }
            int i = (int) Math.min(latencies.length - 1, Math.ceil(p * latencies.length) - 1);
            return latencies[Math.max(0, i)] / 1_000_000.0;
        }
    }

    private Phase runPhase(URI base, String[] orcids, String[] tokens, boolean xml, int durationSeconds, String tag) {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong sequence = new AtomicLong();
        List<long[]> perWorker = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        CountDownLatch ready = new CountDownLatch(connections);
        CountDownLatch go = new CountDownLatch(1);
        Throwable[] failure = new Throwable[1];
        for (int c = 0; c < connections; c++) {
            int worker = c;
            long[][] slot = new long[1][];
            int[] n = new int[1];
            perWorker.add(null);
            counts.add(0);
            Thread t = Thread.ofPlatform().name("bench-" + tag + c).start(() -> {
                long[] lat = new long[1 << 16];
                int count = 0;
                try (Connection conn = new Connection(base)) {
                    ready.countDown();
                    go.await();
                    while (!stop.get()) {
                        long seq = sequence.incrementAndGet();
                        int r = (int) (seq % orcids.length);
                        String doi = "10.5555/bench." + tag + "." + seq;
                        byte[] body = (xml ? xmlWork(seq, doi) : jsonWork(seq, doi)).getBytes(StandardCharsets.UTF_8);
                        long t0 = System.nanoTime();
                        int status = conn.post("/v3.0/" + orcids[r] + "/work", tokens[r],
                                xml ? "application/vnd.orcid+xml" : "application/vnd.orcid+json", body);
                        long dt = System.nanoTime() - t0;
                        if (status != 201) {
                            throw new IllegalStateException("POST /work answered " + status + ", expected 201");
                        }
                        if (count == lat.length) {
                            lat = Arrays.copyOf(lat, lat.length * 2);
                        }
                        lat[count++] = dt;
                    }
                } catch (Throwable e) {
                    synchronized (failure) {
                        if (failure[0] == null) {
                            failure[0] = e;
                        }
                    }
                    stop.set(true);
                    ready.countDown();
                }
                synchronized (perWorker) {
                    perWorker.set(worker, Arrays.copyOf(lat, count));
                }
            });
            threads.add(t);
        }
        try {
            ready.await();
            long start = System.nanoTime();
            go.countDown();
            Thread.sleep(durationSeconds * 1000L);
            stop.set(true);
            for (Thread t : threads) {
                t.join();
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            if (failure[0] != null) {
                throw new IllegalStateException("benchmark failed: " + failure[0], failure[0]);
            }
            long[] all = perWorker.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            return new Phase(all, elapsed);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String jsonWork(long seq, String doi) {
        return "{\"title\":{\"title\":{\"value\":\"Benchmark work " + seq + "\"}},"
                + "\"journal-title\":{\"value\":\"Journal of Load\"},\"type\":\"journal-article\","
                + "\"publication-date\":{\"year\":{\"value\":\"2024\"},\"month\":{\"value\":\"05\"}},"
                + "\"external-ids\":{\"external-id\":[{\"external-id-type\":\"doi\",\"external-id-value\":\"" + doi
                + "\",\"external-id-url\":{\"value\":\"https://doi.org/" + doi + "\"},"
                + "\"external-id-relationship\":\"self\"}]},"
                + "\"contributors\":{\"contributor\":[{\"contributor-orcid\":{\"uri\":\"https://orcid.org/0000-0002-1825-0097\","
                + "\"path\":\"0000-0002-1825-0097\",\"host\":\"orcid.org\"},\"credit-name\":{\"value\":\"Josiah Carberry\"},"
                + "\"contributor-attributes\":{\"contributor-sequence\":\"first\",\"contributor-role\":\"author\"}}]}}";
    }

    static String xmlWork(long seq, String doi) {
        return "<work:work xmlns:common=\"http://www.orcid.org/ns/common\" xmlns:work=\"http://www.orcid.org/ns/work\">"
                + "<work:title><common:title>Benchmark work " + seq + "</common:title></work:title>"
                + "<work:journal-title>Journal of Load</work:journal-title><work:type>journal-article</work:type>"
                + "<common:publication-date><common:year>2024</common:year><common:month>05</common:month></common:publication-date>"
                + "<common:external-ids><common:external-id><common:external-id-type>doi</common:external-id-type>"
                + "<common:external-id-value>" + doi + "</common:external-id-value>"
                + "<common:external-id-url>https://doi.org/" + doi + "</common:external-id-url>"
                + "<common:external-id-relationship>self</common:external-id-relationship></common:external-id></common:external-ids>"
                + "<work:contributors><work:contributor><common:contributor-orcid><common:uri>https://orcid.org/0000-0002-1825-0097</common:uri>"
                + "<common:path>0000-0002-1825-0097</common:path><common:host>orcid.org</common:host></common:contributor-orcid>"
                + "<work:credit-name>Josiah Carberry</work:credit-name><work:contributor-attributes>"
                + "<work:contributor-sequence>first</work:contributor-sequence><work:contributor-role>author</work:contributor-role>"
                + "</work:contributor-attributes></work:contributor></work:contributors></work:work>";
    }

    /** One keep-alive HTTP/1.1 connection: write a request, read status, headers and a Content-Length body. */
    static final class Connection implements AutoCloseable {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private final String host;

        Connection(URI base) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()));
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 8192);
            host = base.getHost() + ":" + base.getPort();
        }

        int post(String path, String token, String contentType, byte[] body) throws IOException {
            String head = "POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: " + contentType + "\r\nAccept: application/vnd.orcid+json\r\nContent-Length: "
                    + body.length + "\r\n\r\n";
            byte[] h = head.getBytes(StandardCharsets.US_ASCII);
            byte[] req = Arrays.copyOf(h, h.length + body.length);
            System.arraycopy(body, 0, req, h.length, body.length);
            out.write(req);
            out.flush();
            String status = line();
            int code = Integer.parseInt(status.substring(9, 12));
            long length = 0;
            boolean chunked = false;
            String l;
            while (!(l = line()).isEmpty()) {
                int colon = l.indexOf(':');
                String name = l.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = l.substring(colon + 1).trim();
                if (name.equals("content-length")) {
                    length = Long.parseLong(value);
                } else if (name.equals("transfer-encoding") && value.equalsIgnoreCase("chunked")) {
                    chunked = true;
                }
            }
            if (chunked) {
                throw new IOException("chunked responses are not expected from POST /work");
            }
            in.skipNBytes(length);
            return code;
        }

        private String line() throws IOException {
            StringBuilder sb = new StringBuilder(64);
            int c;
            while ((c = in.read()) != -1) {
                if (c == '\n') {
                    int len = sb.length();
                    return len > 0 && sb.charAt(len - 1) == '\r' ? sb.substring(0, len - 1) : sb.toString();
                }
                sb.append((char) c);
            }
            throw new IOException("connection closed by the emulator");
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
