package org.pidlink.bench.mapping;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Documents per second of this thread's CPU time. JMH measures wall-clock time, which on a machine shared with
 * other work says more about the neighbours than about pidlink; CPU time is what one dedicated core would give.
 */
final class CpuTimeThroughput {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CpuTimeThroughput() {
    }

    /** Runs {@code task} (one document per call) for a warm-up, then returns the best of three measured rounds. */
    static double documentsPerCpuSecond(Runnable task, long roundCpuNanos) {
        run(task, roundCpuNanos);
        double best = 0;
        for (int round = 0; round < 3; round++) {
            best = Math.max(best, run(task, roundCpuNanos));
        }
        return best;
    }

    private static double run(Runnable task, long cpuNanos) {
        long start = THREADS.getCurrentThreadCpuTime();
        long calls = 0;
        long elapsed;
        do {
            for (int i = 0; i < 32; i++) {
                task.run();
            }
            calls += 32;
            elapsed = THREADS.getCurrentThreadCpuTime() - start;
        } while (elapsed < cpuNanos);
        return calls / (elapsed / 1e9);
    }
}
