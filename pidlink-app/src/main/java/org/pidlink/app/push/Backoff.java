package org.pidlink.app.push;

import java.time.Duration;
import java.util.random.RandomGenerator;

/** Exponential backoff with full jitter: attempt n waits a random time up to min(max, base·2^(n-1)). */
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
        // Never less than half the ceiling, so retries do spread out and do not hammer ORCID.
        long half = ceilingMillis / 2;
        return Duration.ofMillis(half + random.nextLong(ceilingMillis - half + 1));
    }
}
