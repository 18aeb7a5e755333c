package org.pidlink.app.claims;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.RowCallbackHandler;

/** The administrators' read model of claims: figures for the queue page, reports and metrics, and failures. */
public final class ClaimsOverview {

    private final ClaimLifecycle lifecycle;

    ClaimsOverview(ClaimLifecycle lifecycle) {
        this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
    }

    /** Every claim counted by status, with the queue's size and the oldest due write as of {@code now}. */
    public ClaimFigures figures(Instant now) {
        Map<ClaimStatus, Long> byStatus = new EnumMap<>(ClaimStatus.class);
        for (ClaimStatus status : ClaimStatus.values()) {
            byStatus.put(status, 0L);
        }
        long[] queued = {0};
        Instant[] oldestDue = {null};
        lifecycle.jdbc().sql("""
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
        return new ClaimFigures(byStatus, queued[0], oldestDue[0]);
    }

    /** Figures as of the claims' clock now. */
    public ClaimFigures figures() {
        return figures(lifecycle.clock().instant());
    }

    /** Claims in a status, oldest change first. */
    public List<ClaimView> inStatus(ClaimStatus status, int limit) {
        return lifecycle.jdbc().sql("SELECT " + ClaimRows.COLUMNS
                        + " FROM claim WHERE status = :status ORDER BY updated_at LIMIT :limit")
                .param("status", status.name()).param("limit", limit).query((rs, n) -> ClaimRows.view(rs)).list();
    }
}
