package org.pidlink.bench.recordids;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.pidlink.bench.app.BenchCommand;
import org.pidlink.bench.app.BenchRecords;
import org.pidlink.bench.app.Progress;
import org.pidlink.bench.app.RunningPidlink;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code ./pidlink bench record-ids [--ids N] [--max-ids-per-record M]}: the cost of one DataCite record naming N
 * researchers by valid ORCID iDs, through the whole running pidlink (embedded PostgreSQL and ORCID emulator,
 * permission requests on): from {@code POST /api/v1/dois} until the intake worker has made every claim the record
 * asks for (at most M, the ceiling per record). Measured: the seconds, the bytes the JVM allocated meanwhile (all
 * threads), the heap still held after a full GC compared with before, and the bytes stored in the database for the
 * record's claims and their work. Goal for 10,000 iDs: at most 2 s and 50 MB.
 */
public final class RecordIdsBench {

    private static final Pattern ORCIDS = Pattern.compile("\"orcids\":\\[([^\\]]*)]");

    private RecordIdsBench() {
    }

    record Options(int ids, int maxIdsPerRecord) {
    }

    private static final List<BenchCommand.Option> OPTIONS = List.of(
            BenchCommand.Option.whole("--ids", "N", 10_000),
            BenchCommand.Option.whole("--max-ids-per-record", "M", 1_000));

    public static void main(String[] args) throws Exception {
        BenchCommand.main("record-ids", args, OPTIONS, (v, progress) -> run(new Options(v.whole("--ids"),
                v.whole("--max-ids-per-record")), progress));
    }

    static String run(Options options, Progress progress) throws Exception {
        progress.phase("starting pidlink (embedded PostgreSQL and ORCID emulator)");
        try (RunningPidlink pidlink = RunningPidlink.start(Map.of("pidlink.intake.max-ids-per-record",
                Integer.toString(options.maxIdsPerRecord())))) {
            JdbcTemplate jdbc = new JdbcTemplate(pidlink.bean(DataSource.class));
            progress.phase("warming up: one record of 200 iDs");
            once(pidlink, jdbc, record(200), new AtomicLong(), new AtomicLong());

            Record record = record(options.ids());
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            System.gc();
            long heapBefore = memory.getHeapMemoryUsage().getUsed();
            long allocatedBefore = allocated();
            long started = System.nanoTime();
            AtomicLong claims = progress.counting("one record of " + options.ids() + " iDs",
                    Math.min(options.ids(), options.maxIdsPerRecord()), "claims made");
            AtomicLong acceptNanos = new AtomicLong();
            int honoured = once(pidlink, jdbc, record, claims, acceptNanos);
            double seconds = (System.nanoTime() - started) / 1e9;
            long allocatedBytes = allocated() - allocatedBefore;
            System.gc();
            long retainedBytes = memory.getHeapMemoryUsage().getUsed() - heapBefore;
            Long storedBytes = jdbc.queryForObject("""
                    SELECT coalesce((SELECT sum(pg_column_size(c.*)) FROM claim c WHERE c.doi = ?), 0)
                         + coalesce((SELECT sum(pg_column_size(w.*)) FROM claim_work w
                                     WHERE w.payload_hash IN (SELECT payload_hash FROM claim WHERE doi = ?)), 0)""",
                    Long.class, record.doi(), record.doi());
            Long works = jdbc.queryForObject("""
                    SELECT count(*) FROM claim_work WHERE payload_hash IN (SELECT payload_hash FROM claim WHERE doi = ?)""",
                    Long.class, record.doi());
            Long inbox = jdbc.queryForObject("SELECT count(*) FROM permission_notification WHERE doi = ?", Long.class,
                    record.doi());
            return String.format(Locale.ROOT, "{\"benchmark\":\"record-ids\",\"ids\":%d,\"honoured\":%d,"
                            + "\"reportedBeyondCeiling\":%d,\"seconds\":%.3f,\"acceptSeconds\":%.3f,\"allocatedMB\":%.1f,"
                            + "\"retainedHeapMB\":%.1f,\"storedMB\":%.2f,\"storedWorks\":%d,\"inboxRequests\":%d,"
                            + "\"goalSeconds\":2,\"goalMB\":50,\"loadAverage\":%.2f}",
                    options.ids(), honoured, options.ids() - honoured, seconds, acceptNanos.get() / 1e9,
                    allocatedBytes / 1e6,
                    retainedBytes / 1e6, storedBytes / 1e6, works, inbox,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    record Record(String doi, byte[] xml) {
    }

    private static Record record(int ids) {
        Set<String> orcids = new LinkedHashSet<>();
        while (orcids.size() < ids) {
            orcids.add(BenchRecords.randomOrcid());
        }
        String doi = "10.5072/record-ids-bench." + UUID.randomUUID();
        return new Record(doi, BenchRecords.dataciteXml(doi, "A consortium's measurements", new ArrayList<>(orcids))
                .getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Posts the record and waits until its claims are made; answers how many iDs were honoured, and sets
     * {@code acceptNanos} to how long the POST took (until its 202).
     */
    private static int once(RunningPidlink pidlink, JdbcTemplate jdbc, Record record, AtomicLong claims,
            AtomicLong acceptNanos) throws InterruptedException {
        long posted = System.nanoTime();
        HttpResponse<String> response = pidlink.postDois(record.xml(), "application/xml");
        acceptNanos.set(System.nanoTime() - posted);
        if (response.statusCode() != 202) {
            throw new IllegalStateException("POST /api/v1/dois answered " + response.statusCode() + ": "
                    + response.body());
        }
        Matcher m = ORCIDS.matcher(response.body());
        if (!m.find()) {
            throw new IllegalStateException("no iDs in the answer: " + response.body());
        }
        int honoured = m.group(1).isBlank() ? 0 : m.group(1).split(",").length;
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (true) {
            Long made = jdbc.queryForObject("SELECT count(*) FROM claim WHERE doi = ?", Long.class, record.doi());
            claims.set(made == null ? 0 : made);
            Long queued = jdbc.queryForObject("SELECT count(*) FROM intake_task", Long.class);
            if (claims.get() >= honoured && queued != null && queued == 0) {
                return honoured;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + claims.get() + " of " + honoured + " claims after 10 min");
            }
            Thread.sleep(10);
        }
    }

    /** Bytes allocated so far by every live thread of this JVM (the whole app and this benchmark). */
    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getTotalThreadAllocatedBytes();
    }
}
