package org.pidlink.bench.aggregate;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * High-water marks of memory while pidlink runs in this JVM, sampled every {@value #EVERY_MILLIS} ms: the heap in
 * use (and what remained after the last collection, the live heap), the JVM's resident set ({@code VmHWM}, the
 * kernel's own high-water mark) and the proportional set of the embedded PostgreSQL's processes (its shared buffers
 * counted once).
 */
final class MemoryWatch implements AutoCloseable {

    private static final long EVERY_MILLIS = 250;
    private static final int POSTGRES_EVERY = 8;

    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("memory-watch").factory());
    private final AtomicLong heapUsed = new AtomicLong();
    private final AtomicLong heapAfterGc = new AtomicLong();
    private final AtomicLong postgresPss = new AtomicLong();
    private long samples;

    private final String dataDir;

    /** @param dataDir pidlink's data directory: its PostgreSQL is the server started on a directory inside it */
    MemoryWatch(String dataDir) {
        this.dataDir = dataDir;
        sampler.scheduleAtFixedRate(this::sample, 0, EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The high-water marks so far, in bytes. */
    record Marks(long heapUsed, long heapAfterGc, long heapMax, long jvmRss, long postgresPss) {
    }

    Marks marks() {
        return new Marks(heapUsed.get(), heapAfterGc.get(), Runtime.getRuntime().maxMemory(),
                statusKilobytes(Path.of("/proc/self/status"), "VmHWM:") * 1024, postgresPss.get());
    }

    private void sample() {
        long used = 0;
        long afterGc = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                used += pool.getUsage().getUsed();
                if (pool.getCollectionUsage() != null) {
                    afterGc += pool.getCollectionUsage().getUsed();
                }
            }
        }
        heapUsed.accumulateAndGet(used, Math::max);
        heapAfterGc.accumulateAndGet(afterGc, Math::max);
        if (samples++ % POSTGRES_EVERY == 0) {
            // The embedded server runs detached from this JVM: found by its data directory, with its backends.
            long pss = ProcessHandle.allProcesses()
                    .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false)
                            && p.info().arguments().map(a -> String.join(" ", a).contains(dataDir)).orElse(false))
                    .flatMap(p -> java.util.stream.Stream.concat(java.util.stream.Stream.of(p), p.children()))
                    .mapToLong(p -> statusKilobytes(Path.of("/proc", Long.toString(p.pid()), "smaps_rollup"), "Pss:"))
                    .sum() * 1024;
            postgresPss.accumulateAndGet(pss, Math::max);
        }
    }

    /** The kilobytes on the line starting with {@code key}, 0 when unreadable (the process ended). */
    private static long statusKilobytes(Path file, String key) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
