package org.pidlink.app.push;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with "equal jitter": after n failed attempts, wait a random time between half and all of
 * min(max, base·2^(n-1)), so that retries spread out without ever coming back almost at once.
 */
final class Backoff {

    private final Duration base;
    private final Duration max;
    private final RandomGenerator random;

    Backoff(Duration base, Duration max, RandomGenerator random) {
        this.base = base;
        this.max = max;
        this.random = random;
    }

    Duration delayBeforeAttempt(int failedAttempts) {
        int doublings = Math.max(0, Math.min(failedAttempts - 1, 30));
        long ceilingMillis = Math.min(max.toMillis(), base.toMillis() << doublings);
        long half = ceilingMillis / 2;
        return Duration.ofMillis(half + random.nextLong(ceilingMillis - half + 1));
    }
}
