package org.pidlink.app.background;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Background threads that take turns at some work while there is any, and otherwise wait for a {@link #wake()} or
 * the poll interval; a wake-up sent while they were busy is never lost. {@link #close()} stops them gracefully: a
 * turn in progress finishes (10 s at most, then the thread is interrupted). The intake, the push engine and the
 * permission requests run on it; tests call their turns directly instead. Thread-safe.
 */
public final class BackgroundWorker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BackgroundWorker.class);
    private static final Duration GRACE = Duration.ofSeconds(10);

    /** One turn of the work. */
    @FunctionalInterface
    public interface Turn {
        /**
         * Does one portion of the work on thread {@code slot} of {@code slots} (threads may split work by slot).
         *
         * @return true when it did something (the next turn follows at once), false to wait for a wake-up or the
         *         poll interval
         */
        boolean run(int slot, int slots);
    }

    private final String name;
    private final int threadCount;
    private final Duration pollInterval;
    private final Turn turn;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition woken = lock.newCondition();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;
    private long wakeUps;

    /**
     * @param name         names the threads ({@code pidlink-NAME-0}, …) and the log lines
     * @param threadCount  how many threads take turns
     * @param pollInterval how long an idle thread waits when nobody wakes it
     */
    public BackgroundWorker(String name, int threadCount, Duration pollInterval, Turn turn) {
        if (threadCount < 1) {
            throw new IllegalArgumentException(name + ": at least one thread, got " + threadCount);
        }
        this.name = Objects.requireNonNull(name, "name");
        this.threadCount = threadCount;
        this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
        this.turn = Objects.requireNonNull(turn, "turn");
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        for (int i = 0; i < threadCount; i++) {
            int slot = i;
            Thread thread = Thread.ofPlatform().daemon().name("pidlink-" + name + "-" + i).unstarted(() -> loop(slot));
            threads.add(thread);
            thread.start();
        }
        log.info("{} started with {} thread(s)", name, threadCount);
    }

    /** Work arrived: idle threads look now instead of at the next poll. */
    public void wake() {
        lock.lock();
        try {
            wakeUps++;
            woken.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Wakes the threads once the current transaction committed (at once without one), so they see its rows. */
    public void wakeAfterCommit() {
        AfterCommit.run(this::wake);
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
                thread.join(GRACE);
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
        log.info("{} stopped", name);
    }

    private void loop(int slot) {
        while (running) {
            long seen = wakeUps();
            boolean didWork;
            try {
                didWork = turn.run(slot, threadCount);
            } catch (RuntimeException e) {
                log.error("{} thread {} failed; trying again after the poll interval", name, slot, e);
                didWork = false;
            }
            if (!didWork) {
                idle(seen);
            }
        }
    }

    private long wakeUps() {
        lock.lock();
        try {
            return wakeUps;
        } finally {
            lock.unlock();
        }
    }

    private void idle(long seen) {
        lock.lock();
        try {
            long nanos = pollInterval.toNanos();
            while (running && seen == wakeUps && nanos > 0) {
                nanos = woken.awaitNanos(nanos);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }
}
