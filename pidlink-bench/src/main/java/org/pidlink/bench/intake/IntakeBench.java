package org.pidlink.bench.intake;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.pidlink.bench.app.BenchCommand;
import org.pidlink.bench.app.BenchRecords;
import org.pidlink.bench.app.Progress;
import org.pidlink.bench.app.RunningPidlink;

/**
 * {@code ./pidlink bench intake [--records N] [--batch B] [--clients C]}: DOI records accepted per second through
 * {@code POST /api/v1/dois} into the intake queue, on the whole running pidlink (embedded PostgreSQL, the intake
 * worker turning the queue into claims at the same time). Each record is DataCite REST JSON naming two ORCID iDs
 * (so each queues two claim tasks), sent as JSON Lines, B records a request, by C clients in parallel. Every
 * answer must be 202 with every record accepted. Prints one JSON line with {@code recordsPerSecond}.
 * Goal: at least 2,000 records/s.
 */
public final class IntakeBench {

    private static final Pattern ACCEPTED = Pattern.compile("\"accepted\":(\\d+)");

    private IntakeBench() {
    }

    record Options(int records, int batch, int clients, int warmup) {
    }

    private static final List<BenchCommand.Option> OPTIONS = List.of(
            BenchCommand.Option.whole("--records", "N", 20_000),
            BenchCommand.Option.whole("--batch", "B", 200),
            BenchCommand.Option.whole("--clients", "C", 4),
            BenchCommand.Option.whole("--warmup", "W", 4_000));

    public static void main(String[] args) throws Exception {
        BenchCommand.main("intake", args, OPTIONS, (v, progress) -> run(new Options(v.whole("--records"),
                v.whole("--batch"), v.whole("--clients"), v.whole("--warmup")), progress));
    }

    static String run(Options options, Progress progress) throws Exception {
        progress.phase("starting pidlink (embedded PostgreSQL and ORCID emulator)");
        // Permission requests would go to iDs the emulator does not know; they are not part of what is measured.
        try (RunningPidlink pidlink = RunningPidlink.start(Map.of("pidlink.intake.notifications.enabled", "false"))) {
            send(pidlink, bodies(options.warmup(), options.batch()), options.clients(),
                    progress.counting("warming up", options.warmup(), "records accepted"));
            List<byte[]> bodies = bodies(options.records(), options.batch());
            long started = System.nanoTime();
            long accepted = send(pidlink, bodies, options.clients(),
                    progress.counting("measuring", options.records(), "records accepted"));
            double seconds = (System.nanoTime() - started) / 1e9;
            if (accepted != (long) bodies.size() * options.batch() && accepted != options.records()) {
                throw new IllegalStateException("only " + accepted + " of " + options.records() + " records accepted");
            }
            return String.format(Locale.ROOT, "{\"benchmark\":\"intake\",\"records\":%d,\"batch\":%d,\"clients\":%d,"
                            + "\"seconds\":%.3f,\"recordsPerSecond\":%.1f,\"goal\":2000}",
                    accepted, options.batch(), options.clients(), seconds, accepted / seconds);
        }
    }

    private static List<byte[]> bodies(int records, int batch) {
        List<byte[]> bodies = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        int inBody = 0;
        for (int r = 0; r < records; r++) {
            String doi = "10.5072/intake-bench." + UUID.randomUUID();
            body.append(BenchRecords.dataciteJsonLine(doi, "Measurements " + r,
                    List.of(BenchRecords.randomOrcid(), BenchRecords.randomOrcid()))).append('\n');
            if (++inBody == batch || r == records - 1) {
                bodies.add(body.toString().getBytes(StandardCharsets.UTF_8));
                body.setLength(0);
                inBody = 0;
            }
        }
        return bodies;
    }

    private static long send(RunningPidlink pidlink, List<byte[]> bodies, int clients, AtomicLong accepted)
            throws Exception {
        ConcurrentLinkedQueue<byte[]> queue = new ConcurrentLinkedQueue<>(bodies);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                jobs.add(pool.submit(() -> {
                    byte[] body;
                    while ((body = queue.poll()) != null) {
                        HttpResponse<String> response = pidlink.postDois(body, "application/x-ndjson");
                        if (response.statusCode() != 202) {
                            throw new IllegalStateException("POST /api/v1/dois answered " + response.statusCode()
                                    + ": " + response.body());
                        }
                        Matcher m = ACCEPTED.matcher(response.body());
                        if (!m.find()) {
                            throw new IllegalStateException("no accepted count in " + response.body());
                        }
                        accepted.addAndGet(Long.parseLong(m.group(1)));
                    }
                    return null;
                }));
            }
            for (Future<?> job : jobs) {
                job.get();
            }
        } finally {
            pool.shutdown();
        }
        return accepted.get();
    }
}
