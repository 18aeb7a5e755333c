package org.pidlink.app.claims;

import static org.pidlink.app.claims.ClaimStatus.DELETED_FROM_ORCID;
import static org.pidlink.app.claims.ClaimStatus.FAILED_PERMANENTLY;
import static org.pidlink.app.claims.ClaimStatus.FAILED_WILL_RETRY;
import static org.pidlink.app.claims.ClaimStatus.IN_ORCID;
import static org.pidlink.app.claims.ClaimStatus.PENDING;
import static org.pidlink.app.claims.ClaimStatus.PERMISSION_REVOKED;
import static org.pidlink.app.claims.ClaimStatus.QUEUED;
import static org.pidlink.app.claims.ClaimStatus.REMOVED_BY_RESEARCHER;
import static org.pidlink.app.claims.ClaimStatus.UNCHANGED;
import static org.pidlink.app.claims.ClaimStatus.WAITING_FOR_PERMISSION;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.pidlink.app.claims.ClaimRows.Row;
import org.pidlink.app.orcid.CallClass;
import org.pidlink.core.identifiers.Doi;
import org.pidlink.core.identifiers.OrcidId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
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
 * ever written.</li>
 * </ul>
 * Every change that affects the queue tells the {@link ClaimQueueListener} inside the same transaction. Every
 * statement takes its time from the injected clock, never from the database. Thread-safe.
 */
final class ClaimLifecycle {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final WriteAccessSource access;
    private final ClaimQueueListener queue;
    private final ClaimQueue claimQueue = new ClaimQueue(this);
    private final UnaryOperator<String> sameClient;

    /**
     * @param sameClient maps a registration to the one whose ORCID client it uses (when two registrations share a
     *                   client, one work on the record must have one claim, holding both provenances)
     */
    ClaimLifecycle(DataSource dataSource, Clock clock, WriteAccessSource access, ClaimQueueListener queue,
            UnaryOperator<String> sameClient) {
        this.jdbc = JdbcClient.create(dataSource);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.clock = Objects.requireNonNull(clock, "clock");
        this.access = Objects.requireNonNull(access, "access");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.sameClient = Objects.requireNonNull(sameClient, "sameClient");
    }

    /** The queue's view of these claims, as handed to the listener. */
    ClaimQueue queue() {
        return claimQueue;
    }

    JdbcClient jdbc() {
        return jdbc;
    }

    Clock clock() {
        return clock;
    }

    // ---- asserted by a source, found on ORCID, withdrawn ---------------------------------------------------

