package org.pidlink.bench.app;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs a benchmark's jobs on a fixed number of threads and waits for all; the first failure is thrown. */
public final class Parallel {

    private Parallel() {
    }

    /** Runs {@code job} {@code count} times, each with its index, {@code threads} at a time. */
    public static void run(int threads, int count, IndexedJob job) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> jobs = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int index = i;
                jobs.add(pool.submit((Callable<Void>) () -> {
                    job.run(index);
                    return null;
                }));
            }
            for (Future<?> done : jobs) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** One job, told its index. */
    @FunctionalInterface
    public interface IndexedJob {
        void run(int index) throws Exception;
    }
}
