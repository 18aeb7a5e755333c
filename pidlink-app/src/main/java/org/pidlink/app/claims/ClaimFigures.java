package org.pidlink.app.claims;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Claims and their queued writes counted at one moment (one grouped query): the read model administrators'
 * pages, reports and metrics use instead of reading the {@code claim} table.
 *
 * @param byStatus  claims per status, every status present (0 when none)
 * @param queued    claims with a write queued (due, waiting for a retry, or held)
 * @param oldestDue when the longest-waiting due write became due; null when nothing is due
 */
public record ClaimFigures(Map<ClaimStatus, Long> byStatus, long queued, @Nullable Instant oldestDue) {

    public ClaimFigures {
        byStatus = Map.copyOf(byStatus);
    }
}
