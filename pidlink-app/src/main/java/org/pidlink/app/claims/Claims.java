package org.pidlink.app.claims;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.pidlink.core.identifiers.Doi;
import org.pidlink.core.identifiers.OrcidId;

/**
 * The claims feature's API for the features that assert links and for the people who act on them: who authored
 * which DOI, for which ORCID client, and what pidlink has written to ORCID about it. Every change that needs a
 * write to ORCID queues it for the push engine; this class never calls ORCID itself. The transitions themselves
 * live in {@link ClaimLifecycle}.
 *
 * <p>Thread-safe. Each method runs in its own transaction (or joins the caller's, when the caller runs one on
 * the same {@code DataSource}).
 */
public final class Claims {

    private final ClaimLifecycle lifecycle;

    Claims(ClaimLifecycle lifecycle) {
        this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
    }

    /**
     * Asserts that {@code orcid} authored {@code doi}, to be written with the ORCID client {@code registration}.
     * Creates the claim or adds the provenance to it, stores the payload, and queues what has to be written:
     * an addition for a new claim, an update when the payload's hash differs from the one last written,
     * nothing when it is the same. A claim waits (without a queued write running) while pidlink lacks the
     * researcher's permission, or auto-update is off and only auto-update asserted it. A work the researcher
     * removed is not added again.
     */
    public ClaimResult assertClaim(OrcidId orcid, Doi doi, String registration, Provenance provenance,
            WorkPayload payload) {
        return lifecycle.assertClaim(orcid, doi, registration, provenance, payload);
    }

    /**
     * {@link #assertClaim} for every researcher one record names, in one transaction and a bounded number of
     * statements however many there are (a record of a large collaboration names thousands).
     *
     * @return the result per researcher, in the order given
     */
    public Map<OrcidId, ClaimResult> assertClaims(List<OrcidId> orcids, Doi doi, String registration,
            Provenance provenance, WorkPayload payload) {
        return lifecycle.assertClaims(orcids, doi, registration, provenance, payload);
    }

    /**
     * The researcher's ORCID record already holds a work for {@code doi}, read back from ORCID (the import):
     * the link is recorded with {@code provenance} and nothing is written to ORCID for it.
     * <ul>
     * <li>A work of the claim's own ORCID client ({@code ourPutCode} given): the claim adopts its put-code, so a
     * later assertion with other metadata updates that work instead of adding a second one; a write already
     * waiting to add the work becomes an update.</li>
     * <li>A work of another source ({@code ourPutCode} null): the claim is kept out of pidlink's writes, so pidlink
     * never adds a copy of it (and a queued addition is cancelled); the researcher can still ask for pidlink's
     * own copy with "put it back".</li>
     * </ul>
     * A claim pidlink may already have written (it holds a put-code or a POST may have reached ORCID), or one the
     * researcher keeps out, only gains the provenance.
     *
     * @param payload what the read-back work says, stored as the claim's payload for a new claim
     * @param source  who added the work on ORCID, for the status reason
     * @return whether pidlink knew the work already (nothing but the provenance changed)
     */
    public boolean recordFoundOnOrcid(OrcidId orcid, Doi doi, String registration, Provenance provenance,
            WorkPayload payload, @Nullable Long ourPutCode, String source) {
        return lifecycle.recordFoundOnOrcid(orcid, doi, registration, provenance, payload, ourPutCode, source);
    }

    /**
     * Brings a claim in line with its researcher's ORCID record as read back after the record changed (ORCID's
     * webhook); nothing is written to ORCID. The claim must still hold {@code putCodeSeen}, the put-code it had
     * before the record was read, or nothing changes (a write since then knows better).
     * <ul>
     * <li>{@code putCodeOnOrcid} null: the researcher deleted the work on ORCID. The claim becomes
     * {@link ClaimStatus#REMOVED_BY_RESEARCHER} and is kept out, exactly as when ORCID answers 404 to an update:
     * pidlink does not add it again unless the researcher asks ("put it back").</li>
     * <li>Otherwise the work of the claim's own ORCID client is on the record under another put-code: the claim
     * adopts it, so later updates go to that work.</li>
     * </ul>
     *
     * @return whether the claim changed
     */
    public boolean reconcileWithOrcid(long claimId, long putCodeSeen, @Nullable Long putCodeOnOrcid) {
        return lifecycle.reconcileWithOrcid(claimId, putCodeSeen, putCodeOnOrcid);
    }

