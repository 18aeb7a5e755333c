package org.pidlink.app.push;

import java.time.Duration;
import java.util.Objects;

/**
 * How the push engine behaves. Defaults follow ORCID's published limits; {@link PushProperties} binds them from
 * {@code pidlink.push.*}.
 *
 * @param instanceId      names this instance in leases (unique per running instance)
 * @param workers         threads writing to ORCID in parallel (each for a different researcher)
 * @param bulkSize        works per bulk {@code POST /works} (ORCID accepts at most 100)
 * @param lease           how long a researcher stays leased by an instance; a dead instance's lease expires
 * @param maxAttempts     attempts before a transient failure becomes permanent
 * @param backoffBase     first retry delay; doubles with each attempt (with full jitter)
 * @param backoffMax      longest retry delay
 * @param requestsPerSecond ORCID's rate per client (24)
 * @param burst           ORCID's burst per client (40)
 * @param coolOff         how long every instance pauses a client after ORCID answered 503
 * @param rateLimitedRetries how many times a call answered 503 is retried at once before it backs off
 * @param pollInterval    how often an idle worker looks for due work
 * @param urgentWorkers   of the workers, how many only serve interactive and fresh work, so that a fresh DOI finds
 *                        a free worker even while every other one waits for budget with a backfill call
 * @param shares          the minimum share of ORCID's budget of backfill, reads and housekeeping
 */
public record PushSettings(String instanceId, int workers, int bulkSize, Duration lease, int maxAttempts,
        Duration backoffBase, Duration backoffMax, double requestsPerSecond, int burst, Duration coolOff,
        int rateLimitedRetries, Duration pollInterval, int urgentWorkers, BudgetShares shares) {

    public static final int ORCID_MAX_BULK = 100;
    public static final double ORCID_REQUESTS_PER_SECOND = 24;
    public static final int ORCID_BURST = 40;

    public PushSettings {
        Objects.requireNonNull(instanceId, "instanceId");
        if (workers < 1) {
            throw new IllegalArgumentException("pidlink.push.workers must be at least 1, got " + workers);
        }
        if (bulkSize < 1 || bulkSize > ORCID_MAX_BULK) {
            throw new IllegalArgumentException("pidlink.push.bulk-size must be 1.." + ORCID_MAX_BULK + ", got " + bulkSize);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("pidlink.push.max-attempts must be at least 1, got " + maxAttempts);
        }
        if (requestsPerSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("pidlink.push.requests-per-second and burst must be positive");
        }
        requirePositive(lease, "lease");
        requirePositive(backoffBase, "backoff-base");
        requirePositive(backoffMax, "backoff-max");
        requirePositive(coolOff, "cool-off");
        requirePositive(pollInterval, "poll-interval");
        if (urgentWorkers < 0 || urgentWorkers >= workers) {
            throw new IllegalArgumentException("pidlink.push.urgent-workers must be 0.." + (workers - 1)
                    + " (fewer than pidlink.push.workers), got " + urgentWorkers);
        }
        Objects.requireNonNull(shares, "shares");
        if (rateLimitedRetries < 0) {
            throw new IllegalArgumentException("pidlink.push.rate-limited-retries must be >= 0");
        }
    }

    /**
     * ORCID's limits; 16 workers, so that 24 calls a second stay in flight even when each bulk call of 100 works
     * takes ORCID over half a second; retries from 5 s, doubling up to 6 h, over 12 attempts: a single 5xx or
     * dropped connection among many good answers is retried within seconds, and an ORCID outage is waited out for
     * about two hours before the claim fails (an administrator can retry it then).
     */
    public static PushSettings defaults(String instanceId) {
        return new PushSettings(instanceId, 16, ORCID_MAX_BULK, Duration.ofMinutes(2), 12, Duration.ofSeconds(5),
                Duration.ofHours(6), ORCID_REQUESTS_PER_SECOND, ORCID_BURST, Duration.ofSeconds(1), 5,
                Duration.ofMillis(500), 2, BudgetShares.DEFAULTS);
    }

    public PushSettings withInstanceId(String id) {
        return new PushSettings(id, workers, bulkSize, lease, maxAttempts, backoffBase, backoffMax, requestsPerSecond,
                burst, coolOff, rateLimitedRetries, pollInterval, urgentWorkers, shares);
    }

    public PushSettings withWorkers(int count) {
        return new PushSettings(instanceId, count, bulkSize, lease, maxAttempts, backoffBase, backoffMax,
                requestsPerSecond, burst, coolOff, rateLimitedRetries, pollInterval,
                Math.min(urgentWorkers, count - 1), shares);
    }

    public PushSettings withMaxAttempts(int attempts) {
        return new PushSettings(instanceId, workers, bulkSize, lease, attempts, backoffBase, backoffMax,
                requestsPerSecond, burst, coolOff, rateLimitedRetries, pollInterval, urgentWorkers, shares);
    }

    public PushSettings withCoolOff(Duration duration) {
        return new PushSettings(instanceId, workers, bulkSize, lease, maxAttempts, backoffBase, backoffMax,
                requestsPerSecond, burst, duration, rateLimitedRetries, pollInterval, urgentWorkers, shares);
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException("pidlink.push." + name + " must be positive, got " + d);
        }
    }
}
