package org.pidlink.app.claims;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

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
     * A read of the researcher's ORCID record saw these works (every source's put-codes): pidlink learns how full
     * her record is (ORCID keeps 10,000 works), and works held back for a full record are written when room
     * appeared.
     */
    public void worksOnRecord(OrcidId orcid, Collection<Long> putCodes) {
        lifecycle.worksOnRecord(orcid, putCodes);
    }

    /** How many of the researcher's works wait for room on her full ORCID record ({@link ClaimStatus#RECORD_FULL}). */
    public int recordFullCount(OrcidId orcid) {
        return lifecycle.recordFullCount(orcid);
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
     * {@link #assertClaim} with what the researcher's filters read of the DOI's record (its state, whether it is a
     * version or part): a claim her filters hold back is stored {@link ClaimStatus#FILTERED}, with nothing queued,
     * or leaves her record if pidlink wrote it.
     */
    public ClaimResult assertClaim(OrcidId orcid, Doi doi, String registration, Provenance provenance,
            WorkPayload payload, RecordFacts facts) {
        return lifecycle.assertClaim(orcid, doi, registration, provenance, payload, facts);
    }

    /** {@link #assertClaims} with what the filters read of the DOI's record. */
    public Map<OrcidId, ClaimResult> assertClaims(List<OrcidId> orcids, Doi doi, String registration,
            Provenance provenance, WorkPayload payload, RecordFacts facts) {
        return lifecycle.assertClaims(orcids, doi, registration, provenance, payload, facts);
    }

    /**
     * {@link #assertClaim} for a batch of assertions (many researchers and DOIs, e.g. a batch of intake's work), in
     * one transaction and a bounded number of statements however many there are: one statement inserts every new
     * claim; only claims that exist already are asserted one by one.
     *
     * @return the result per assertion, in the order given
     */
    public List<ClaimResult> assertClaims(List<ClaimAssertion> assertions, String registration,
            Provenance provenance) {
        return lifecycle.assertAll(assertions, registration, provenance);
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

    /**
     * One page of the researcher's works, one row per DOI (newest first, by the DOI's first claim), and the
     * figures of all of them. The page's rows are read along an index and bounded by the page size; only the two
     * figures count all her claims (one index range scan).
     *
     * @param page       from 1; a page past the end answers the last one
     * @param clientName names a registration for her, e.g. "pidlink's auto-update client"
     */
    public ClaimsPage page(OrcidId orcid, int page, int size, Function<String, String> clientName) {
        if (size < 1 || size > 500) {
            throw new IllegalArgumentException("page size must be 1 to 500: " + size);
        }
        long[] figures = lifecycle.jdbc().sql("""
                SELECT count(DISTINCT doi) AS works, count(DISTINCT doi) FILTER (WHERE put_code IS NOT NULL) AS on_orcid
                FROM claim WHERE orcid = :orcid""").param("orcid", orcid.value())
                .query((rs, n) -> new long[] {rs.getLong("works"), rs.getLong("on_orcid")}).single();
        int pages = (int) Math.max(1, (figures[0] + size - 1) / size);
        int shown = Math.min(Math.max(1, page), pages);
        // A DOI's row is placed by its first claim (the one with no older claim on the DOI): the page is read
        // along the claim_newest index and bounded by LIMIT, then the DOIs' other claims are looked up.
        Map<String, List<ClaimView>> byDoi = new LinkedHashMap<>();
        lifecycle.jdbc().sql("SELECT " + ClaimRows.COLUMNS + """
                 FROM claim WHERE claim.orcid = :orcid
                  AND NOT EXISTS (SELECT 1 FROM claim o WHERE o.orcid = claim.orcid AND o.doi = claim.doi
                                                        AND o.id < claim.id)
                ORDER BY claim.created_at DESC, claim.id DESC LIMIT :size OFFSET :offset""")
                .param("orcid", orcid.value()).param("size", size).param("offset", (shown - 1) * size)
                .query((rs, n) -> ClaimRows.view(rs)).list()
                .forEach(c -> byDoi.put(c.doi(), new ArrayList<>(List.of(c))));
        forResearcher(orcid, byDoi.keySet().stream().map(Doi::new).toList()).stream()
                .filter(c -> byDoi.get(c.doi()).stream().noneMatch(first -> first.id() == c.id()))
                .forEach(c -> byDoi.get(c.doi()).add(c));
        List<WorkRow> rows = byDoi.values().stream().map(claims -> WorkRow.of(claims, clientName)).toList();
        return new ClaimsPage(rows, shown, size, figures[0], figures[1]);
    }

    /** Whether the researcher reviews new works first (otherwise pidlink writes them automatically). */
    public boolean reviewFirst(OrcidId orcid) {
        return lifecycle.reviewFirst(orcid);
    }

    /**
     * Sets her write mode: in review first, additions only auto-update found wait for her approval
     * ({@link ClaimStatus#AWAITING_REVIEW}); back to automatic, they are written.
     */
    public void setReviewFirst(OrcidId orcid, boolean reviewFirst) {
        lifecycle.setReviewFirst(orcid, reviewFirst);
    }

    /** Approves her claims awaiting review ({@code claimIds} null: all); they are written at once. */
    public int approve(OrcidId orcid, @Nullable List<Long> claimIds) {
        return lifecycle.approve(orcid, claimIds);
    }

    /**
     * Dismisses her claims awaiting review ({@code claimIds} null: all): never proposed again, even when the DOI
     * arrives again with new metadata, until she brings it back ({@link #putBack}).
     */
    public int dismiss(OrcidId orcid, @Nullable List<Long> claimIds) {
        return lifecycle.dismiss(orcid, claimIds);
    }

    /** One page of her claims awaiting review, newest first, from the review index (bounded by the page). */
    public ReviewPage awaitingReview(OrcidId orcid, int page, int size) {
        if (size < 1 || size > 500) {
            throw new IllegalArgumentException("page size must be 1 to 500: " + size);
        }
        long total = lifecycle.jdbc().sql("SELECT count(*) FROM claim WHERE orcid = :orcid AND status = 'AWAITING_REVIEW'")
                .param("orcid", orcid.value()).query(Long.class).single();
        int pages = (int) Math.max(1, (total + size - 1) / size);
        int shown = Math.min(Math.max(1, page), pages);
        List<ReviewItem> items = lifecycle.jdbc().sql("SELECT " + ClaimRows.COLUMNS + """
                 , (SELECT w.work_json FROM claim_work w WHERE w.payload_hash = claim.payload_hash) AS work_json
                 FROM claim WHERE orcid = :orcid AND status = 'AWAITING_REVIEW'
                ORDER BY created_at DESC, id DESC LIMIT :size OFFSET :offset""")
                .param("orcid", orcid.value()).param("size", size).param("offset", (shown - 1) * size)
                .query((rs, n) -> ReviewItem.of(ClaimRows.view(rs), rs.getString("work_json"))).list();
        return new ReviewPage(items, shown, size, total);
    }

    /** The researcher's claims on these DOIs (all registrations), e.g. to mark search results she claimed. */
    /**
     * The researcher's claims whose work is on her record (a put-code), without their works: as many as her record
     * holds (ORCID's cap: 10,000), however many claims she has (a hyper-author's 50,000), read along claim_on_record.
     */
    public List<WrittenClaim> written(OrcidId orcid) {
        return lifecycle.jdbc().sql("""
                        SELECT id, doi, registration_id, put_code FROM claim
                        WHERE orcid = :orcid AND put_code IS NOT NULL""")
                .param("orcid", orcid.value())
                .query((rs, n) -> new WrittenClaim(rs.getLong("id"), rs.getString("doi"),
                        rs.getString("registration_id"), rs.getLong("put_code")))
                .list();
    }

    /** The researcher's newest claims waiting for her permission, at most {@code limit}, newest first. */
    public List<ClaimView> waitingForPermission(OrcidId orcid, int limit) {
        return lifecycle.jdbc().sql("SELECT " + ClaimRows.COLUMNS + """
                         FROM claim WHERE orcid = :orcid AND status = 'WAITING_FOR_PERMISSION'
                        ORDER BY created_at DESC, id DESC LIMIT :limit""")
                .param("orcid", orcid.value()).param("limit", limit)
                .query((rs, n) -> ClaimRows.view(rs)).list();
    }

    public List<ClaimView> forResearcher(OrcidId orcid, Collection<Doi> dois) {
        if (dois.isEmpty()) {
            return List.of();
        }
        return lifecycle.jdbc().sql("SELECT " + ClaimRows.COLUMNS
                        + " FROM claim WHERE orcid = :orcid AND doi = ANY(CAST(:dois AS text[])) ORDER BY doi, registration_id")
                .param("orcid", orcid.value())
                .param("dois", ClaimRows.arrayLiteral(dois.stream().map(Doi::value).toList()))
                .query((rs, n) -> ClaimRows.view(rs)).list();
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

    /**
     * Claims on DOIs under any of {@code prefixes} ({@code 10.5072}) that changed after the claim
     * {@code (afterUpdatedAt, afterId)}, in order of change, at most {@code limit}: how the registrants feature
     * follows the claims on its registrants' DOIs.
     */
    public List<ClaimView> changedUnderPrefixes(Collection<String> prefixes, Instant afterUpdatedAt, long afterId,
            int limit) {
        if (prefixes.isEmpty()) {
            return List.of();
        }
        return lifecycle.jdbc().sql("SELECT " + ClaimRows.COLUMNS
                        + " FROM claim WHERE doi LIKE ANY(:patterns) AND (updated_at, id) > (:after, :afterId)"
                        + " ORDER BY updated_at, id LIMIT :limit")
                .param("patterns", prefixes.stream().map(p -> p + "/%").toArray(String[]::new))
                .param("after", Timestamp.from(afterUpdatedAt)).param("afterId", afterId)
                .param("limit", limit).query((rs, n) -> ClaimRows.view(rs)).list();
    }

    /**
     * A number that grows whenever this instance changes claims: an answer made from claims read after it was
     * {@code n} is current (as far as this instance knows) while it is still {@code n}.
     */
    public long changes() {
        return lifecycle.changes().value();
    }

    /**
     * The links to each of {@code dois} (every status), by researcher then registration, without the works, in one
     * indexed query: the public lookup reads the DOIs asked for at the same moment together. A DOI without links is
     * not in the map.
     */
    public Map<String, List<ClaimLink>> linksOfDois(Collection<Doi> dois) {
        Map<String, List<ClaimLink>> links = new HashMap<>();
        if (dois.isEmpty()) {
            return links;
        }
        lifecycle.jdbc().sql("SELECT " + LINK_COLUMNS + """
                         FROM claim WHERE doi = ANY(:dois)
                        ORDER BY doi, orcid, registration_id""")
                .param("dois", dois.stream().map(Doi::value).distinct().toArray(String[]::new))
                .query((rs, n) -> link(rs)).list()
                .forEach(link -> links.computeIfAbsent(link.doi(), d -> new ArrayList<>(4)).add(link));
        return links;
    }

    /**
     * A page of the researcher's links (only those whose work is on ORCID when {@code onlyInOrcid}), by DOI then
     * registration, starting after the link ({@code afterDoi}, {@code afterRegistration}) (empty strings: from the
     * start), at most {@code limit}. Keyset paging on the claim's (orcid, doi, registration) index: a page costs the
     * same however many claims she has.
     */
    public List<ClaimLink> linksOfResearcher(OrcidId orcid, boolean onlyInOrcid, String afterDoi,
                                             String afterRegistration, int limit) {
        return lifecycle.jdbc().sql("SELECT " + LINK_COLUMNS + """
                         FROM claim WHERE orcid = :orcid AND (doi, registration_id) > (:doi, :registration)
                          AND (NOT :only OR status = ANY(:inOrcid))
                        ORDER BY doi, registration_id LIMIT :limit""")
                .param("orcid", orcid.value()).param("doi", afterDoi).param("registration", afterRegistration)
                .param("only", onlyInOrcid).param("inOrcid", IN_ORCID).param("limit", limit)
                .query((rs, n) -> link(rs)).list();
    }

    private static final String LINK_COLUMNS = "orcid, doi, registration_id, provenance, status, updated_at";
    private static final String[] IN_ORCID = Arrays.stream(ClaimStatus.values()).filter(ClaimStatus::inOrcid)
            .map(ClaimStatus::name).toArray(String[]::new);

    private static ClaimLink link(ResultSet rs) throws SQLException {
        return new ClaimLink(rs.getString("orcid"), rs.getString("doi"), rs.getString("registration_id"),
                ClaimRows.provenance(rs.getArray("provenance")), ClaimStatus.valueOf(rs.getString("status")),
                Objects.requireNonNull(ClaimRows.instant(rs, "updated_at")));
    }

    /** The researchers who claim {@code doi} and want it on their record. */
    public List<OrcidId> orcidsForDoi(Doi doi) {
        return lifecycle.jdbc().sql("SELECT DISTINCT orcid FROM claim WHERE doi = :doi AND wanted ORDER BY orcid")
                .param("doi", doi.value()).query((rs, n) -> new OrcidId(rs.getString(1))).list();
    }

    /**
     * "Sync now": held writes are checked again against her permissions, then the researcher's queued writes
     * (including failed ones waiting for their next attempt) run first, before other researchers'.
     */
    public SyncOutcome syncNow(OrcidId orcid) {
        return lifecycle.syncNow(orcid);
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
     * "Exclude": the work leaves her ORCID record (if pidlink wrote it) and is never written again until she
     * includes it again ({@link #putBack}).
     *
     * @return whether the work leaves her record (a deletion is queued), as the exclusion decided it
     * @throws ClaimNotFoundException when there is no such claim
     */
    public boolean exclude(long claimId) {
        return lifecycle.exclude(claimId);
    }

    /** "Sync now" for one work: its queued write runs first, if her permissions allow it. */
    public ClaimView syncNow(long claimId) {
        lifecycle.syncNow(claimId);
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
