package org.pidlink.app.reports;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.pidlink.app.claims.ClaimFigures;
import org.pidlink.app.claims.ClaimsOverview;

/**
 * Reads a {@link QueueSnapshot} from the claims' figures (one grouped query) and keeps it for a few seconds, so that
 * a scrape every few seconds by several collectors, and the health endpoint, cost one query between them.
 * Thread-safe.
 */
final class QueueSnapshots {

    private final ClaimsOverview claims;
    private final Clock clock;
    private final Duration maxAge;
    private final AtomicReference<QueueSnapshot> last = new AtomicReference<>();

    QueueSnapshots(ClaimsOverview claims, Clock clock, Duration maxAge) {
        this.claims = claims;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    /** The latest snapshot, read again when older than the maximum age. */
    public QueueSnapshot current() {
        QueueSnapshot snapshot = last.get();
        Instant now = clock.instant();
        if (snapshot != null && !snapshot.takenAt().plus(maxAge).isBefore(now)) {
            return snapshot;
        }
        // Two threads may both read at expiry: harmless, the query is cheap and either answer is current.
        QueueSnapshot fresh = read(now);
        last.set(fresh);
        return fresh;
    }

    /** A snapshot read now (and kept for the others): for a page an administrator just asked for. */
    public QueueSnapshot fresh() {
        QueueSnapshot snapshot = read(clock.instant());
        last.set(snapshot);
        return snapshot;
    }

    private QueueSnapshot read(Instant now) {
        ClaimFigures figures = claims.figures(now);
        Duration age = figures.oldestDue() == null ? Duration.ZERO : Duration.between(figures.oldestDue(), now);
        return new QueueSnapshot(now, figures.byStatus(), figures.queued(), age.isNegative() ? Duration.ZERO : age);
    }
}