    /**
     * {@code provenance} no longer asserts the claim (the link was removed from the metadata, the DOI is no
     * longer findable, a filter now excludes it). When no provenance remains, the work is deleted from ORCID
     * (or the claim simply forgotten when it was never written).
     */
    public void withdraw(OrcidId orcid, Doi doi, String registration, Provenance provenance, String reason) {
        lifecycle.withdraw(orcid, doi, registration, provenance, reason);
    }

    /** The researcher's claims, newest first. */
    public List<ClaimView> forResearcher(OrcidId orcid) {
        return lifecycle.jdbc().sql("SELECT " + ClaimRows.COLUMNS
                        + " FROM claim WHERE orcid = :orcid ORDER BY created_at DESC, id DESC")
                .param("orcid", orcid.value()).query((rs, n) -> ClaimRows.view(rs)).list();
    }

    /** How far pidlink has come writing the researcher's works ("written N of M" while her backfill runs). */
    public WriteProgress writeProgress(OrcidId orcid) {
        return lifecycle.jdbc().sql("""
                SELECT count(*) FILTER (WHERE status IN ('IN_ORCID', 'UNCHANGED') AND queued_action IS NULL) AS written,
                       count(*) FILTER (WHERE queued_action IN ('ADD', 'UPDATE') AND due_at IS NOT NULL) AS to_write
                FROM claim WHERE orcid = :orcid""")
                .param("orcid", orcid.value())
                .query((rs, n) -> new WriteProgress(rs.getLong("written"), rs.getLong("to_write"))).single();
    }

    /** One claim, by id. */
    public Optional<ClaimView> find(long claimId) {
        return lifecycle.jdbc().sql("SELECT " + ClaimRows.COLUMNS + " FROM claim WHERE id = :id").param("id", claimId)
                .query((rs, n) -> ClaimRows.view(rs)).optional();
    }

    /**
     * Every claim on {@code doi}, whatever its status, by researcher then registration: the inverse lookup's
     * "which iDs are linked to this DOI".
     */
    public List<ClaimView> forDoi(Doi doi) {
        return lifecycle.jdbc().sql("SELECT " + ClaimRows.COLUMNS
                        + " FROM claim WHERE doi = :doi ORDER BY orcid, registration_id, id")
                .param("doi", doi.value()).query((rs, n) -> ClaimRows.view(rs)).list();
    }

    /** The researchers who claim {@code doi} and want it on their record. */
    public List<OrcidId> orcidsForDoi(Doi doi) {
        return lifecycle.jdbc().sql("SELECT DISTINCT orcid FROM claim WHERE doi = :doi AND wanted ORDER BY orcid")
                .param("doi", doi.value()).query((rs, n) -> new OrcidId(rs.getString(1))).list();
    }

    /**
     * "Sync now": the researcher's queued writes (including failed ones waiting for their next attempt) run
     * first, before other researchers'.
     */
    public void syncNow(OrcidId orcid) {
        lifecycle.syncNow(orcid);
    }

    /**
     * "Put it back": the researcher wants a work they removed (on ORCID, or with "remove all my works") on
     * their record again.
     *
     * @throws ClaimNotFoundException when there is no such claim
     */
    public ClaimView putBack(long claimId) {
        lifecycle.putBack(claimId);
        return find(claimId).orElseThrow(() -> new ClaimNotFoundException(claimId));
    }

    /**
     * "Remove all my works from ORCID": every work pidlink wrote to the researcher's record is deleted, and none
     * is added again until the researcher puts it back.
     *
     * @return how many deletions were queued
     */
    public int removeAllFromOrcid(OrcidId orcid) {
        return lifecycle.removeAllFromOrcid(orcid);
    }

    /**
     * Administrator's retry of a claim that failed permanently (or a forced retry of one waiting for its next
     * attempt): the queued write runs again now, with a fresh attempt count.
     *
     * @throws ClaimNotFoundException when there is no such claim
     */
    public ClaimView retry(long claimId) {
        lifecycle.retry(claimId);
        return find(claimId).orElseThrow(() -> new ClaimNotFoundException(claimId));
    }

    /**
     * The researcher's permissions changed (granted, revoked, auto-update switched): held claims whose write is
     * now allowed are queued (the backfill), queued claims whose write is no longer allowed are held. Claims' own
     * listeners of the accounts events call it.
     *
     * @param registration the registration whose permission changed, or {@code null} for all of them
     */
    void permissionsChanged(OrcidId orcid, @Nullable String registration) {
        lifecycle.permissionsChanged(orcid, registration);
    }
}
