package org.pidlink.app.claims;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.pidlink.core.identifiers.OrcidId;

/**
 * What the push engine reads of the claims: the next call to make for a researcher, already checked against her
 * permission. Claims are the queue's unit of work ({@code queued_action}, {@code due_at}); the push engine keeps only
 * the schedule of researchers and their leases. Thread-safe.
 */
public final class ClaimQueue {

    private final ClaimLifecycle lifecycle;

    ClaimQueue(ClaimLifecycle lifecycle) {
        this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
    }

    /**
     * The researcher's next call, if one is due and allowed: one deletion, or up to {@code bulkSize} additions
     * with one registration, or one update, in that order. Due writes that may not run now (no permission,
     * revoked, auto-update off) are held on the way, with the reason shown to the researcher.
     */
    public Optional<WriteBatch> nextWrite(OrcidId orcid, int bulkSize) {
        return lifecycle.nextWrite(orcid, bulkSize);
    }

    /** When the researcher's writes are due (her schedule). */
    public DueWrites dueWrites(OrcidId orcid) {
        return lifecycle.dueWrites(orcid);
    }

    /** Every researcher with a due write (re-deriving the whole schedule). */
    public List<DueWrites> allDueWrites() {
        return lifecycle.allDueWrites();
    }

    /** Whether any write is queued for the researcher, due or not. */
    public boolean hasQueuedWork(OrcidId orcid) {
        return lifecycle.hasQueuedWork(orcid);
    }
}
