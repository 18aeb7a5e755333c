package org.pidlink.bench.app;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A benchmark's progress on stderr, so that a long run is never silent: a line at every phase and every
 * {@value #EVERY_SECONDS} s while a phase runs, with what is done of how much, the rate and the time so far, e.g.
 * {@code pidlink bench backfill [14 s] writing to ORCID: 12,300 of 30,000 works (41%), 2,410/s}. Stdout keeps only
 * the result's JSON line.
 */
public final class Progress implements AutoCloseable {

    static final int EVERY_SECONDS = 5;

    private final String bench;
    private final PrintStream out;
    private final long started = System.nanoTime();
    private final ScheduledExecutorService ticker;
    private final AtomicBoolean closed = new AtomicBoolean();
    private State state = new State("starting", null, 0, null);
    private long lastDone;
    private long lastAt;

    private record State(String phase, LongSupplier done, long total, String unit) {
    }

    private Progress(String bench, PrintStream out) {
        this.bench = bench;
        this.out = out;
        this.ticker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                .name("bench-progress").factory());
        ticker.scheduleAtFixedRate(this::print, EVERY_SECONDS, EVERY_SECONDS, TimeUnit.SECONDS);
    }

    /** Starts reporting for benchmark {@code bench} on stderr. */
    public static Progress start(String bench) {
        return new Progress(bench, System.err);
    }

    /** A phase whose progress is not counted (starting PostgreSQL, warming up). */
    public void phase(String phase) {
        phase(phase, null, 0, null);
    }

    /**
     * A phase with {@code done} of {@code total} {@code unit}s; {@code done} is read from the reporting thread
     * (it may ask a database).
     */
    public synchronized void phase(String phase, LongSupplier done, long total, String unit) {
        state = new State(phase, done, total, unit);
        lastDone = 0;
        lastAt = System.nanoTime();
        print();
    }

    /** A phase that counts itself: add to the answered counter as work gets done. */
    public AtomicLong counting(String phase, long total, String unit) {
        AtomicLong done = new AtomicLong();
        phase(phase, done::get, total, unit);
        return done;
    }

    private synchronized void print() {
        long now = System.nanoTime();
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "pidlink bench %s [%d s] %s", bench,
                Duration.ofNanos(now - started).toSeconds(), state.phase()));
        if (state.done() != null) {
            long done;
            try {
                done = state.done().getAsLong();
            } catch (RuntimeException e) {
                done = -1;
            }
            if (done >= 0) {
                line.append(String.format(Locale.ROOT, ": %,d", done));
                if (state.total() > 0) {
                    line.append(String.format(Locale.ROOT, " of %,d", state.total()));
                }
                line.append(' ').append(state.unit());
                if (state.total() > 0) {
                    line.append(String.format(Locale.ROOT, " (%d%%)", Math.min(100, done * 100 / state.total())));
                }
                double seconds = (now - lastAt) / 1e9;
                if (seconds > 0.5 && done > lastDone) {
                    line.append(String.format(Locale.ROOT, ", %,.0f/s", (done - lastDone) / seconds));
                }
                lastDone = done;
                lastAt = now;
            }
        }
        out.println(line);
        out.flush();
    }

    /** Stops reporting (again: nothing); the result's JSON line may follow. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        ticker.shutdownNow();
        synchronized (this) {
            out.printf(Locale.ROOT, "pidlink bench %s [%d s] done%n", bench,
                    Duration.ofNanos(System.nanoTime() - started).toSeconds());
            out.flush();
        }
    }
}
