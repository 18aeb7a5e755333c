package org.pidlink.emulator.webhooks;

import java.time.Duration;

/**
 * How a failed callback is retried. ORCID waits {@code failedAttempts × 10 min} (linear) and gives up after 25
 * attempts (orcid-api.md §6); the emulator keeps the shape and scales the unit so local runs see retries in
 * seconds. Tests shorten it further through {@link Webhooks#retryPolicy(RetryPolicy)}.
 */
public record RetryPolicy(Duration unit, int maxAttempts) {

    /** ORCID's numbers. */
    public static final RetryPolicy ORCID = new RetryPolicy(Duration.ofMinutes(10), 25);
    /** The emulator's default: ORCID's linear shape and attempt count, one second per step. */
    public static final RetryPolicy EMULATOR = new RetryPolicy(Duration.ofSeconds(1), 25);

    public RetryPolicy {
        if (unit.isNegative() || maxAttempts < 1) {
            throw new IllegalArgumentException("unit must be >= 0 and maxAttempts >= 1");
        }
    }

    /** The wait after the {@code failures}-th consecutive failure. */
    Duration delayAfter(int failures) {
        return unit.multipliedBy(failures);
    }
}