    ClaimResult assertClaim(OrcidId orcid, Doi doi, String registration, Provenance provenance, WorkPayload payload) {
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(payload, "payload");
        String registrationId = registrationKey(registration);
        return Objects.requireNonNull(tx.execute(status -> {
            Instant now = clock.instant();
            storeWork(payload, now);
            Optional<Long> inserted = jdbc.sql("""
                    INSERT INTO claim (orcid, doi, registration_id, provenance, payload_hash, status,
                                       queued_action, created_at, updated_at)
                    VALUES (:orcid, :doi, :reg, ARRAY[:prov]::text[], :hash, :pending, :add, :now, :now)
                    ON CONFLICT ON CONSTRAINT claim_triple DO NOTHING
                    RETURNING id""")
                    .param("orcid", orcid.value()).param("doi", doi.value()).param("reg", registrationId)
                    .param("prov", provenance.name()).param("hash", payload.canonicalHash())
                    .param("pending", PENDING.name()).param("add", ClaimAction.ADD.name()).param("now", ts(now))
                    .query(Long.class).optional();
            if (inserted.isPresent()) {
                Hold hold = holdFor(orcid, registrationId, EnumSet.of(provenance), ClaimAction.ADD);
                setQueued(inserted.get(), ClaimAction.ADD, hold, now, false, classOfNew(provenance));
                queue.queueChanged(orcid, claimQueue);
                return new ClaimResult(inserted.get(), hold == null ? QUEUED : hold.status(), true, hold == null);
            }
            Row row = lockRow(orcid, doi, registrationId);
            Set<Provenance> provenances = EnumSet.copyOf(row.provenance().isEmpty() ? Set.of(provenance)
                    : row.provenance());
            provenances.add(provenance);
            jdbc.sql("""
                    UPDATE claim SET provenance = :prov::text[], payload_hash = :hash,
                                     wanted = NOT kept_out, updated_at = :now
                    WHERE id = :id""")
                    .param("prov", ClaimRows.pgArray(provenances))
                    .param("hash", payload.canonicalHash()).param("now", ts(now)).param("id", row.id())
                    .update();
            if (row.keptOut()) {
                return new ClaimResult(row.id(), row.status(), false, false);
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
            Hold hold = holdFor(orcid, registrationId, provenances, action);
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

    /**
     * {@link #assertClaim} for every researcher one record names, in one transaction: the claims of researchers
     * who never connected pidlink (most of a large collaboration) are inserted in one statement, waiting for
     * permission, with no queue to recompute (nothing of theirs can be written); the others, and claims that exist
     * already, take {@link #assertClaim}'s way one by one.
     *
     * @return the result per researcher, in the order given
     */
    Map<OrcidId, ClaimResult> assertClaims(List<OrcidId> orcids, Doi doi, String registration, Provenance provenance,
            WorkPayload payload) {
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(payload, "payload");
        String registrationId = registrationKey(registration);
        return Objects.requireNonNull(tx.execute(status -> {
            Instant now = clock.instant();
            Set<OrcidId> mayWrite = access.mayHaveAccess(orcids, registrationId);
            List<OrcidId> unconnected = orcids.stream().filter(o -> !mayWrite.contains(o)).toList();
            Map<OrcidId, ClaimResult> inserted = new HashMap<>();
            if (!unconnected.isEmpty()) {
                // All alike: the first one's answer ("not connected") is everyone's.
                Hold hold = Objects.requireNonNull(holdFor(unconnected.getFirst(), registrationId,
                        EnumSet.of(provenance), ClaimAction.ADD), "a researcher without permission is held");
                storeWork(payload, now);
                jdbc.sql("""
                        INSERT INTO claim (orcid, doi, registration_id, provenance, payload_hash, status, status_reason,
                                           queued_action, queued_class, created_at, updated_at)
                        SELECT o, :doi, :reg, ARRAY[:prov]::text[], :hash, :status, :reason, :add, :class, :now, :now
                        FROM unnest(:orcids::text[]) AS o
                        ON CONFLICT ON CONSTRAINT claim_triple DO NOTHING
                        RETURNING id, orcid""")
                        .param("doi", doi.value()).param("reg", registrationId).param("prov", provenance.name())
                        .param("hash", payload.canonicalHash()).param("status", hold.status().name())
                        .param("reason", hold.reason()).param("add", ClaimAction.ADD.name())
                        .param("class", classOfNew(provenance).ordinal()).param("now", ts(now))
                        .param("orcids", unconnected.stream().map(OrcidId::value).toArray(String[]::new))
                        .query((rs, n) -> Map.entry(new OrcidId(rs.getString("orcid")),
                                new ClaimResult(rs.getLong("id"), hold.status(), true, false)))
                        .list().forEach(e -> inserted.put(e.getKey(), e.getValue()));
            }
            Map<OrcidId, ClaimResult> results = new LinkedHashMap<>();
            for (OrcidId orcid : orcids) {
                ClaimResult done = inserted.get(orcid);
                results.put(orcid, done != null ? done : assertClaim(orcid, doi, registration, provenance, payload));
            }
            return results;
        }));
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
                setQueued(row.id(), action, holdFor(orcid, registrationId, provenances, action), now, true,
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

    void syncNow(OrcidId orcid) {
        tx.executeWithoutResult(status -> {
            Instant now = clock.instant();
            jdbc.sql("""
                    UPDATE claim SET due_at = LEAST(due_at, :now), queued_class = :interactive, updated_at = :now
                    WHERE orcid = :orcid AND queued_action IS NOT NULL AND due_at IS NOT NULL""")
                    .param("orcid", orcid.value()).param("now", ts(now))
                    .param("interactive", CallClass.INTERACTIVE.ordinal()).update();
            queue.syncRequested(orcid, claimQueue);
        });
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
                                     updated_at = :now
                    WHERE id = :id""").param("now", ts(now)).param("id", row.id()).update();
            OrcidId orcid = new OrcidId(row.orcid());
            Hold hold = holdFor(orcid, row.registrationId(), row.provenance(), ClaimAction.ADD);
            // The recovery read finds the work if it is in fact still on the record, so it is never added twice.
            setQueued(row.id(), ClaimAction.ADD, hold, now, true, CallClass.INTERACTIVE);
            jdbc.sql("UPDATE claim SET recover = true WHERE id = :id").param("id", row.id()).update();
            queue.syncRequested(orcid, claimQueue);
        });
    }

    int removeAllFromOrcid(OrcidId orcid) {
        return Objects.requireNonNull(tx.execute(status -> {
            Instant now = clock.instant();
            List<Row> rows = jdbc.sql("SELECT " + ClaimRows.ROW_COLUMNS
                            + " FROM claim WHERE orcid = :orcid AND NOT kept_out FOR UPDATE")
                    .param("orcid", orcid.value()).query((rs, n) -> ClaimRows.row(rs)).list();
            int deletions = 0;
            for (Row row : rows) {
                if (leaveOrcid(row, orcid, row.registrationId(), "removed at the researcher's request", now, true,
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
                setQueued(row.id(), action, holdFor(orcid, row.registrationId(), row.provenance(), action), now, true,
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
            List<Row> rows = jdbc.sql("SELECT " + ClaimRows.ROW_COLUMNS + " " + """
                     FROM claim WHERE orcid = :orcid AND queued_action IS NOT NULL
                       AND (CAST(:reg AS text) IS NULL OR registration_id = :reg) FOR UPDATE""")
                    .param("orcid", orcid.value()).param("reg", registrationId)
                    .query((rs, n) -> ClaimRows.row(rs)).list();
            for (Row row : rows) {
                ClaimAction action = Objects.requireNonNull(row.queuedAction());
                Hold hold = holdFor(orcid, row.registrationId(), row.provenance(), action);
                boolean held = row.dueAt() == null;
                if (hold != null && (!held || row.status() != hold.status())) {
                    setQueued(row.id(), action, hold, now, false, row.queuedClass());
                } else if (hold == null && held) {
                    // Released by a grant or auto-update turned on: her existing DOIs, a backfill.
                    setQueued(row.id(), action, null, now, true, CallClass.BACKFILL);
                }
            }
            queue.queueChanged(orcid, claimQueue);
        });
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
                    List<QueuedWrite> batch = head.action() != ClaimAction.ADD || bulkSize == 1 ? List.of(head)
                            : additions(orcid, head.registrationId(), bulkSize);
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
                ORDER BY coalesce(queued_class, 2), due_at, id LIMIT :limit""")
                .param("orcid", orcid.value()).param("reg", registrationId).param("now", ts(clock.instant()))
                .param("limit", bulkSize).query((rs, n) -> ClaimRows.queued(rs)).list();
    }

    boolean hasQueuedWork(OrcidId orcid) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM claim WHERE orcid = :orcid AND queued_action IS NOT NULL)")
                .param("orcid", orcid.value()).query(Boolean.class).single();
    }

    DueWrites dueWrites(OrcidId orcid) {
        return jdbc.sql("""
                SELECT min(due_at) AS due, min(coalesce(queued_class, 2)) AS priority
                FROM claim WHERE orcid = :orcid AND queued_action IS NOT NULL AND due_at IS NOT NULL""")
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
        jdbc.sql("""
                UPDATE claim SET put_code = NULL, written_hash = NULL, post_attempted_hash = NULL,
                    post_attempted_at = NULL, recover = false, attempts = 0, orcid_message = NULL,
                    queued_action = CASE WHEN wanted AND NOT kept_out THEN :add END,
                    queued_class = CASE WHEN wanted AND NOT kept_out THEN :backfill END,
                    due_at = CASE WHEN wanted AND NOT kept_out THEN CAST(:now AS timestamptz) END,
                    status = CASE WHEN wanted AND NOT kept_out THEN :queued ELSE :deleted END,
                    updated_at = :now
                WHERE id = :id""").param("add", ClaimAction.ADD.name()).param("queued", QUEUED.name())
                .param("deleted", DELETED_FROM_ORCID.name()).param("backfill", CallClass.BACKFILL.ordinal())
                .param("now", ts(clock.instant())).param("id", claimId).update();
    }

    /**
     * The researcher deleted the work on ORCID: the put-code is forgotten and the claim kept out, so pidlink never
     * adds it again unless she asks ("Put it back").
     *
     * @param onlyWhilePutCode when not null, only a claim still holding this put-code is changed (the record was
     *                         read while the claim could have been rewritten meanwhile)
     */
    boolean removedByResearcher(long claimId, @Nullable Long onlyWhilePutCode, String orcidMessage) {
        return jdbc.sql("""
                UPDATE claim SET put_code = NULL, written_hash = NULL, post_attempted_hash = NULL,
                    post_attempted_at = NULL, recover = false, kept_out = true, attempts = 0,
                    queued_action = NULL, due_at = NULL, status = :removed,
                    status_reason = 'the researcher deleted the work on ORCID; use "Put it back" to add it again',
                    orcid_message = :message, updated_at = :now
                WHERE id = :id AND (CAST(:seen AS bigint) IS NULL OR put_code = :seen)""")
                .param("removed", REMOVED_BY_RESEARCHER.name()).param("message", orcidMessage)
                .param("now", ts(clock.instant())).param("id", claimId).param("seen", onlyWhilePutCode)
                .update() == 1;
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
            hold(orcid, registrationId, PERMISSION_REVOKED, "the researcher revoked pidlink's permission on ORCID");
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

    // ---- shared steps ----------------------------------------------------------------------------------------

    /**
     * The work once per payload hash: the claims of a record naming thousands of researchers share one copy
     * (equal hashes are the same work, so the first copy stored serves them all).
     */
    private void storeWork(WorkPayload payload, Instant now) {
        // Asked first so that the work (megabytes for a large collaboration) is sent only when it is missing.
        if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM claim_work WHERE payload_hash = :hash)")
                .param("hash", payload.canonicalHash()).query(Boolean.class).single()) {
            return;
        }
        jdbc.sql("""
                INSERT INTO claim_work (payload_hash, work_json, created_at) VALUES (:hash, :json, :now)
                ON CONFLICT (payload_hash) DO NOTHING""")
                .param("hash", payload.canonicalHash()).param("json", payload.json()).param("now", ts(now))
                .update();
    }

    private boolean leaveOrcid(Row row, OrcidId orcid, String registrationId, String reason, Instant now,
            boolean keepOut, CallClass leaving) {
        jdbc.sql("UPDATE claim SET wanted = false, kept_out = kept_out OR :keepOut, updated_at = :now WHERE id = :id")
                .param("keepOut", keepOut).param("now", ts(now)).param("id", row.id()).update();
        if (row.mayBeInOrcid()) {
            Hold hold = holdFor(orcid, registrationId, row.provenance(), ClaimAction.DELETE);
            setQueued(row.id(), ClaimAction.DELETE, hold, now, true, leaving);
            jdbc.sql("UPDATE claim SET status_reason = :reason, recover = (put_code IS NULL) WHERE id = :id")
                    .param("reason", hold == null ? "to be deleted from ORCID: " + reason : hold.reason())
                    .param("id", row.id()).update();
            return true;
        }
        if (keepOut) {
            jdbc.sql("""
                    UPDATE claim SET queued_action = NULL, due_at = NULL, status = :deleted, status_reason = :reason
                    WHERE id = :id""").param("deleted", DELETED_FROM_ORCID.name())
                    .param("reason", reason + " (it had not been written)").param("id", row.id()).update();
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

    /** Why a write may not run now, or {@code null} when it may: the one place that decides. */
    private @Nullable Hold holdFor(OrcidId orcid, String registrationId, Set<Provenance> provenance,
            ClaimAction action) {
        return switch (access.find(orcid, registrationId)) {
            case WriteAccess.Missing missing -> new Hold(WAITING_FOR_PERMISSION, missing.reason());
            case WriteAccess.Revoked revoked -> new Hold(PERMISSION_REVOKED, revoked.reason());
            case WriteAccess.Granted granted -> !granted.autoUpdate() && action == ClaimAction.ADD
                    && provenance.equals(EnumSet.of(Provenance.AUTO_UPDATE))
                    ? new Hold(WAITING_FOR_PERMISSION,
                            "auto-update is off: found in DOI metadata, waiting for the researcher to turn it on")
                    : null;
        };
    }

    private record Hold(ClaimStatus status, String reason) {
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
