package org.pidlink.app.claims;

import static org.pidlink.app.claims.ClaimStatus.AWAITING_REVIEW;
import static org.pidlink.app.claims.ClaimStatus.DELETED_FROM_ORCID;
import static org.pidlink.app.claims.ClaimStatus.DISMISSED;
import static org.pidlink.app.claims.ClaimStatus.FAILED_PERMANENTLY;
import static org.pidlink.app.claims.ClaimStatus.FAILED_WILL_RETRY;
import static org.pidlink.app.claims.ClaimStatus.FILTERED;
import static org.pidlink.app.claims.ClaimStatus.IN_ORCID;
import static org.pidlink.app.claims.ClaimStatus.PENDING;
import static org.pidlink.app.claims.ClaimStatus.PERMISSION_REVOKED;
import static org.pidlink.app.claims.ClaimStatus.QUEUED;
import static org.pidlink.app.claims.ClaimStatus.RECORD_FULL;
import static org.pidlink.app.claims.ClaimStatus.REMOVED_BY_RESEARCHER;
import static org.pidlink.app.claims.ClaimStatus.UNCHANGED;
import static org.pidlink.app.claims.ClaimStatus.WAITING_FOR_PERMISSION;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.pidlink.app.claims.ClaimRows.Row;
import org.pidlink.app.database.ChangeCounter;
import org.pidlink.app.database.LargeText;
import org.pidlink.app.orcid.CallClass;
import org.pidlink.core.identifiers.Doi;
import org.pidlink.core.identifiers.OrcidId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.jdbc.core.PreparedStatementSetter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every transition of a claim, in one place. A claim is one row of {@code claim}: who (iD) authored what (DOI) for
 * which ORCID client registration, the work to write, and where it stands ({@link ClaimStatus}) with the write it
 * has queued ({@link ClaimAction}, due now, later, or held while {@code due_at} is null).
 *
 * <p>The ways into each status:
 * <ul>
 * <li>{@link ClaimStatus#QUEUED}: asserted ({@link #assertClaim}), metadata changed, put back, retried, released
 * when permission arrives ({@link #permissionsChanged}), withdrawn while on ORCID ({@link #withdraw}: a deletion),
 * an adopted put-code or a recovery read that found nothing;</li>
 * <li>{@link ClaimStatus#WAITING_FOR_PERMISSION} and {@link ClaimStatus#PERMISSION_REVOKED}: a write that may not
 * run now ({@link #holdFor}, the one check), or ORCID refusing the token or scope ({@link #tokenRejected},
 * {@link #scopeMissing});</li>
 * <li>{@link ClaimStatus#IN_ORCID}: ORCID accepted the write ({@link #written}), or the work was found on ORCID
 * ({@link #recordFoundOnOrcid}); {@link ClaimStatus#UNCHANGED}: asserted again with the payload last written;</li>
 * <li>{@link ClaimStatus#FAILED_WILL_RETRY} ({@link #retryLater}) and {@link ClaimStatus#FAILED_PERMANENTLY}
 * ({@link #failedPermanently}, {@link #recordStopped});</li>
 * <li>{@link ClaimStatus#REMOVED_BY_RESEARCHER}: a 404 on update or delete, or the webhook's read-back
 * ({@link #removedByResearcher});</li>
 * <li>{@link ClaimStatus#DELETED_FROM_ORCID}: ORCID deleted it ({@link #deleted}), or it was kept out before it was
 * ever written;</li>
 * <li>{@link ClaimStatus#AWAITING_REVIEW}: an addition only auto-update asserted, for a researcher who reviews new
 * works first ({@link #holdFor}); {@link ClaimStatus#DISMISSED}: she dismissed it ({@link #dismiss});</li>
 * <li>{@link ClaimStatus#FILTERED}: her filters ({@link WorkFilters}) hold it back, decided in the statement that
 * asserts it, or when she or the administrators change the filters ({@link #applyFilters}); a work on her record
 * first leaves it (a deletion), and becomes filtered once deleted ({@link #deleted}).</li>
 * </ul>
 * Every change that affects the queue tells the {@link ClaimQueueListener} inside the same transaction. Every
 * statement takes its time from the injected clock, never from the database. Thread-safe.
 */
final class ClaimLifecycle {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final WriteAccessSource access;
    private final ClaimQueueListener queue;
    private final ClaimQueue claimQueue = new ClaimQueue(this);
    private final UnaryOperator<String> sameClient;
    private final WriteOrder order;
    private final ChangeCounter changes = new ChangeCounter();

    /**
     * @param sameClient maps a registration to the one whose ORCID client it uses (when two registrations share a
     *                   client, one work on the record must have one claim, holding both provenances)
     */
    ClaimLifecycle(DataSource dataSource, Clock clock, WriteAccessSource access, ClaimQueueListener queue,
            UnaryOperator<String> sameClient) {
        this(dataSource, clock, access, queue, sameClient, WriteOrder.defaults());
    }

    /** @param order which works are written first when a record cannot take them all (ORCID's cap) */
    ClaimLifecycle(DataSource dataSource, Clock clock, WriteAccessSource access, ClaimQueueListener queue,
            UnaryOperator<String> sameClient, WriteOrder order) {
        this.order = Objects.requireNonNull(order, "order");
        this.jdbc = JdbcClient.create(new JdbcTemplate(dataSource) {
            // Claims change in these updates (or in the transactions below): the public lookup's cache learns it.
            @Override
            protected int update(PreparedStatementCreator statement, @Nullable PreparedStatementSetter setter) {
                try {
                    return super.update(statement, setter);
                } finally {
                    changes.changed();
                }
            }
        });
        this.batch = new JdbcTemplate(dataSource);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource)) {
            // Every change to claims runs in one of these: the public lookup's cache learns that claims changed.
            @Override
            public <T> @Nullable T execute(TransactionCallback<T> action) {
                try {
                    return super.execute(action);
                } finally {
                    changes.changed();
                }
            }
        };
        this.clock = Objects.requireNonNull(clock, "clock");
        this.access = Objects.requireNonNull(access, "access");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.sameClient = Objects.requireNonNull(sameClient, "sameClient");
    }

    /** The queue's view of these claims, as handed to the listener. */
    ClaimQueue queue() {
        return claimQueue;
    }

    /** Grows whenever this instance changed claims (see {@link ChangeCounter}). */
    ChangeCounter changes() {
        return changes;
    }

    JdbcClient jdbc() {
        return jdbc;
    }

    Clock clock() {
        return clock;
    }

    // ---- asserted by a source, found on ORCID, withdrawn ---------------------------------------------------

    ClaimResult assertClaim(OrcidId orcid, Doi doi, String registration, Provenance provenance, WorkPayload payload) {
        return assertClaim(orcid, doi, registration, provenance, payload, RecordFacts.UNKNOWN);
    }

    /**
     * @param facts what the researcher's filters read of the DOI's record; the filters are decided in the statement
     *              that stores the claim (no query per claim)
     */
    ClaimResult assertClaim(OrcidId orcid, Doi doi, String registration, Provenance provenance, WorkPayload payload,
            RecordFacts facts) {
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(facts, "facts");
        String registrationId = registrationKey(registration);
        ClaimedWork work = ClaimedWork.of(payload, orcid);
        return Objects.requireNonNull(tx.execute(status -> {
            Instant now = clock.instant();
            storeWork(payload, now);
            Optional<Filtering> inserted = facts(jdbc.sql("""
                    INSERT INTO claim (orcid, doi, registration_id, provenance, payload_hash, status, status_reason,
                                       queued_action, created_at, updated_at, write_rank, named_as, doi_state,
                                       version_of, work_type, work_year, filtered_by, wanted)
                    SELECT :orcid, :doi, :reg, ARRAY[:prov]::text[], :hash,
                           CASE WHEN x.name IS NULL THEN :pending ELSE :filtered END, """
                    + WorkFilters.reasonSql("x.name", "c", "f") + """
                           , CASE WHEN x.name IS NULL THEN :add END, :now, :now, :rank, c.named_as, c.doi_state,
                           c.version_of, c.work_type, c.work_year, x.name, x.name IS NULL
                    """ + filterSource(WorkFilters.effectiveSql(":orcid")) + """
                    ON CONFLICT ON CONSTRAINT claim_triple DO NOTHING
                    RETURNING id, filtered_by, status_reason"""), facts, work)
                    .param("orcid", orcid.value()).param("doi", doi.value()).param("reg", registrationId)
                    .param("prov", provenance.name()).param("hash", payload.canonicalHash())
                    .param("pending", PENDING.name()).param("filtered", FILTERED.name())
                    .param("add", ClaimAction.ADD.name()).param("now", ts(now))
                    .param("rank", order.rank(work))
                    .query((rs, n) -> new Filtering(rs.getLong("id"), rs.getString("filtered_by"),
                            rs.getString("status_reason"))).optional();
            if (inserted.isPresent() && inserted.get().filteredBy() != null) {
                // Her filters keep it off her record: nothing queued, nothing to tell the queue.
                return new ClaimResult(inserted.get().id(), FILTERED, true, false);
            }
            if (inserted.isPresent()) {
                Hold hold = holdFor(orcid, registrationId, EnumSet.of(provenance), ClaimAction.ADD, false);
                setQueued(inserted.get().id(), ClaimAction.ADD, hold, now, false, classOfNew(provenance));
                if (hold == null) {
                    // A held claim adds no due write: rescheduling her and waking every push worker for each of a
                    // backfill's claims (intake of records for researchers not connected) only loads the database.
                    queue.queueChanged(orcid, claimQueue);
                }
                return new ClaimResult(inserted.get().id(), hold == null ? QUEUED : hold.status(), true, hold == null);
            }
            Row row = lockRow(orcid, doi, registrationId);
            Set<Provenance> provenances = EnumSet.copyOf(row.provenance().isEmpty() ? Set.of(provenance)
                    : row.provenance());
            provenances.add(provenance);
            // The facts are those of the latest metadata, and the filters are decided again with them.
            Filtering filtering = facts(jdbc.sql("""
                    UPDATE claim SET provenance = :prov::text[], payload_hash = :hash,
                                     wanted = NOT claim.kept_out AND x.name IS NULL, updated_at = :now,
                                     write_rank = :rank, named_as = coalesce(c.named_as, claim.named_as),
                                     doi_state = c.doi_state, version_of = c.version_of, work_type = c.work_type,
                                     work_year = c.work_year,
                                     filtered_by = CASE WHEN claim.kept_out THEN NULL ELSE x.name END
                    """ + filterSource(WorkFilters.effectiveSql(":orcid")) + """
                    WHERE claim.id = :id
                    RETURNING claim.id, claim.filtered_by, """ + WorkFilters.reasonSql("x.name", "c", "f")
                    + " AS status_reason"), facts, work)
                    .param("rank", order.rank(work)).param("orcid", orcid.value())
                    .param("prov", ClaimRows.pgArray(provenances))
                    .param("hash", payload.canonicalHash()).param("now", ts(now)).param("id", row.id())
                    .query((rs, n) -> new Filtering(rs.getLong("id"), rs.getString("filtered_by"),
                            rs.getString("status_reason"))).single();
            if (row.keptOut()) {
                return new ClaimResult(row.id(), row.status(), false, false);
            }
            if (filtering.filteredBy() != null) {
                ClaimStatus held = holdBack(row, orcid, Objects.requireNonNull(filtering.reason()), now,
                        provenance == Provenance.SEARCH_AND_LINK || provenance == Provenance.ADMIN
                                ? CallClass.INTERACTIVE : CallClass.FRESH);
                queue.queueChanged(orcid, claimQueue);
                return new ClaimResult(row.id(), held, false, false);
            }
            if (row.status() == RECORD_FULL) {
                // Still waiting for room on her record; its new payload and rank are what is written when room appears.
                return new ClaimResult(row.id(), RECORD_FULL, false, false);
            }
            boolean sameAsWritten = payload.canonicalHash().equals(row.writtenHash());
            ClaimAction action;
            if (row.mayBeInOrcid()) {
                if (sameAsWritten && row.putCode() != null && row.queuedAction() != ClaimAction.ADD) {
                    // Nothing to write; a queued deletion is cancelled because the claim qualifies again.
                    jdbc.sql("""
                            UPDATE claim SET queued_action = NULL, due_at = NULL, status = :unchanged,
                                             status_reason = NULL, orcid_message = NULL, attempts = 0
                            WHERE id = :id""").param("unchanged", UNCHANGED.name()).param("id", row.id()).update();
                    queue.queueChanged(orcid, claimQueue);
                    return new ClaimResult(row.id(), UNCHANGED, false, false);
                }
                action = row.queuedAction() == ClaimAction.ADD ? ClaimAction.ADD : ClaimAction.UPDATE;
            } else {
                if (row.status() == FAILED_PERMANENTLY && payload.canonicalHash().equals(row.payloadHash())) {
                    // ORCID refused this very payload; asserting it again changes nothing (an administrator can retry).
                    return new ClaimResult(row.id(), row.status(), false, false);
                }
                action = ClaimAction.ADD;
            }
            Hold hold = holdFor(orcid, registrationId, provenances, action, row.approved());
            boolean keepBackoff = row.status() == FAILED_WILL_RETRY && action == row.queuedAction();
            if (!keepBackoff || hold != null) {
                setQueued(row.id(), action, hold, now, row.status() != FAILED_WILL_RETRY,
                        provenance == Provenance.SEARCH_AND_LINK || provenance == Provenance.ADMIN
                                ? CallClass.INTERACTIVE : CallClass.BACKFILL);
            }
            queue.queueChanged(orcid, claimQueue);
            ClaimStatus result = hold != null ? hold.status() : keepBackoff ? row.status() : QUEUED;
            return new ClaimResult(row.id(), result, false, hold == null);
        }));
    }

    /** {@link #assertClaim} for every researcher one record names: {@link #assertAll} with one DOI and one work. */
    Map<OrcidId, ClaimResult> assertClaims(List<OrcidId> orcids, Doi doi, String registration, Provenance provenance,
            WorkPayload payload) {
        return assertClaims(orcids, doi, registration, provenance, payload, RecordFacts.UNKNOWN);
    }

    /** {@link #assertClaims} with what the researchers' filters read of the DOI's record. */
    Map<OrcidId, ClaimResult> assertClaims(List<OrcidId> orcids, Doi doi, String registration, Provenance provenance,
            WorkPayload payload, RecordFacts facts) {
        Objects.requireNonNull(payload, "payload");
        List<ClaimAssertion> assertions = orcids.stream().map(o -> new ClaimAssertion(o, doi, payload, facts))
                .toList();
        List<ClaimResult> done = assertAll(assertions, registration, provenance);
        Map<OrcidId, ClaimResult> results = new LinkedHashMap<>();
        for (int i = 0; i < orcids.size(); i++) {
            results.put(orcids.get(i), done.get(i));
        }
        return results;
    }

    /**
     * {@link #assertClaim} for many researchers and DOIs (a batch of intake's work: many records), in one
     * transaction and a bounded number of statements however many there are: the works are stored in one
     * statement, the new claims inserted in one, already waiting for permission, for review or queued as their
     * researcher's access says (asked once per researcher); only claims that exist already take
     * {@link #assertClaim}'s way one by one. Rows are inserted and locked in (iD, DOI) order, and researchers'
     * queues told in iD order, so that concurrent batches cannot deadlock.
     *
     * @return the result per assertion, in the order given
     */
    List<ClaimResult> assertAll(List<ClaimAssertion> assertions, String registration, Provenance provenance) {
        Objects.requireNonNull(provenance, "provenance");
        String registrationId = registrationKey(registration);
        if (assertions.isEmpty()) {
            return List.of();
        }
        return Objects.requireNonNull(tx.execute(status -> {
            Instant now = clock.instant();
            Map<OrcidId, Optional<Hold>> holds = newClaimHolds(assertions, registrationId, provenance);
            Map<String, WorkPayload> works = new TreeMap<>();
            Map<String, Set<OrcidId>> namedBy = new HashMap<>();
            for (ClaimAssertion a : assertions) {
                works.putIfAbsent(a.payload().canonicalHash(), a.payload());
                namedBy.computeIfAbsent(a.payload().canonicalHash(), h -> new LinkedHashSet<>()).add(a.orcid());
            }
            storeWorks(works.values(), now);
            // Each work read once for all the researchers it is asserted for.
            Map<String, Map<OrcidId, ClaimedWork>> claimed = new HashMap<>();
            works.forEach((hash, payload) -> claimed.put(hash, ClaimedWork.ofAll(payload, namedBy.get(hash))));

            Integer[] sorted = new Integer[assertions.size()];
            Arrays.setAll(sorted, i -> i);
            Arrays.sort(sorted, Comparator.comparing((Integer i) -> assertions.get(i).orcid().value())
                    .thenComparing(i -> assertions.get(i).doi().value()));
            int n = sorted.length;
            String[] orcids = new String[n];
            String[] dois = new String[n];
            String[] hashes = new String[n];
            String[] statuses = new String[n];
            String[] reasons = new String[n];
            Boolean[] due = new Boolean[n];
            Integer[] ranks = new Integer[n];
            String[] namedAs = new String[n];
            String[] doiStates = new String[n];
            String[] versionsOf = new String[n];
            String[] workTypes = new String[n];
            Integer[] workYears = new Integer[n];
            for (int k = 0; k < n; k++) {
                ClaimAssertion a = assertions.get(sorted[k]);
                Hold hold = holds.get(a.orcid()).orElse(null);
                ClaimedWork work = claimed.get(a.payload().canonicalHash()).get(a.orcid());
                orcids[k] = a.orcid().value();
                dois[k] = a.doi().value();
                hashes[k] = a.payload().canonicalHash();
                statuses[k] = hold == null ? QUEUED.name() : hold.status().name();
                reasons[k] = hold == null ? null : hold.reason();
                due[k] = hold == null;
                ranks[k] = order.rank(work);
                namedAs[k] = work.namedAs();
                doiStates[k] = a.facts().doiState();
                versionsOf[k] = a.facts().versionOf();
                workTypes[k] = work.type().isEmpty() ? null : work.type();
                workYears[k] = work.year();
            }
            // Each researcher's filters are decided in the statement (WorkFilters): a claim they hold back is stored
            // FILTERED with nothing queued.
            Map<List<String>, Inserted> inserted = new HashMap<>();
            jdbc.sql("""
                    INSERT INTO claim (orcid, doi, registration_id, provenance, payload_hash, status, status_reason,
                                       queued_action, queued_class, due_at, created_at, updated_at, write_rank,
                                       named_as, doi_state, version_of, work_type, work_year, filtered_by, wanted)
                    SELECT c.o, c.d, :reg, ARRAY[:prov]::text[], c.h, CASE WHEN x.name IS NULL THEN c.s ELSE :filtered END,
                           CASE WHEN x.name IS NULL THEN c.r ELSE """ + WorkFilters.reasonSql("x.name", "c", "f") + """
                           END, CASE WHEN x.name IS NULL THEN :add END, :class,
                           CASE WHEN c.due AND x.name IS NULL THEN CAST(:now AS timestamptz) END, :now, :now, c.rank,
                           c.named_as, c.doi_state, c.version_of, c.work_type, c.work_year, x.name, x.name IS NULL
                    FROM unnest(:orcids::text[], :dois::text[], :hashes::text[], :statuses::text[], :reasons::text[],
                                :due::boolean[], :ranks::int[], :namedAs::text[], :doiStates::text[],
                                :versionsOf::text[], :workTypes::text[], :workYears::int[])
                         WITH ORDINALITY AS c(o, d, h, s, r, due, rank, named_as, doi_state, version_of, work_type,
                                              work_year, n)
                    CROSS JOIN LATERAL """ + WorkFilters.effectiveSql("c.o") + """
                     f CROSS JOIN LATERAL (SELECT """ + WorkFilters.filteredBySql("c", "f") + """
                     AS name) x
                    ORDER BY c.n
                    ON CONFLICT ON CONSTRAINT claim_triple DO NOTHING
                    RETURNING id, orcid, doi, filtered_by""")
                    .param("reg", registrationId).param("prov", provenance.name())
                    .param("filtered", FILTERED.name())
                    .param("add", ClaimAction.ADD.name()).param("class", classOfNew(provenance).ordinal())
                    .param("now", ts(now)).param("orcids", orcids).param("dois", dois).param("hashes", hashes)
                    .param("statuses", statuses).param("reasons", reasons).param("due", due).param("ranks", ranks)
                    .param("namedAs", namedAs).param("doiStates", doiStates).param("versionsOf", versionsOf)
                    .param("workTypes", workTypes).param("workYears", workYears)
                    .query((rs, row) -> Map.entry(List.of(rs.getString("orcid"), rs.getString("doi")),
                            new Inserted(rs.getLong("id"), rs.getString("filtered_by") != null)))
                    .list().forEach(e -> inserted.put(e.getKey(), e.getValue()));
            ClaimResult[] results = new ClaimResult[n];
            Set<OrcidId> queued = new TreeSet<>(Comparator.comparing(OrcidId::value));
            for (int k = 0; k < n; k++) {
                int i = sorted[k];
                ClaimAssertion a = assertions.get(i);
                Inserted row = inserted.get(List.of(a.orcid().value(), a.doi().value()));
                if (row == null) {
                    results[i] = assertClaim(a.orcid(), a.doi(), registration, provenance, a.payload(), a.facts());
                    continue;
                }
                long id = row.id();
                if (row.filtered()) {
                    // Her filters keep it off her record: nothing queued, nothing to tell the queue.
                    results[i] = new ClaimResult(id, FILTERED, true, false);
                    continue;
                }
                Hold hold = holds.get(a.orcid()).orElse(null);
                results[i] = new ClaimResult(id, hold == null ? QUEUED : hold.status(), true, hold == null);
                if (hold == null) {
                    queued.add(a.orcid());
                }
            }
            // A held claim adds no due write: only researchers with a queued one are rescheduled.
            queued.forEach(orcid -> queue.queueChanged(orcid, claimQueue));
            return List.of(results);
        }));
    }

    /**
     * What holds a new claim of each researcher ({@link #holdFor} for an addition not yet approved), asked once per
     * researcher: researchers who never connected pidlink (most of a large collaboration) are found in one query and
     * share one answer.
     */
    private Map<OrcidId, Optional<Hold>> newClaimHolds(List<ClaimAssertion> assertions, String registrationId,
            Provenance provenance) {
        Set<OrcidId> orcids = new LinkedHashSet<>();
        assertions.forEach(a -> orcids.add(a.orcid()));
        Set<Provenance> provenances = EnumSet.of(provenance);
        Set<String> reviewing = awaitsReview(ClaimAction.ADD, false, provenances) ? reviewingFirst(orcids) : Set.of();
        Set<OrcidId> mayWrite = access.mayHaveAccess(orcids, registrationId);
        Map<OrcidId, Optional<Hold>> holds = new HashMap<>();
        Hold notConnected = null;
        for (OrcidId orcid : orcids) {
            Hold hold;
            if (reviewing.contains(orcid.value())) {
                hold = new Hold(AWAITING_REVIEW, null);
            } else if (mayWrite.contains(orcid)) {
                hold = holdFor(access.find(orcid, registrationId), provenances, ClaimAction.ADD);
            } else {
                // All alike: the first one's answer ("not connected") is everyone's.
                if (notConnected == null) {
                    notConnected = Objects.requireNonNull(holdFor(access.find(orcid, registrationId), provenances,
                            ClaimAction.ADD), "a researcher without permission is held");
                }
                hold = notConnected;
            }
            holds.put(orcid, Optional.ofNullable(hold));
        }
        return holds;
    }

    /** Of these researchers, those who review new works first: one query. */
    private Set<String> reviewingFirst(Collection<OrcidId> orcids) {
        return Set.copyOf(jdbc.sql("SELECT orcid FROM claim_write_mode WHERE review_first AND orcid = ANY(:orcids::text[])")
                .param("orcids", orcids.stream().map(OrcidId::value).toArray(String[]::new))
                .query(String.class).list());
    }

    boolean recordFoundOnOrcid(OrcidId orcid, Doi doi, String registration, Provenance provenance,
            WorkPayload payload, @Nullable Long ourPutCode, String source) {
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(payload, "payload");
        String registrationId = registrationKey(registration);
        boolean ours = ourPutCode != null;
        String reason = ours ? "found on the ORCID record (put-code " + ourPutCode + ")"
                : "on the ORCID record from " + source + ": pidlink adds no copy of it";
        return Objects.requireNonNull(tx.execute(status -> {
            Instant now = clock.instant();
            storeWork(payload, now);
            Optional<Long> inserted = jdbc.sql("""
                    INSERT INTO claim (orcid, doi, registration_id, provenance, payload_hash, written_hash,
                                       put_code, status, status_reason, wanted, kept_out, created_at, updated_at,
                                       written_at)
                    VALUES (:orcid, :doi, :reg, ARRAY[:prov]::text[], :hash, :written, :pc, :inOrcid,
                            :reason, :ours, NOT :ours, :now, :now, :writtenAt)
                    ON CONFLICT ON CONSTRAINT claim_triple DO NOTHING
                    RETURNING id""")
                    .param("orcid", orcid.value()).param("doi", doi.value()).param("reg", registrationId)
                    .param("prov", provenance.name())
                    .param("hash", payload.canonicalHash()).param("written", ours ? payload.canonicalHash() : null)
                    .param("pc", ourPutCode).param("inOrcid", IN_ORCID.name()).param("reason", reason)
                    .param("ours", ours).param("now", ts(now)).param("writtenAt", ours ? ts(now) : null)
                    .query(Long.class).optional();
            if (inserted.isPresent()) {
                return false;
            }
            Row row = lockRow(orcid, doi, registrationId);
            Set<Provenance> provenances = row.provenance().isEmpty() ? EnumSet.noneOf(Provenance.class)
                    : EnumSet.copyOf(row.provenance());
            boolean known = provenances.contains(provenance);
            provenances.add(provenance);
            jdbc.sql("UPDATE claim SET provenance = :prov::text[], updated_at = :now WHERE id = :id")
                    .param("prov", ClaimRows.pgArray(provenances)).param("now", ts(now)).param("id", row.id()).update();
            if (row.keptOut() || row.mayBeInOrcid()) {
                return known || row.keptOut() || row.putCode() != null;
            }
            if (ours) {
                jdbc.sql("UPDATE claim SET put_code = :pc, recover = false WHERE id = :id")
                        .param("pc", ourPutCode).param("id", row.id()).update();
                ClaimAction action = row.wanted() ? ClaimAction.UPDATE : ClaimAction.DELETE;
                setQueued(row.id(), action, holdFor(orcid, registrationId, provenances, action, row.approved()), now, true,
                        CallClass.BACKFILL);
            } else {
                jdbc.sql("""
                        UPDATE claim SET kept_out = true, wanted = false, queued_action = NULL, due_at = NULL,
                                         status = :inOrcid, status_reason = :reason, attempts = 0, orcid_message = NULL
                        WHERE id = :id""").param("inOrcid", IN_ORCID.name()).param("reason", reason)
                        .param("id", row.id()).update();
            }
            queue.queueChanged(orcid, claimQueue);
            return false;
        }));
    }

    boolean reconcileWithOrcid(long claimId, long putCodeSeen, @Nullable Long putCodeOnOrcid) {
        if (putCodeOnOrcid != null) {
            return jdbc.sql("""
                    UPDATE claim SET put_code = :adopted, status_reason = :reason, updated_at = :now
                    WHERE id = :id AND put_code = :seen""")
                    .param("adopted", putCodeOnOrcid)
                    .param("reason", "found on the ORCID record under put-code " + putCodeOnOrcid)
                    .param("now", ts(clock.instant())).param("id", claimId).param("seen", putCodeSeen)
                    .update() == 1;
        }
        return removedByResearcher(claimId, putCodeSeen, "put-code " + putCodeSeen + " is no longer on the ORCID record");
    }

    void withdraw(OrcidId orcid, Doi doi, String registration, Provenance provenance, String reason) {
        String registrationId = registrationKey(registration);
        tx.executeWithoutResult(status -> {
            Row row = findRow(orcid, doi, registrationId, true);
            if (row == null) {
                return;
            }
            Set<Provenance> remaining = row.provenance().isEmpty() ? EnumSet.noneOf(Provenance.class)
                    : EnumSet.copyOf(row.provenance());
            remaining.remove(provenance);
            Instant now = clock.instant();
            if (!remaining.isEmpty()) {
                jdbc.sql("UPDATE claim SET provenance = :prov::text[], updated_at = :now WHERE id = :id")
                        .param("prov", ClaimRows.pgArray(remaining)).param("now", ts(now)).param("id", row.id())
                        .update();
                return;
            }
            // A link gone from fresh metadata is fresh work; a researcher's own unclaim is interactive.
            leaveOrcid(row, orcid, registrationId, reason, now, false,
                    provenance == Provenance.SEARCH_AND_LINK ? CallClass.INTERACTIVE : CallClass.FRESH);
            queue.queueChanged(orcid, claimQueue);
        });
    }

    // ---- the researcher's and the administrator's actions ---------------------------------------------------

    SyncOutcome syncNow(OrcidId orcid) {
        return Objects.requireNonNull(tx.execute(status -> {
            // Held writes are looked at again first: the reason they waited may be gone (a missed event).
            permissionsChanged(orcid, null);
            Instant now = clock.instant();
            jdbc.sql("""
                    UPDATE claim SET due_at = LEAST(due_at, :now), queued_class = :interactive, updated_at = :now
                    WHERE orcid = :orcid AND queued_action IS NOT NULL AND due_at IS NOT NULL""")
                    .param("orcid", orcid.value()).param("now", ts(now))
                    .param("interactive", CallClass.INTERACTIVE.ordinal()).update();
            queue.syncRequested(orcid, claimQueue);
            return jdbc.sql("""
                    SELECT count(*) FILTER (WHERE due_at IS NOT NULL) AS writing,
                           count(*) FILTER (WHERE due_at IS NULL) AS held,
                           min(status_reason) FILTER (WHERE due_at IS NULL) AS reason
                    FROM claim WHERE orcid = :orcid AND queued_action IS NOT NULL""")
                    .param("orcid", orcid.value())
                    .query((rs, n) -> new SyncOutcome(rs.getLong("writing"), rs.getLong("held"), rs.getString("reason")))
                    .single();
        }));
    }

    void putBack(long claimId) {
        tx.executeWithoutResult(status -> {
            Row row = lockRow(claimId);
            if (!row.keptOut()) {
                return;
            }
            Instant now = clock.instant();
            jdbc.sql("""
                    UPDATE claim SET kept_out = false, wanted = true, put_code = NULL, written_hash = NULL,
                                     approved = true, updated_at = :now
                    WHERE id = :id""").param("now", ts(now)).param("id", row.id()).update();
            OrcidId orcid = new OrcidId(row.orcid());
            Hold hold = holdFor(orcid, row.registrationId(), row.provenance(), ClaimAction.ADD, true);
            // The recovery read finds the work if it is in fact still on the record, so it is never added twice.
            setQueued(row.id(), ClaimAction.ADD, hold, now, true, CallClass.INTERACTIVE);
            jdbc.sql("UPDATE claim SET recover = true WHERE id = :id").param("id", row.id()).update();
            // Back under her filters: one that holds it back keeps it off her record.
            applyFilters(orcid, CallClass.INTERACTIVE);
            queue.syncRequested(orcid, claimQueue);
        });
    }

    /**
     * "Exclude": she wants this work off her record for good: deleted from ORCID if pidlink may have written it
     * (interactive), never written otherwise, and kept out until she includes it again ({@link #putBack}).
     *
     * @return whether a deletion from her ORCID record is queued, as the exclusion left the claim (read in its
     *         transaction: the push engine may have run it by the time anyone reads the claim again)
     */
    boolean exclude(long claimId) {
        return Boolean.TRUE.equals(tx.execute(status -> {
            Row row = lockRow(claimId);
            if (!row.keptOut()) {
                OrcidId orcid = new OrcidId(row.orcid());
                leaveOrcid(row, orcid, row.registrationId(), "you excluded it", clock.instant(), true,
                        CallClass.INTERACTIVE);
                queue.syncRequested(orcid, claimQueue);
            }
            return jdbc.sql("SELECT queued_action = 'DELETE' FROM claim WHERE id = :id").param("id", claimId)
                    .query(Boolean.class).optional().orElse(false);
        }));
    }

    /** "Sync now" for one work: its queued write, if it may run, goes first (interactive). */
    void syncNow(long claimId) {
        tx.executeWithoutResult(status -> {
            Row row = lockRow(claimId);
            OrcidId orcid = new OrcidId(row.orcid());
            permissionsChanged(orcid, row.registrationId());
            Instant now = clock.instant();
            jdbc.sql("""
                    UPDATE claim SET due_at = LEAST(due_at, :now), queued_class = :interactive, updated_at = :now
                    WHERE id = :id AND queued_action IS NOT NULL AND due_at IS NOT NULL""")
                    .param("id", claimId).param("now", ts(now))
                    .param("interactive", CallClass.INTERACTIVE.ordinal()).update();
            queue.syncRequested(orcid, claimQueue);
        });
    }

    int removeAllFromOrcid(OrcidId orcid) {
        return Objects.requireNonNull(tx.execute(status -> {
            Instant now = clock.instant();
            // A work already deleted from ORCID stays as it is: it is not "removed before it was written".
            List<Row> rows = jdbc.sql("SELECT " + ClaimRows.ROW_COLUMNS
                            + " FROM claim WHERE orcid = :orcid AND NOT kept_out"
                            + " AND NOT (status = 'DELETED_FROM_ORCID' AND queued_action IS NULL) FOR UPDATE")
                    .param("orcid", orcid.value()).query((rs, n) -> ClaimRows.row(rs)).list();
            int deletions = 0;
            for (Row row : rows) {
                if (leaveOrcid(row, orcid, row.registrationId(), "you asked pidlink to remove all its works", now, true,
                        CallClass.INTERACTIVE)) {
                    deletions++;
                }
            }
            queue.syncRequested(orcid, claimQueue);
            return deletions;
        }));
    }

    void retry(long claimId) {
        tx.executeWithoutResult(status -> {
            Row row = lockRow(claimId);
            if (row.status() != FAILED_PERMANENTLY && row.status() != FAILED_WILL_RETRY) {
                return;
            }
            ClaimAction action = !row.wanted() ? (row.putCode() != null ? ClaimAction.DELETE : null)
                    : row.putCode() != null ? ClaimAction.UPDATE : ClaimAction.ADD;
            Instant now = clock.instant();
            if (action == null) {
                jdbc.sql("""
                        UPDATE claim SET queued_action = NULL, due_at = NULL, status = :deleted,
                                         status_reason = 'nothing to delete', updated_at = :now
                        WHERE id = :id""").param("deleted", DELETED_FROM_ORCID.name()).param("now", ts(now))
                        .param("id", row.id()).update();
            } else {
                OrcidId orcid = new OrcidId(row.orcid());
                setQueued(row.id(), action, holdFor(orcid, row.registrationId(), row.provenance(), action, row.approved()),
                        now, true,
                        CallClass.INTERACTIVE);
            }
            queue.queueChanged(new OrcidId(row.orcid()), claimQueue);
        });
    }

    /**
     * The researcher's permissions changed (granted, revoked, auto-update switched): held claims whose write is
     * now allowed are queued (the backfill), queued claims whose write is no longer allowed are held.
     *
     * @param registration the registration whose permission changed, or {@code null} for all of them
     */
    void permissionsChanged(OrcidId orcid, @Nullable String registration) {
        String registrationId = registration == null ? null : registrationKey(registration);
        tx.executeWithoutResult(status -> {
            Instant now = clock.instant();
            // A hold depends only on the registration's access, the provenance, the action and her approval: it is
            // decided once per such group (one token lookup per registration) and applied by one statement per group,
            // so switching auto-update on for a researcher with 50,000 queued claims costs a few statements, not
            // 50,000 (nor reading their works). Each statement re-checks its rows as it locks them, so a claim the
            // push engine finished meanwhile is left alone. Holding skips the claims the push engine has locked
            // right now: waiting for them deadlocked with its multi-row updates (a settings save answered 500 while
            // her backfill ran), and the engine checks the hold again before its next write of each claim.
            List<QueuedGroup> groups = jdbc.sql("""
                    SELECT DISTINCT registration_id, provenance, provenance::text AS provenance_text, queued_action,
                           approved
                    FROM claim WHERE orcid = :orcid AND queued_action IS NOT NULL
                      AND (CAST(:reg AS text) IS NULL OR registration_id = :reg)""")
                    .param("orcid", orcid.value()).param("reg", registrationId)
                    .query((rs, n) -> new QueuedGroup(rs.getString("registration_id"),
                            ClaimRows.provenance(rs.getArray("provenance")), rs.getString("provenance_text"),
                            ClaimAction.valueOf(rs.getString("queued_action")), rs.getBoolean("approved")))
                    .list();
            Map<String, WriteAccess> accessByRegistration = new HashMap<>();
            boolean reviewFirst = groups.stream().anyMatch(g -> awaitsReview(g.action(), g.approved(), g.provenance()))
                    && reviewFirst(orcid);
            for (QueuedGroup group : groups) {
                WriteAccess groupAccess = accessByRegistration.computeIfAbsent(group.registrationId(),
                        id -> access.find(orcid, id));
                Hold hold = reviewFirst && awaitsReview(group.action(), group.approved(), group.provenance())
                        ? new Hold(AWAITING_REVIEW, null)
                        : holdFor(groupAccess, group.provenance(), group.action());
                var update = hold != null
                        ? jdbc.sql("""
                                UPDATE claim SET due_at = NULL, status = :status, status_reason = :reason, updated_at = :now
                                WHERE id IN (SELECT id FROM claim
                                             WHERE orcid = :orcid AND registration_id = :reg
                                               AND provenance::text = :provenance AND queued_action = :action
                                               AND approved = :approved AND (due_at IS NOT NULL OR status <> :status)
                                             FOR UPDATE SKIP LOCKED)""")
                                .param("status", hold.status().name()).param("reason", hold.reason())
                        // Released by a grant or auto-update turned on: her existing DOIs, a backfill.
                        : jdbc.sql("""
                                UPDATE claim SET queued_class = :backfill, due_at = :now, status = :queued,
                                                 status_reason = NULL, attempts = 0, orcid_message = NULL, updated_at = :now
                                WHERE orcid = :orcid AND registration_id = :reg AND provenance::text = :provenance
                                  AND queued_action = :action AND approved = :approved AND due_at IS NULL""")
                                .param("backfill", CallClass.BACKFILL.ordinal()).param("queued", QUEUED.name());
                update.param("now", ts(now)).param("orcid", orcid.value()).param("reg", group.registrationId())
                        .param("provenance", group.provenanceText()).param("action", group.action().name())
                        .param("approved", group.approved()).update();
            }
            queue.queueChanged(orcid, claimQueue);
        });
    }

    /** Queued claims that share what decides their hold. */
    private record QueuedGroup(String registrationId, Set<Provenance> provenance, String provenanceText,
            ClaimAction action, boolean approved) {
    }

    // ---- the queue: the next write, checked once -----------------------------------------------------------

    /**
     * The researcher's next allowed call: one deletion, or up to {@code bulkSize} additions with one registration,
     * or one update, in that order. A due write that may not run now is held here (and the next one looked at),
     * so the push engine never sees a write it may not make.
     */
    Optional<WriteBatch> nextWrite(OrcidId orcid, int bulkSize) {
        // Each hold takes a whole registration's writes out, so this ends after at most one round per registration.
        for (int round = 0; round < 4; round++) {
            Optional<QueuedWrite> first = jdbc.sql("SELECT " + ClaimRows.QUEUED_COLUMNS + " " + """
                     FROM claim WHERE orcid = :orcid AND queued_action IS NOT NULL AND due_at <= :now
                    ORDER BY coalesce(queued_class, 2), CASE queued_action WHEN 'DELETE' THEN 0 WHEN 'ADD' THEN 1 ELSE 2 END,
                             due_at, id
                    LIMIT 1""").param("orcid", orcid.value()).param("now", ts(clock.instant()))
                    .query((rs, n) -> ClaimRows.queued(rs)).optional();
            if (first.isEmpty()) {
                return Optional.empty();
            }
            QueuedWrite head = first.get();
            switch (access.find(orcid, head.registrationId())) {
                case WriteAccess.Missing missing ->
                        hold(orcid, head.registrationId(), WAITING_FOR_PERMISSION, missing.reason());
                case WriteAccess.Revoked revoked ->
                        hold(orcid, head.registrationId(), PERMISSION_REVOKED, revoked.reason());
                case WriteAccess.Granted granted -> {
                    int room = head.action() == ClaimAction.ADD && !head.needsRecovery() ? room(orcid) : bulkSize;
                    if (room <= 0) {
                        // Writing would only earn a 9048: her remaining additions wait for room, in one statement.
                        holdForFullRecord(orcid, null);
                        continue;
                    }
                    List<QueuedWrite> batch = head.action() != ClaimAction.ADD || bulkSize == 1 ? List.of(head)
                            : additions(orcid, head.registrationId(), Math.min(bulkSize, room));
                    if (granted.autoUpdate() || batch.stream().noneMatch(ClaimLifecycle::onlyAutoUpdate)) {
                        return Optional.of(new WriteBatch(head.registrationId(), granted.accessToken(), batch,
                                head.callClass()));
                    }
                    // Auto-update was turned off after these were queued: they wait, the others go next round.
                    permissionsChanged(orcid, head.registrationId());
                }
            }
        }
        return Optional.empty();
    }

    private List<QueuedWrite> additions(OrcidId orcid, String registrationId, int bulkSize) {
        return jdbc.sql("SELECT " + ClaimRows.QUEUED_COLUMNS + " " + """
                 FROM claim WHERE orcid = :orcid AND registration_id = :reg AND queued_action = 'ADD'
                  AND due_at <= :now
                ORDER BY coalesce(queued_class, 2), write_rank, id LIMIT :limit""")
                .param("orcid", orcid.value()).param("reg", registrationId).param("now", ts(clock.instant()))
                .param("limit", bulkSize).query((rs, n) -> ClaimRows.queued(rs)).list();
    }

    boolean hasQueuedWork(OrcidId orcid) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM claim WHERE orcid = :orcid AND queued_action IS NOT NULL)")
                .param("orcid", orcid.value()).query(Boolean.class).single();
    }

    /**
     * Her earliest due write and most urgent class: each the first entry of an index (claim_due, claim_next_write),
     * so that the schedule, told of every change, costs the same for a researcher with 50,000 queued claims as
     * for one with 50 (an aggregate over her queued claims did not).
     */
    DueWrites dueWrites(OrcidId orcid) {
        return jdbc.sql("""
                SELECT (SELECT due_at FROM claim WHERE orcid = :orcid AND queued_action IS NOT NULL AND due_at IS NOT NULL
                        ORDER BY due_at LIMIT 1) AS due,
                       (SELECT coalesce(queued_class, 2) FROM claim
                        WHERE orcid = :orcid AND queued_action IS NOT NULL AND due_at IS NOT NULL
                        ORDER BY coalesce(queued_class, 2) LIMIT 1) AS priority""")
                .param("orcid", orcid.value())
                .query((rs, n) -> new DueWrites(orcid, ClaimRows.instant(rs, "due"), ClaimRows.callClass(rs, "priority")))
                .single();
    }

    List<DueWrites> allDueWrites() {
        return jdbc.sql("""
                SELECT orcid, min(due_at) AS due, min(coalesce(queued_class, 2)) AS priority
                FROM claim WHERE queued_action IS NOT NULL AND due_at IS NOT NULL GROUP BY orcid""")
                .query((rs, n) -> new DueWrites(new OrcidId(rs.getString("orcid")), ClaimRows.instant(rs, "due"),
                        ClaimRows.callClass(rs, "priority"))).list();
    }

    private static boolean onlyAutoUpdate(QueuedWrite write) {
        return write.provenance().equals(Set.of(Provenance.AUTO_UPDATE));
    }

    // ---- what ORCID answered ---------------------------------------------------------------------------------

    void postAttempted(List<QueuedWrite> batch) {
        jdbc.sql("""
                UPDATE claim c SET post_attempted_hash = r.hash, post_attempted_at = :now
                FROM unnest(CAST(:ids AS bigint[]), CAST(:hashes AS text[])) AS r(id, hash)
                WHERE c.id = r.id""")
                .param("now", ts(clock.instant()))
                .param("ids", ClaimRows.arrayLiteral(batch.stream().map(c -> Long.toString(c.claimId())).toList()))
                .param("hashes", ClaimRows.arrayLiteral(batch.stream().map(QueuedWrite::payloadHash).toList()))
                .update();
    }

    /**
     * The payloads are on ORCID under their put-codes. What is queued next depends on what happened to each claim
     * meanwhile: a newer payload is an update, a withdrawn claim a deletion. One statement for a whole bulk answer.
     */
    void written(List<ClaimOutcomes.Written> results) {
        if (results.isEmpty()) {
            return;
        }
        jdbc.sql("""
                UPDATE claim c SET put_code = r.put_code, written_hash = r.hash, written_at = :now,
                    post_attempted_hash = NULL, post_attempted_at = NULL, recover = false, attempts = 0,
                    orcid_message = NULL, updated_at = :now,
                    queued_action = CASE WHEN NOT c.wanted THEN :delete WHEN c.payload_hash <> r.hash THEN :update END,
                    queued_class = CASE WHEN NOT c.wanted THEN c.queued_class ELSE :backfill END,
                    due_at = CASE WHEN NOT c.wanted OR c.payload_hash <> r.hash THEN CAST(:now AS timestamptz) END,
                    status = CASE WHEN NOT c.wanted OR c.payload_hash <> r.hash THEN :queued ELSE :inOrcid END,
                    status_reason = CASE WHEN NOT c.wanted THEN c.status_reason
                                         WHEN c.payload_hash <> r.hash THEN 'the metadata changed while it was written'
                                    END
                FROM unnest(CAST(:ids AS bigint[]), CAST(:putCodes AS bigint[]), CAST(:hashes AS text[]))
                     AS r(id, put_code, hash)
                WHERE c.id = r.id""")
                .param("now", ts(clock.instant()))
                .param("delete", ClaimAction.DELETE.name()).param("update", ClaimAction.UPDATE.name())
                .param("queued", QUEUED.name()).param("inOrcid", IN_ORCID.name())
                .param("backfill", CallClass.BACKFILL.ordinal())
                .param("ids", ClaimRows.arrayLiteral(results.stream().map(w -> Long.toString(w.claimId())).toList()))
                .param("putCodes", ClaimRows.arrayLiteral(results.stream().map(w -> Long.toString(w.putCode())).toList()))
                .param("hashes", ClaimRows.arrayLiteral(results.stream().map(ClaimOutcomes.Written::sentHash).toList()))
                .update();
    }

    void adoptPutCode(long claimId, long putCode, String reason) {
        jdbc.sql("""
                UPDATE claim SET put_code = :pc, post_attempted_hash = NULL, post_attempted_at = NULL, recover = false,
                    queued_action = CASE WHEN wanted THEN :update ELSE :delete END, due_at = :now,
                    status = :queued, status_reason = :reason, updated_at = :now
                WHERE id = :id""")
                .param("pc", putCode).param("update", ClaimAction.UPDATE.name())
                .param("delete", ClaimAction.DELETE.name()).param("queued", QUEUED.name())
                .param("now", ts(clock.instant())).param("reason", reason).param("id", claimId).update();
    }

    void recoveredAbsent(long claimId) {
        jdbc.sql("""
                UPDATE claim SET post_attempted_hash = NULL, post_attempted_at = NULL, recover = false, put_code = NULL,
                    written_hash = NULL, queued_action = :add, due_at = :now, updated_at = :now
                WHERE id = :id""").param("add", ClaimAction.ADD.name()).param("now", ts(clock.instant()))
                .param("id", claimId).update();
    }

    void needsRecoveryRead(long claimId, String reason) {
        jdbc.sql("""
                UPDATE claim SET recover = true, due_at = :now, status = :queued, status_reason = :reason,
                    updated_at = :now
                WHERE id = :id""").param("queued", QUEUED.name()).param("now", ts(clock.instant()))
                .param("reason", reason).param("id", claimId).update();
    }

    void deleted(long claimId) {
        Optional<String> orcid = jdbc.sql("""
                UPDATE claim SET put_code = NULL, written_hash = NULL, post_attempted_hash = NULL,
                    post_attempted_at = NULL, recover = false, attempts = 0, orcid_message = NULL,
                    queued_action = CASE WHEN wanted AND NOT kept_out THEN :add END,
                    queued_class = CASE WHEN wanted AND NOT kept_out THEN :backfill END,
                    due_at = CASE WHEN wanted AND NOT kept_out THEN CAST(:now AS timestamptz) END,
                    status = CASE WHEN wanted AND NOT kept_out THEN :queued
                                  WHEN filtered_by IS NOT NULL AND NOT kept_out THEN :filtered ELSE :deleted END,
                    updated_at = :now
                WHERE id = :id RETURNING orcid""").param("add", ClaimAction.ADD.name()).param("queued", QUEUED.name())
                .param("filtered", FILTERED.name())
                .param("deleted", DELETED_FROM_ORCID.name()).param("backfill", CallClass.BACKFILL.ordinal())
                .param("now", ts(clock.instant())).param("id", claimId).query(String.class).optional();
        changes.changed(); // an UPDATE ... RETURNING, read as a query
        // One work fewer on her record: room for the next one held back.
        orcid.ifPresent(o -> releaseRoom(new OrcidId(o)));
    }

    /**
     * The researcher deleted the work on ORCID: the put-code is forgotten and the claim kept out, so pidlink never
     * adds it again unless she asks ("Put it back").
     *
     * @param onlyWhilePutCode when not null, only a claim still holding this put-code is changed (the record was
     *                         read while the claim could have been rewritten meanwhile)
     */
    boolean removedByResearcher(long claimId, @Nullable Long onlyWhilePutCode, String orcidMessage) {
        Optional<String> orcid = jdbc.sql("""
                UPDATE claim SET put_code = NULL, written_hash = NULL, post_attempted_hash = NULL,
                    post_attempted_at = NULL, recover = false, kept_out = true, attempts = 0,
                    queued_action = NULL, due_at = NULL, status = :removed,
                    status_reason = 'the researcher deleted the work on ORCID; use "Put it back" to add it again',
                    orcid_message = :message, updated_at = :now
                WHERE id = :id AND (CAST(:seen AS bigint) IS NULL OR put_code = :seen) RETURNING orcid""")
                .param("removed", REMOVED_BY_RESEARCHER.name()).param("message", orcidMessage)
                .param("now", ts(clock.instant())).param("id", claimId).param("seen", onlyWhilePutCode)
                .query(String.class).optional();
        changes.changed(); // an UPDATE ... RETURNING, read as a query
        // She deleted a work of ours: one work fewer on her record.
        orcid.ifPresent(o -> releaseRoom(new OrcidId(o)));
        return orcid.isPresent();
    }

    void failedPermanently(long claimId, String reason, @Nullable String orcidMessage, boolean clearPostMarker) {
        jdbc.sql("""
                UPDATE claim SET queued_action = NULL, due_at = NULL, status = :failed,
                    status_reason = :reason, orcid_message = :message, updated_at = :now,
                    post_attempted_hash = CASE WHEN :clear THEN NULL ELSE post_attempted_hash END,
                    post_attempted_at = CASE WHEN :clear THEN NULL ELSE post_attempted_at END,
                    recover = recover OR post_attempted_hash IS NOT NULL AND NOT :clear
                WHERE id = :id""")
                .param("failed", FAILED_PERMANENTLY.name()).param("reason", reason).param("message", orcidMessage)
                .param("now", ts(clock.instant())).param("clear", clearPostMarker).param("id", claimId).update();
    }

    void retryLater(long claimId, int attempts, Instant dueAt, String reason, @Nullable String orcidMessage) {
        jdbc.sql("""
                UPDATE claim SET attempts = :attempts, due_at = :due, status = :retry,
                    status_reason = :reason, orcid_message = :message, updated_at = :now
                WHERE id = :id""")
                .param("attempts", attempts).param("due", ts(dueAt)).param("retry", FAILED_WILL_RETRY.name())
                .param("reason", reason).param("message", orcidMessage).param("now", ts(clock.instant()))
                .param("id", claimId).update();
    }

    void postRefused(List<QueuedWrite> batch) {
        jdbc.sql("""
                UPDATE claim SET post_attempted_hash = NULL, post_attempted_at = NULL
                WHERE id = ANY(CAST(:ids AS bigint[]))""")
                .param("ids", ClaimRows.arrayLiteral(batch.stream().map(c -> Long.toString(c.claimId())).toList()))
                .update();
    }

    /** Holds every queued write of the researcher with this registration. */
    void hold(OrcidId orcid, String registrationId, ClaimStatus status, String reason) {
        jdbc.sql("""
                UPDATE claim SET due_at = NULL, status = :status, status_reason = :reason, updated_at = :now
                WHERE orcid = :orcid AND registration_id = :reg AND queued_action IS NOT NULL""")
                .param("status", status.name()).param("reason", reason).param("now", ts(clock.instant()))
                .param("orcid", orcid.value()).param("reg", registrationId).update();
    }

    void tokenRejected(OrcidId orcid, String registrationId, String orcidMessage) {
        tx.executeWithoutResult(status -> {
            access.markRevoked(orcid, registrationId, "ORCID rejected the token: " + orcidMessage);
            hold(orcid, registrationId, PERMISSION_REVOKED, "you revoked pidlink's permission on ORCID");
        });
    }

    void recordStopped(OrcidId orcid, String reason, String orcidMessage) {
        jdbc.sql("""
                UPDATE claim SET queued_action = NULL, due_at = NULL, status = :failed,
                    status_reason = :reason, orcid_message = :message, updated_at = :now
                WHERE orcid = :orcid AND queued_action IS NOT NULL""")
                .param("failed", FAILED_PERMANENTLY.name()).param("reason", reason).param("message", orcidMessage)
                .param("now", ts(clock.instant())).param("orcid", orcid.value()).update();
    }

    // ---- ORCID's cap on works per record -----------------------------------------------------------------

    /**
     * How many more works her record takes: the cap, less the works of other sources (as last read, or as a 9048
     * showed), less pidlink's own (every claim holding a put-code, or whose POST may have reached ORCID).
     */
    int room(OrcidId orcid) {
        return jdbc.sql("""
                SELECT :max - coalesce((SELECT other_works FROM orcid_record_works WHERE orcid = :orcid), 0)
                       - (SELECT count(*) FROM claim WHERE orcid = :orcid
                            AND (put_code IS NOT NULL OR post_attempted_hash IS NOT NULL))""")
                .param("max", order.maxWorks()).param("orcid", orcid.value()).query(Integer.class).single();
    }

    /**
     * Her record is full: every addition queued for her (not one that must first read the record back) waits in
     * {@link ClaimStatus#RECORD_FULL}, in one statement. It is no failure and is not retried; room brings them back
     * ({@link #releaseRoom}).
     */
    private void holdForFullRecord(OrcidId orcid, @Nullable String orcidMessage) {
        jdbc.sql("""
                UPDATE claim SET queued_action = NULL, due_at = NULL, status = :full, attempts = 0,
                    status_reason = :reason, orcid_message = :message, updated_at = :now
                WHERE orcid = :orcid AND queued_action = 'ADD' AND due_at IS NOT NULL AND put_code IS NULL
                  AND NOT recover AND post_attempted_hash IS NULL""")
                .param("full", RECORD_FULL.name())
                .param("reason", "your ORCID record holds " + String.format(java.util.Locale.ROOT, "%,d", order.maxWorks())
                        + " works, as many as ORCID allows")
                .param("message", orcidMessage).param("now", ts(clock.instant())).param("orcid", orcid.value())
                .update();
        queue.queueChanged(orcid, claimQueue);
    }

    /**
     * ORCID refused an addition for the cap (9048): another source filled the record meanwhile. The other sources'
     * works are taken to fill it, and every remaining addition waits for room at once (no retries).
     */
    void recordFull(OrcidId orcid, String orcidMessage) {
        tx.executeWithoutResult(status -> {
            int ours = order.maxWorks() - room(orcid) - otherWorks(orcid);
            storeOtherWorks(orcid, Math.max(otherWorks(orcid), order.maxWorks() - ours), "refused");
            holdForFullRecord(orcid, orcidMessage);
        });
    }

    /**
     * pidlink read her record and saw these works (put-codes): whatever is not one of pidlink's claims belongs to
     * another source (or to her). Room that appeared (she deleted works) brings held-back works back.
     */
    void worksOnRecord(OrcidId orcid, Collection<Long> putCodes) {
        tx.executeWithoutResult(status -> {
            int ours = jdbc.sql("""
                    SELECT count(*) FROM claim WHERE orcid = :orcid AND put_code = ANY(CAST(:codes AS bigint[]))""")
                    .param("orcid", orcid.value())
                    .param("codes", ClaimRows.arrayLiteral(putCodes.stream().map(String::valueOf).toList()))
                    .query(Integer.class).single();
            storeOtherWorks(orcid, Math.max(0, putCodes.size() - ours), "read");
            releaseRoom(orcid);
        });
    }

    private int otherWorks(OrcidId orcid) {
        return jdbc.sql("SELECT other_works FROM orcid_record_works WHERE orcid = :orcid").param("orcid", orcid.value())
                .query(Integer.class).optional().orElse(0);
    }

    private void storeOtherWorks(OrcidId orcid, int others, String how) {
        jdbc.sql("""
                INSERT INTO orcid_record_works (orcid, other_works, counted_at, counted_by)
                VALUES (:orcid, :others, :now, :how)
                ON CONFLICT (orcid) DO UPDATE SET other_works = :others, counted_at = :now, counted_by = :how""")
                .param("orcid", orcid.value()).param("others", others).param("now", ts(clock.instant()))
                .param("how", how).update();
    }

    /**
     * Her record has room again: as many of the works held back for a full record as fit are queued, the ones that
     * matter most first ({@link WriteOrder}).
     */
    void releaseRoom(OrcidId orcid) {
        if (recordFullCount(orcid) == 0) {
            return;
        }
        int room = room(orcid);
        if (room <= 0) {
            return;
        }
        Instant now = clock.instant();
        int released = jdbc.sql("""
                UPDATE claim SET queued_action = :add, queued_class = :backfill, due_at = :now, status = :queued,
                    status_reason = 'room on the ORCID record', orcid_message = NULL, attempts = 0, updated_at = :now
                WHERE id IN (SELECT id FROM claim WHERE orcid = :orcid AND status = :full
                             ORDER BY write_rank, id LIMIT :room)""")
                .param("add", ClaimAction.ADD.name()).param("backfill", CallClass.BACKFILL.ordinal())
                .param("now", ts(now)).param("queued", QUEUED.name()).param("orcid", orcid.value())
                .param("full", RECORD_FULL.name()).param("room", room).update();
        if (released > 0) {
            queue.queueChanged(orcid, claimQueue);
        }
    }

    /** How many of her works wait for room on her record. */
    int recordFullCount(OrcidId orcid) {
        return jdbc.sql("SELECT count(*) FROM claim WHERE orcid = :orcid AND status = :full")
                .param("orcid", orcid.value()).param("full", RECORD_FULL.name()).query(Integer.class).single();
    }

    // ---- shared steps ----------------------------------------------------------------------------------------

    /**
     * The work once per payload hash: the claims of a record naming thousands of researchers share one copy
     * (equal hashes are the same work, so the first copy stored serves them all).
     */
    private void storeWork(WorkPayload payload, Instant now) {
        storeWorks(List.of(payload), now);
    }

    /** {@link #storeWork} for several works: which are missing is asked in one query, they are stored in one batch. */
    private void storeWorks(Collection<WorkPayload> payloads, Instant now) {
        Map<String, WorkPayload> byHash = new TreeMap<>();
        payloads.forEach(p -> byHash.putIfAbsent(p.canonicalHash(), p));
        // Asked first so that a work (megabytes for a large collaboration) is sent only when it is missing.
        storedAlready(byHash.keySet()).forEach(byHash::remove);
        if (byHash.isEmpty()) {
            return;
        }
        // Transactions storing the same new work at once (the intake worker's threads, each with its share of a
        // large record's researchers) would each find it missing and send it: each waits for the one before it to
        // commit (as its insert would), then asks again. Locked in hash order, as the rows are inserted.
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('claim_work:' || h)) FROM unnest(:hashes::text[]) AS h")
                .param("hashes", byHash.keySet().toArray(String[]::new)).query().listOfRows();
        storedAlready(byHash.keySet()).forEach(byHash::remove);
        if (byHash.isEmpty()) {
            return;
        }
        // One JDBC batch, in hash order: concurrent batches storing the same works wait for each other instead of
        // deadlocking. Each work a plain parameter: a text[] literal would escape and copy megabytes again.
        List<Object[]> rows = new ArrayList<>(byHash.size());
        byHash.values().forEach(p -> rows.add(new Object[] {p.canonicalHash(), LargeText.of(p.json()), ts(now)}));
        batch.batchUpdate("""
                INSERT INTO claim_work (payload_hash, work_json, created_at) VALUES (?, convert_from(?, 'UTF8'), ?)
                ON CONFLICT (payload_hash) DO NOTHING""", rows);
    }

    private List<String> storedAlready(Set<String> hashes) {
        return jdbc.sql("SELECT payload_hash FROM claim_work WHERE payload_hash = ANY(:hashes::text[])")
                .param("hashes", hashes.toArray(String[]::new)).query(String.class).list();
    }

    private boolean leaveOrcid(Row row, OrcidId orcid, String registrationId, String reason, Instant now,
            boolean keepOut, CallClass leaving) {
        // Leaving for another reason than a filter: the filter no longer decides (put back, it is filtered again).
        jdbc.sql("""
                UPDATE claim SET wanted = false, kept_out = kept_out OR :keepOut, filtered_by = NULL, updated_at = :now
                WHERE id = :id""")
                .param("keepOut", keepOut).param("now", ts(now)).param("id", row.id()).update();
        if (row.mayBeInOrcid()) {
            Hold hold = holdFor(orcid, registrationId, row.provenance(), ClaimAction.DELETE, row.approved());
            setQueued(row.id(), ClaimAction.DELETE, hold, now, true, leaving);
            jdbc.sql("UPDATE claim SET status_reason = :reason, recover = (put_code IS NULL) WHERE id = :id")
                    .param("reason", hold == null ? reason : hold.reason())
                    .param("id", row.id()).update();
            return true;
        }
        if (keepOut) {
            jdbc.sql("""
                    UPDATE claim SET queued_action = NULL, due_at = NULL, status = :deleted, status_reason = :reason
                    WHERE id = :id""").param("deleted", DELETED_FROM_ORCID.name())
                    .param("reason", reason + ", before pidlink wrote it").param("id", row.id()).update();
        } else {
            // Never written: nothing to delete on ORCID, nothing left to remember.
            jdbc.sql("DELETE FROM claim WHERE id = :id").param("id", row.id()).update();
        }
        return false;
    }

    private void setQueued(long id, ClaimAction action, @Nullable Hold hold, Instant now, boolean resetAttempts,
            CallClass callClass) {
        jdbc.sql("""
                UPDATE claim SET queued_action = :action, queued_class = :class, due_at = :due, status = :status,
                                 status_reason = :reason,
                                 attempts = CASE WHEN :reset THEN 0 ELSE attempts END,
                                 orcid_message = CASE WHEN :reset THEN NULL ELSE orcid_message END,
                                 updated_at = :now
                WHERE id = :id""")
                .param("action", action.name()).param("class", callClass.ordinal())
                .param("due", hold == null ? ts(now) : null)
                .param("status", hold == null ? QUEUED.name() : hold.status().name())
                .param("reason", hold == null ? null : hold.reason()).param("reset", resetAttempts)
                .param("now", ts(now)).param("id", id).update();
    }

    /**
     * The class of a new claim's first write: what a source just asserted is fresh; what the researcher or an
     * administrator asserted is interactive (they wait for it); an import's is a backfill.
     */
    private static CallClass classOfNew(Provenance provenance) {
        return switch (provenance) {
            case AUTO_UPDATE -> CallClass.FRESH;
            case SEARCH_AND_LINK, ADMIN -> CallClass.INTERACTIVE;
            case IMPORT -> CallClass.BACKFILL;
        };
    }

    /**
     * Why a write may not run now, or {@code null} when it may: the one place that decides. In review-first mode a
     * work only auto-update found waits for her approval before it is added, whatever her permissions.
     *
     * @param approved she approved the claim (or brought it back) in review-first mode
     */
    private @Nullable Hold holdFor(OrcidId orcid, String registrationId, Set<Provenance> provenance,
            ClaimAction action, boolean approved) {
        if (awaitsReview(action, approved, provenance) && reviewFirst(orcid)) {
            return new Hold(AWAITING_REVIEW, null);
        }
        return holdFor(access.find(orcid, registrationId), provenance, action);
    }

    /** An addition only auto-update found, not yet approved: held for review when she reviews first. */
    private static boolean awaitsReview(ClaimAction action, boolean approved, Set<Provenance> provenance) {
        return action == ClaimAction.ADD && !approved && provenance.equals(EnumSet.of(Provenance.AUTO_UPDATE));
    }

    private static @Nullable Hold holdFor(WriteAccess access, Set<Provenance> provenance, ClaimAction action) {
        return switch (access) {
            case WriteAccess.Missing missing -> new Hold(WAITING_FOR_PERMISSION, missing.reason());
            case WriteAccess.Revoked revoked -> new Hold(PERMISSION_REVOKED, revoked.reason());
            case WriteAccess.Granted granted -> !granted.autoUpdate() && action == ClaimAction.ADD
                    && provenance.equals(EnumSet.of(Provenance.AUTO_UPDATE))
                    ? new Hold(WAITING_FOR_PERMISSION,
                            "auto-update is off: its DOI metadata names you, and pidlink waits for you to turn auto-update on")
                    : null;
        };
    }

    /** @param reason why, when the status alone does not say it */
    private record Hold(ClaimStatus status, @Nullable String reason) {
    }

    // ---- the researcher's filters -----------------------------------------------------------------------------

    /** A stored claim and the filter that holds it back (null: none), with the sentence saying why. */
    private record Filtering(long id, @Nullable String filteredBy, @Nullable String reason) {
    }

    /** A claim a batch inserted, and whether its researcher's filters hold it back. */
    private record Inserted(long id, boolean filtered) {
    }

    /** The facts of a claim ({@code c}), the filters in force ({@code f}) and the filter that holds it back ({@code x}). */
    private static String filterSource(String effectiveFilters) {
        return """
                FROM (SELECT CAST(:namedAs AS text) AS named_as, CAST(:doiState AS text) AS doi_state,
                             CAST(:versionOf AS text) AS version_of, CAST(:workType AS text) AS work_type,
                             CAST(:workYear AS integer) AS work_year) c
                CROSS JOIN LATERAL """ + effectiveFilters + """
                 f CROSS JOIN LATERAL (SELECT """ + WorkFilters.filteredBySql("c", "f") + " AS name) x\n";
    }

    private static JdbcClient.StatementSpec facts(JdbcClient.StatementSpec statement, RecordFacts facts,
            ClaimedWork work) {
        return statement.param("namedAs", work.namedAs()).param("doiState", facts.doiState())
                .param("versionOf", facts.versionOf()).param("workType", work.type().isEmpty() ? null : work.type())
                .param("workYear", work.year());
    }

    /**
     * A filter holds the claim back: a work pidlink may have written leaves her record (a deletion, held like any
     * write while pidlink may not make it); one never written waits, filtered, with nothing queued.
     */
    private ClaimStatus holdBack(Row row, OrcidId orcid, String reason, Instant now, CallClass leaving) {
        if (row.mayBeInOrcid()) {
            Hold hold = row.queuedAction() == ClaimAction.DELETE ? null
                    : holdFor(orcid, row.registrationId(), row.provenance(), ClaimAction.DELETE, row.approved());
            if (row.queuedAction() != ClaimAction.DELETE) {
                setQueued(row.id(), ClaimAction.DELETE, hold, now, true, leaving);
            }
            jdbc.sql("UPDATE claim SET status_reason = coalesce(:hold, :reason), recover = (put_code IS NULL) WHERE id = :id")
                    .param("hold", hold == null ? null : hold.reason()).param("reason", reason).param("id", row.id())
                    .update();
            return hold == null ? QUEUED : hold.status();
        }
        jdbc.sql("""
                UPDATE claim SET queued_action = NULL, due_at = NULL, status = :filtered, status_reason = :reason,
                                 attempts = 0, orcid_message = NULL
                WHERE id = :id""").param("filtered", FILTERED.name()).param("reason", reason).param("id", row.id())
                .update();
        return FILTERED;
    }

    /** Her claims ({@code orcid} given) or everyone's, with the filter each would meet ({@code x.name}). */
    private static String evaluated(String filters, boolean one) {
        return "SELECT claim.id, x.name, " + WorkFilters.reasonSql("x.name", "claim", "f") + " AS reason"
                + " FROM claim CROSS JOIN LATERAL " + filters + " f"
                + " CROSS JOIN LATERAL (SELECT " + WorkFilters.filteredBySql("claim", "f") + " AS name) x"
                + " WHERE NOT claim.kept_out AND (claim.wanted OR claim.filtered_by IS NOT NULL)"
                + " AND cardinality(claim.provenance) > 0" + (one ? " AND claim.orcid = :orcid" : "");
    }

    /**
     * Continuous sync: the filters in force are applied to her claims ({@code orcid}), or everyone's (an
     * administrator changed the defaults or a lock), in four set-based statements however many claims: works on
     * her record that no longer qualify are deleted from it, works that start qualifying are queued to be added
     * (held, like any write, for her review or her permission), the others change only their reason.
     *
     * @return the researchers whose claims changed
     */
    Set<OrcidId> applyFilters(@Nullable OrcidId orcid, CallClass callClass) {
        Set<OrcidId> touched = new java.util.TreeSet<>(java.util.Comparator.comparing(OrcidId::value));
        tx.executeWithoutResult(status -> {
            Instant now = clock.instant();
            String e = "WITH e AS (" + evaluated(WorkFilters.effectiveSql("claim.orcid"), orcid != null) + ") ";
            List<String> statements = List.of(
                    // Held back, never written: nothing to delete.
                    e + """
                    UPDATE claim SET wanted = false, filtered_by = e.name, status = :filtered, status_reason = e.reason,
                                     queued_action = NULL, due_at = NULL, attempts = 0, orcid_message = NULL,
                                     updated_at = :now
                    FROM e WHERE claim.id = e.id AND e.name IS NOT NULL AND claim.filtered_by IS NULL
                      AND claim.put_code IS NULL AND claim.post_attempted_hash IS NULL
                    RETURNING claim.orcid""",
                    // Held back, on her record (or maybe): deleted from it.
                    e + """
                    UPDATE claim SET wanted = false, filtered_by = e.name, status = :queued, status_reason = e.reason,
                                     queued_action = :delete, queued_class = :class, due_at = :now, attempts = 0,
                                     orcid_message = NULL, recover = (claim.put_code IS NULL), updated_at = :now
                    FROM e WHERE claim.id = e.id AND e.name IS NOT NULL AND claim.filtered_by IS NULL
                      AND (claim.put_code IS NOT NULL OR claim.post_attempted_hash IS NOT NULL)
                    RETURNING claim.orcid""",
                    // Still held back, by another filter or for another reason.
                    e + """
                    UPDATE claim SET filtered_by = e.name, updated_at = :now,
                                     status_reason = CASE WHEN claim.status = :filtered OR claim.queued_action = :delete
                                                          THEN e.reason ELSE claim.status_reason END
                    FROM e WHERE claim.id = e.id AND e.name IS NOT NULL AND claim.filtered_by IS NOT NULL
                      AND (claim.filtered_by <> e.name OR claim.status_reason IS DISTINCT FROM e.reason)
                    RETURNING claim.orcid""",
                    // Qualifies again: added (or its deletion cancelled when the work is still on her record).
                    e + """
                    UPDATE claim SET filtered_by = NULL, wanted = true, attempts = 0, orcid_message = NULL,
                                     status_reason = NULL, updated_at = :now, queued_class = :class,
                                     queued_action = CASE WHEN claim.put_code IS NOT NULL
                                                           AND claim.written_hash = claim.payload_hash THEN NULL
                                                          WHEN claim.put_code IS NOT NULL THEN :update ELSE :add END,
                                     due_at = CASE WHEN claim.put_code IS NOT NULL AND claim.written_hash = claim.payload_hash
                                                   THEN NULL ELSE CAST(:now AS timestamptz) END,
                                     status = CASE WHEN claim.put_code IS NOT NULL
                                                    AND claim.written_hash = claim.payload_hash THEN :inOrcid
                                                   ELSE :queued END,
                                     recover = claim.recover OR (claim.put_code IS NULL
                                                                 AND claim.post_attempted_hash IS NOT NULL)
                    FROM e WHERE claim.id = e.id AND e.name IS NULL AND claim.filtered_by IS NOT NULL
                    RETURNING claim.orcid""");
            for (String statement : statements) {
                jdbc.sql(statement).param("orcid", orcid == null ? null : orcid.value())
                        .param("filtered", FILTERED.name()).param("queued", QUEUED.name())
                        .param("inOrcid", IN_ORCID.name()).param("delete", ClaimAction.DELETE.name())
                        .param("update", ClaimAction.UPDATE.name()).param("add", ClaimAction.ADD.name())
                        .param("class", callClass.ordinal()).param("now", ts(now))
                        .query(String.class).list().forEach(o -> touched.add(new OrcidId(o)));
            }
            for (OrcidId each : touched) {
                // The writes queued above are held where they may not run now (her review, her permission).
                permissionsChanged(each, null);
                if (callClass == CallClass.INTERACTIVE) {
                    queue.syncRequested(each, claimQueue);
                }
            }
        });
        return touched;
    }

    /**
     * The preview's one statement over her claims (read along claim_triple, which leads with her iD): per group of
     * what decides a hold, the works leaving her record, those added, those that would wait for her review and those
     * not written yet that the filters would hold back. Parameters: orcid, review, reviewingNow and
     * {@link WorkFilters#bind}'s.
     */
    static final String PREVIEW_SQL = """
            SELECT claim.registration_id, claim.provenance = ARRAY['AUTO_UPDATE']::text[] AS auto_only,
              count(*) FILTER (WHERE x.name IS NOT NULL AND claim.put_code IS NOT NULL
                               AND claim.queued_action IS DISTINCT FROM 'DELETE') AS removed,
              count(*) FILTER (WHERE x.name IS NULL AND claim.put_code IS NULL
                               AND (claim.filtered_by IS NOT NULL
                                    OR claim.status = 'AWAITING_REVIEW' AND NOT :review)
                               AND NOT (:review AND claim.provenance = ARRAY['AUTO_UPDATE']::text[]
                                        AND NOT claim.approved)) AS added,
              count(*) FILTER (WHERE x.name IS NULL AND claim.put_code IS NULL AND :review
                               AND claim.provenance = ARRAY['AUTO_UPDATE']::text[] AND NOT claim.approved
                               AND (claim.filtered_by IS NOT NULL
                                    OR NOT :reviewingNow AND claim.queued_action = 'ADD')) AS review,
              count(*) FILTER (WHERE x.name IS NOT NULL AND claim.put_code IS NULL
                               AND claim.filtered_by IS NULL) AS held_back
            FROM claim CROSS JOIN LATERAL """ + WorkFilters.proposedSql() + """
             f CROSS JOIN LATERAL (SELECT """ + WorkFilters.filteredBySql("claim", "f") + """
             AS name) x
            WHERE claim.orcid = :orcid AND NOT claim.kept_out AND cardinality(claim.provenance) > 0
              AND (claim.wanted OR claim.filtered_by IS NOT NULL)
            GROUP BY 1, 2""";

    /**
     * What applying {@code proposed} (and the write mode {@code reviewFirst}) to her claims would change on her
     * record, counted by one statement over her claims (grouped by what decides a hold, which is then decided once
     * per group, as {@link #permissionsChanged} does): the preview the settings page shows before she saves.
     */
    FilterPreview preview(OrcidId orcid, WorkFilters proposed, boolean reviewFirst) {
        boolean reviewingNow = reviewFirst(orcid);
        String sql = PREVIEW_SQL;
        record Group(String registrationId, boolean autoOnly, long removed, long added, long review, long heldBack) {
        }
        List<Group> groups = proposed.bind(jdbc.sql(sql)).param("orcid", orcid.value()).param("review", reviewFirst)
                .param("reviewingNow", reviewingNow)
                .query((rs, n) -> new Group(rs.getString("registration_id"), rs.getBoolean("auto_only"),
                        rs.getLong("removed"), rs.getLong("added"), rs.getLong("review"), rs.getLong("held_back")))
                .list();
        Map<String, WriteAccess> accessByRegistration = new HashMap<>();
        long removed = 0;
        long added = 0;
        long waiting = 0;
        long review = 0;
        long heldBack = 0;
        for (Group g : groups) {
            WriteAccess groupAccess = accessByRegistration.computeIfAbsent(g.registrationId(),
                    id -> access.find(orcid, id));
            Set<Provenance> provenance = g.autoOnly() ? EnumSet.of(Provenance.AUTO_UPDATE)
                    : EnumSet.of(Provenance.SEARCH_AND_LINK);
            boolean mayDelete = holdFor(groupAccess, provenance, ClaimAction.DELETE) == null;
            boolean mayAdd = holdFor(groupAccess, provenance, ClaimAction.ADD) == null;
            removed += mayDelete ? g.removed() : 0;
            added += mayAdd ? g.added() : 0;
            waiting += (mayDelete ? 0 : g.removed()) + (mayAdd ? 0 : g.added());
            review += g.review();
            heldBack += g.heldBack();
        }
        return new FilterPreview(removed, added, waiting, review, heldBack);
    }

    // ---- review first: the researcher approves what auto-update found --------------------------------------

    boolean reviewFirst(OrcidId orcid) {
        return jdbc.sql("SELECT review_first FROM claim_write_mode WHERE orcid = :orcid")
                .param("orcid", orcid.value()).query(Boolean.class).optional().orElse(false);
    }

    /** Switches her write mode; claims waiting for review are released, or new additions held for it. */
    void setReviewFirst(OrcidId orcid, boolean reviewFirst) {
        tx.executeWithoutResult(status -> {
            jdbc.sql("""
                    INSERT INTO claim_write_mode (orcid, review_first, changed_at) VALUES (:orcid, :review, :now)
                    ON CONFLICT (orcid) DO UPDATE SET review_first = excluded.review_first, changed_at = excluded.changed_at""")
                    .param("orcid", orcid.value()).param("review", reviewFirst).param("now", ts(clock.instant()))
                    .update();
            permissionsChanged(orcid, null);
        });
    }

    /**
     * Approves claims awaiting her review ({@code claimIds} null: all of them): each is added to her record at
     * once (interactive), as far as her permissions allow.
     *
     * @return how many she approved
     */
    int approve(OrcidId orcid, @Nullable List<Long> claimIds) {
        return Objects.requireNonNull(tx.execute(status -> {
            Instant now = clock.instant();
            List<Row> rows = awaitingReview(orcid, claimIds);
            for (Row row : rows) {
                jdbc.sql("UPDATE claim SET approved = true WHERE id = :id").param("id", row.id()).update();
                setQueued(row.id(), ClaimAction.ADD,
                        holdFor(orcid, row.registrationId(), row.provenance(), ClaimAction.ADD, true), now, true,
                        CallClass.INTERACTIVE);
            }
            queue.syncRequested(orcid, claimQueue);
            return rows.size();
        }));
    }

    /**
     * Dismisses claims awaiting her review ({@code claimIds} null: all of them). They were never written, so
     * nothing leaves ORCID; they are kept out, so the DOI is never proposed again, whatever metadata it arrives
     * with, until she brings it back ({@link #putBack}).
     *
     * @return how many she dismissed
     */
    int dismiss(OrcidId orcid, @Nullable List<Long> claimIds) {
        return Objects.requireNonNull(tx.execute(status -> {
            List<Row> rows = awaitingReview(orcid, claimIds);
            jdbc.sql("""
                    UPDATE claim SET kept_out = true, wanted = false, queued_action = NULL, due_at = NULL,
                                     status = :dismissed, status_reason = NULL, updated_at = :now
                    WHERE id = ANY(CAST(:ids AS bigint[]))""")
                    .param("dismissed", DISMISSED.name()).param("now", ts(clock.instant()))
                    .param("ids", ClaimRows.arrayLiteral(rows.stream().map(r -> Long.toString(r.id())).toList()))
                    .update();
            queue.queueChanged(orcid, claimQueue);
            return rows.size();
        }));
    }

    private List<Row> awaitingReview(OrcidId orcid, @Nullable List<Long> claimIds) {
        return jdbc.sql("SELECT " + ClaimRows.COLUMNS + " FROM claim WHERE orcid = :orcid AND status = :awaiting"
                        + (claimIds == null ? "" : " AND id = ANY(CAST(:ids AS bigint[]))") + " FOR UPDATE")
                .param("orcid", orcid.value()).param("awaiting", AWAITING_REVIEW.name())
                .param("ids", claimIds == null ? "{}"
                        : ClaimRows.arrayLiteral(claimIds.stream().map(String::valueOf).toList()))
                .query((rs, n) -> ClaimRows.row(rs)).list();
    }

    private Row lockRow(OrcidId orcid, Doi doi, String registrationId) {
        Row row = findRow(orcid, doi, registrationId, true);
        if (row == null) {
            throw new IllegalStateException("claim vanished while being asserted: " + orcid + " " + doi);
        }
        return row;
    }

    private @Nullable Row findRow(OrcidId orcid, Doi doi, String registrationId, boolean lock) {
        return jdbc.sql("SELECT " + ClaimRows.ROW_COLUMNS
                        + " FROM claim WHERE orcid = :orcid AND doi = :doi AND registration_id = :reg"
                        + (lock ? " FOR UPDATE" : ""))
                .param("orcid", orcid.value()).param("doi", doi.value()).param("reg", registrationId)
                .query((rs, n) -> ClaimRows.row(rs)).optional().orElse(null);
    }

    private Row lockRow(long claimId) {
        return jdbc.sql("SELECT " + ClaimRows.ROW_COLUMNS + " FROM claim WHERE id = :id FOR UPDATE").param("id", claimId)
                .query((rs, n) -> ClaimRows.row(rs)).optional().orElseThrow(() -> new ClaimNotFoundException(claimId));
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }

    /** The registration a claim is kept under: registrations that share one ORCID client share their claims. */
    private String registrationKey(String registrationId) {
        if (registrationId == null || registrationId.isBlank()) {
            throw new IllegalArgumentException("registrationId is blank");
        }
        return Objects.requireNonNull(sameClient.apply(registrationId), "registration key");
    }
}
