package org.pidlink.app.claims;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.pidlink.core.identifiers.OrcidId;

/**
 * How the push engine tells claims what ORCID answered; claims decides what each answer means for the claim's
 * status and its next write ({@link ClaimLifecycle}). Thread-safe.
 */
public final class ClaimOutcomes {

    private final ClaimLifecycle lifecycle;

    ClaimOutcomes(ClaimLifecycle lifecycle) {
        this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
    }

    /** One work of a write that ORCID accepted: it is on the record under {@code putCode} with this payload. */
    public record Written(long claimId, long putCode, String sentHash) {
    }

    /** Crash safety: called (and committed) before a POST, so a crash after it forces a recovery read. */
    public void postAttempted(List<QueuedWrite> batch) {
        lifecycle.postAttempted(batch);
    }

    /** ORCID holds these payloads; a claim changed meanwhile queues its next write. One statement per bulk. */
    public void written(List<Written> results) {
        lifecycle.written(results);
    }

    /** ORCID already holds the work under {@code putCode} (409 duplicate, or found by a read): update that work. */
    public void adopted(long claimId, long putCode, String reason) {
        lifecycle.adoptPutCode(claimId, putCode, reason);
    }

    /** A recovery read found nothing of ours for the claim: nothing reached ORCID, so it is added (again). */
    public void recoveredAbsent(long claimId) {
        lifecycle.recoveredAbsent(claimId);
    }

    /** The put-code must be found by reading the record before anything is written. */
    public void needsRecoveryRead(long claimId, String reason) {
        lifecycle.needsRecoveryRead(claimId, reason);
    }

    /** ORCID deleted the work (or it was never there); a claim wanted again is queued to be added. */
    public void deleted(long claimId) {
        lifecycle.deleted(claimId);
    }

    /** 404 for our put-code: the researcher deleted the work on ORCID, and it stays deleted. */
    public void removedByResearcher(long claimId, String orcidMessage) {
        lifecycle.removedByResearcher(claimId, null, orcidMessage);
    }

    /** ORCID refused for good; an administrator can retry. */
    public void failedPermanently(long claimId, String reason, @Nullable String orcidMessage,
            boolean postCertainlyRefused) {
        lifecycle.failedPermanently(claimId, reason, orcidMessage, postCertainlyRefused);
    }

    /** A transient failure: the write runs again at {@code dueAt}; a POST that may have arrived is read back first. */
    public void retryLater(long claimId, int attempts, Instant dueAt, String reason, @Nullable String orcidMessage) {
        lifecycle.retryLater(claimId, attempts, dueAt, reason, orcidMessage);
    }

    /** ORCID refused a whole POST before writing anything: its crash-safety markers can go. */
    public void postRefused(List<QueuedWrite> batch) {
        lifecycle.postRefused(batch);
    }

    /** ORCID rejected the researcher's token (401): the permission is marked revoked and her writes pause. */
    public void tokenRejected(OrcidId orcid, String registrationId, String orcidMessage) {
        lifecycle.tokenRejected(orcid, registrationId, orcidMessage);
    }

    /** Her writes with this registration cannot run (no client, scope missing): they wait, with the reason. */
    public void waitingForPermission(OrcidId orcid, String registrationId, String reason) {
        lifecycle.hold(orcid, registrationId, ClaimStatus.WAITING_FOR_PERMISSION, reason);
    }

    /**
     * ORCID refused an addition because the record holds 10,000 works (9048): another source filled it meanwhile.
     * Every remaining addition for her waits for room ({@link ClaimStatus#RECORD_FULL}) at once; none is retried.
     */
    public void recordFull(OrcidId orcid, String orcidMessage) {
        lifecycle.recordFull(orcid, orcidMessage);
    }

    /** A read of her record saw these works (every source's put-codes): how full it is, and room that appeared. */
    public void worksOnRecord(OrcidId orcid, Collection<Long> putCodes) {
        lifecycle.worksOnRecord(orcid, putCodes);
    }

    /** The record accepts no writes (deactivated, deprecated, locked, unknown): every queued write for it stops. */
    public void recordStopped(OrcidId orcid, String reason, String orcidMessage) {
        lifecycle.recordStopped(orcid, reason, orcidMessage);
    }
}
