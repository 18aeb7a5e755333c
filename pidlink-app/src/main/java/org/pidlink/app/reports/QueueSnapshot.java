package org.pidlink.app.reports;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.pidlink.app.claims.ClaimStatus;

/**
 * The claims and the push queue at one moment.
 *
 * @param takenAt       when the database was asked
 * @param byStatus      claims per status, every status present (0 when none)
 * @param queued        claims with a write queued (due, waiting for a retry, or held)
 * @param oldestDueAge  how long the longest-waiting due write has been due; zero when nothing is due
 */
public record QueueSnapshot(Instant takenAt, Map<ClaimStatus, Long> byStatus, long queued, Duration oldestDueAge) {

    public QueueSnapshot {
        byStatus = Map.copyOf(byStatus);
    }

    public long claims(ClaimStatus status) {
        return byStatus.getOrDefault(status, 0L);
    }

    /** Claims whose last write failed and will be retried. */
    public long failing() {
        return claims(ClaimStatus.FAILED_WILL_RETRY);
    }
}
