package org.pidlink.app.testsupport;

import java.time.Duration;
import java.time.Instant;

/** Waits for what background workers (push, intake, webhooks) do, without a fixed sleep in the tests. */
public final class Eventually {

    /** How long {@link #eventually} waits at most. */
    public static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final long POLL_MILLIS = 100;

    private Eventually() {
    }

    /** Runs {@code assertion} until it passes, for up to 30 s; then its last failure is thrown. */
    public static void eventually(Runnable assertion) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError e) {
                if (Instant.now().isAfter(deadline)) {
                    throw e;
                }
                try {
                    Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
