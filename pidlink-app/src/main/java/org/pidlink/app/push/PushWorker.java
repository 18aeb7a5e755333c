package org.pidlink.app.push;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the push engine on background threads: each thread takes turns ({@link PushEngine#runOnce()}) while work is
 * due and waits for a {@link #wake()} or the poll interval when none is. Tests do not need it: they call
 * {@link PushEngine#runDueWork()} themselves.
 */
public final class PushWorker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PushWorker.class);
    /** How often one thread re-derives every researcher's schedule from the claims (a safety net). */
    private static final Duration RESCHEDULE_EVERY = Duration.ofSeconds(30);

    private final PushEngine engine;
    private final int threadCount;
    private final Duration pollInterval;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition workArrived = lock.newCondition();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;
    private long wakeUps;

    public PushWorker(PushEngine engine) {
        this.engine = engine;
        this.threadCount = engine.settings().workers();
        this.pollInterval = engine.settings().pollInterval();
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        for (int i = 0; i < threadCount; i++) {
            boolean scheduler = i == 0;
            Thread thread = Thread.ofPlatform().daemon().name("pidlink-push-" + i).unstarted(() -> loop(scheduler));
            threads.add(thread);
            thread.start();
        }
        log.info("Push engine started with {} worker(s)", threadCount);
    }

    /** Work was queued: idle threads look now instead of at the next poll. */
    public void wake() {
        lock.lock();
        try {
            wakeUps++;
            workArrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public boolean running() {
        return running;
    }

    @Override
    public synchronized void close() {
        if (!running) {
            return;
        }
        running = false;
        wake();
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofSeconds(10));
                if (thread.isAlive()) {
                    thread.interrupt();
                    thread.join(Duration.ofSeconds(5));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        threads.clear();
        log.info("Push engine stopped");
    }

    private void loop(boolean scheduler) {
        long nextReschedule = System.nanoTime();
        while (running) {
            try {
                if (scheduler && System.nanoTime() - nextReschedule >= 0) {
                    engine.rescheduleAll();
                    nextReschedule = System.nanoTime() + RESCHEDULE_EVERY.toNanos();
                }
                if (!engine.runOnce()) {
                    idle();
                }
            } catch (RuntimeException e) {
                log.error("Push worker turn failed; retrying after the poll interval", e);
                idle();
            }
        }
    }

    private void idle() {
        lock.lock();
        try {
            long seen = wakeUps;
            long nanos = pollInterval.toNanos();
            while (running && seen == wakeUps && nanos > 0) {
                nanos = workArrived.awaitNanos(nanos);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }
}
