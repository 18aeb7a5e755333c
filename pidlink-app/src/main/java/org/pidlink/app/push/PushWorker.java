package org.pidlink.app.push;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.pidlink.app.background.BackgroundWorker;
import org.pidlink.app.orcid.CallClass;

/**
 * Runs the push engine on background threads ({@link BackgroundWorker}): each thread takes turns
 * ({@link PushEngine#runOnce()}) while work is due and waits for a {@link #wake()} or the poll interval when none
 * is; the first {@code urgent-workers} threads serve only interactive and fresh work; now and then one thread
 * re-derives every researcher's schedule from the claims (a safety net). Tests do not
 * need it: they call {@link PushEngine#runDueWork()} themselves.
 */
public final class PushWorker implements AutoCloseable {

    /** How often the whole schedule is re-derived from the claims. */
    private static final Duration RESCHEDULE_EVERY = Duration.ofSeconds(30);

    private final BackgroundWorker worker;
    private final AtomicReference<Instant> nextReschedule = new AtomicReference<>(Instant.MIN);

    PushWorker(PushEngine engine, Clock clock) {
        PushSettings settings = engine.settings();
        int urgentOnly = settings.urgentWorkers();
        this.worker = new BackgroundWorker("push", settings.workers(), settings.pollInterval(), (slot, slots) -> {
            Instant now = clock.instant();
            Instant due = nextReschedule.get();
            if (slot == urgentOnly && !now.isBefore(due)
                    && nextReschedule.compareAndSet(due, now.plus(RESCHEDULE_EVERY))) {
                engine.rescheduleAll();
            }
            // The first threads never start a backfill call, which may wait for leftover budget: a fresh DOI
            // always finds one of them free.
            return engine.runOnce(slot < urgentOnly ? CallClass.FRESH : CallClass.HOUSEKEEPING);
        });
    }

    public void start() {
        worker.start();
    }

    /** Work was queued: idle threads look now instead of at the next poll. */
    public void wake() {
        worker.wake();
    }

    /** Wakes idle threads once the current transaction committed, so they see what it queued. */
    public void wakeAfterCommit() {
        worker.wakeAfterCommit();
    }

    public boolean running() {
        return worker.running();
    }

    @Override
    public void close() {
        worker.close();
    }
}
