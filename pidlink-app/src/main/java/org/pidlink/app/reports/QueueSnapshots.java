package org.pidlink.app.reports;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.pidlink.app.claims.ClaimStatus;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads a {@link QueueSnapshot} with one grouped query and keeps it for a few seconds, so that a scrape every few
 * seconds by several collectors, and the health endpoint, cost one query between them. Thread-safe.
 */
public final class QueueSnapshots {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration maxAge;
    private final AtomicReference<QueueSnapshot> last = new AtomicReference<>();

    public QueueSnapshots(DataSource dataSource, Clock clock, Duration maxAge) {
        this.jdbc = JdbcClient.create(dataSource);
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
        Map<ClaimStatus, Long> byStatus = new EnumMap<>(ClaimStatus.class);
        for (ClaimStatus status : ClaimStatus.values()) {
            byStatus.put(status, 0L);
        }
        long[] queued = {0};
        Instant[] oldestDue = {null};
        jdbc.sql("""
                SELECT status, count(*) AS claims,
                       count(*) FILTER (WHERE queued_action IS NOT NULL) AS queued,
                       min(due_at) FILTER (WHERE queued_action IS NOT NULL AND due_at <= :now) AS oldest_due
                FROM claim GROUP BY status""")
                .param("now", Timestamp.from(now))
                .query((RowCallbackHandler) rs -> {
                    byStatus.put(ClaimStatus.valueOf(rs.getString("status")), rs.getLong("claims"));
                    queued[0] += rs.getLong("queued");
                    Timestamp due = rs.getTimestamp("oldest_due");
                    if (due != null && (oldestDue[0] == null || due.toInstant().isBefore(oldestDue[0]))) {
                        oldestDue[0] = due.toInstant();
                    }
                });
        Duration age = oldestDue[0] == null ? Duration.ZERO : Duration.between(oldestDue[0], now);
        return new QueueSnapshot(now, byStatus, queued[0], age.isNegative() ? Duration.ZERO : age);
    }
}
