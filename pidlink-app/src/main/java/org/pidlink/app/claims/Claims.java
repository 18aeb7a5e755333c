package org.pidlink.app.claims;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.pidlink.core.identifiers.Doi;
import org.pidlink.core.identifiers.OrcidId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The claims feature's public API: who authored which DOI, for which ORCID client, and what pidlink has
 * written to ORCID about it. Every change that needs a write to ORCID queues it for the push engine; this
 * class never calls ORCID itself.
 *
 * <p>Thread-safe. Each method runs in its own transaction (or joins the caller's, when the caller runs one on
 * the same {@link DataSource}).
 */
public final class Claims {

    private static final String COLUMNS = """
            id, orcid, doi, registration_id, provenance, work_json, payload_hash, written_hash, put_code, status,
            status_reason, wanted, kept_out, queued_action, due_at, post_attempted_hash, attempts, orcid_message,
            created_at, updated_at, written_at""";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final WriteAccessSource access;
    private final ClaimQueueListener queue;
    private final UnaryOperator<String> sameClient;

    public Claims(DataSource dataSource, Clock clock, WriteAccessSource access, ClaimQueueListener queue) {
        this(dataSource, clock, access, queue, UnaryOperator.identity());
    }

    /**
     * @param sameClient maps a registration to the one whose ORCID client it uses (when two registrations share a
     *                   client, one work on the record must have one claim, holding both provenances)
     */
    public Claims(DataSource dataSource, Clock clock, WriteAccessSource access, ClaimQueueListener queue,
            UnaryOperator<String> sameClient) {
        this.sameClient = Objects.requireNonNull(sameClient, "sameClient");
        this.jdbc = JdbcClient.create(dataSource);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.clock = Objects.requireNonNull(clock, "clock");
        this.access = Objects.requireNonNull(access, "access");
        this.queue = Objects.requireNonNull(queue, "queue");
    }

    /**
     * Asserts that {@code orcid} authored {@code doi}, to be written with the ORCID client {@code registrationId}.
     * Creates the claim or adds the provenance to it, stores the payload, and queues what has to be written:
     * an addition for a new claim, an update when the payload's hash differs from the one last written,
     * nothing when it is the same. A claim waits (without a queued write running) while pidlink lacks the
     * researcher's permission, or auto-update is off and only auto-update asserted it. A work the researcher
     * removed is not added again.
     */
    public ClaimResult assertClaim(OrcidId orcid, Doi doi, String registration, Provenance provenance,
            WorkPayload payload) {
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(payload, "payload");
        String registrationId = registrationKey(registration);
        return Objects.requireNonNull(tx.execute(status -> {
            Instant now = clock.instant();
            Optional<Long> inserted = jdbc.sql("""
                    INSERT INTO claim (orcid, doi, registration_id, provenance, work_json, payload_hash, status,
                                       queued_action, created_at, updated_at)
                    VALUES (:orcid, :doi, :reg, ARRAY[:prov]::text[], :json, :hash, 'PENDING', 'ADD', :now, :now)
                    ON CONFLICT ON CONSTRAINT claim_triple DO NOTHING
                    RETURNING id""")
                    .param("orcid", orcid.value()).param("doi", doi.value()).param("reg", registrationId)
                    .param("prov", provenance.name()).param("json", payload.json()).param("hash", payload.canonicalHash())
                    .param("now", ts(now))
                    .query(Long.class).optional();
            if (inserted.isPresent()) {
                Hold hold = holdFor(orcid, registrationId, EnumSet.of(provenance), "ADD");
                setQueued(inserted.get(), "ADD", hold, now, false);
                queue.queueChanged(orcid);
                return new ClaimResult(inserted.get(), hold == null ? ClaimStatus.QUEUED : hold.status(), true,
                        hold == null);
            }
            Row row = lockRow(orcid, doi, registrationId);
            Set<Provenance> provenances = EnumSet.copyOf(row.provenance.isEmpty() ? Set.of(provenance) : row.provenance);
            provenances.add(provenance);
            jdbc.sql("""
                    UPDATE claim SET provenance = :prov::text[], work_json = :json, payload_hash = :hash,
                                     wanted = NOT kept_out, updated_at = :now
                    WHERE id = :id""")
                    .param("prov", pgArray(provenances)).param("json", payload.json())
                    .param("hash", payload.canonicalHash()).param("now", ts(now)).param("id", row.id)
                    .update();
            if (row.keptOut) {
                return new ClaimResult(row.id, row.status, false, false);
            }
            boolean mayBeInOrcid = row.putCode != null || row.postAttemptedHash != null;
            boolean sameAsWritten = payload.canonicalHash().equals(row.writtenHash);
            String action;
            if (mayBeInOrcid) {
                if (sameAsWritten && row.putCode != null && !"ADD".equals(row.queuedAction)) {
                    // Nothing to write; a queued deletion is cancelled because the claim qualifies again.
                    jdbc.sql("""
                            UPDATE claim SET queued_action = NULL, due_at = NULL, status = 'UNCHANGED',
                                             status_reason = NULL, orcid_message = NULL, attempts = 0
                            WHERE id = :id""").param("id", row.id).update();
                    queue.queueChanged(orcid);
                    return new ClaimResult(row.id, ClaimStatus.UNCHANGED, false, false);
                }
                action = "ADD".equals(row.queuedAction) ? "ADD" : "UPDATE";
            } else {
                if (row.status == ClaimStatus.FAILED_PERMANENTLY && payload.canonicalHash().equals(row.payloadHash)) {
                    // ORCID refused this very payload; asserting it again changes nothing (an administrator can retry).
                    return new ClaimResult(row.id, row.status, false, false);
                }
                action = "ADD";
            }
            Hold hold = holdFor(orcid, registrationId, provenances, action);
            boolean keepBackoff = row.status == ClaimStatus.FAILED_WILL_RETRY && action.equals(row.queuedAction);
            if (!keepBackoff || hold != null) {
                setQueued(row.id, action, hold, now, row.status != ClaimStatus.FAILED_WILL_RETRY);
            }
            queue.queueChanged(orcid);
            ClaimStatus result = hold != null ? hold.status() : keepBackoff ? row.status : ClaimStatus.QUEUED;
            return new ClaimResult(row.id, result, false, hold == null);
        }));
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
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(payload, "payload");
        String registrationId = registrationKey(registration);
        boolean ours = ourPutCode != null;
        String reason = ours ? "found on the ORCID record (put-code " + ourPutCode + ")"
                : "on the ORCID record from " + source + ": pidlink adds no copy of it";
        return Objects.requireNonNull(tx.execute(status -> {
            Instant now = clock.instant();
            Optional<Long> inserted = jdbc.sql("""
                    INSERT INTO claim (orcid, doi, registration_id, provenance, work_json, payload_hash, written_hash,
                                       put_code, status, status_reason, wanted, kept_out, created_at, updated_at,
                                       written_at)
                    VALUES (:orcid, :doi, :reg, ARRAY[:prov]::text[], :json, :hash, :written, :pc, 'IN_ORCID',
                            :reason, :ours, NOT :ours, :now, :now, :writtenAt)
                    ON CONFLICT ON CONSTRAINT claim_triple DO NOTHING
                    RETURNING id""")
                    .param("orcid", orcid.value()).param("doi", doi.value()).param("reg", registrationId)
                    .param("prov", provenance.name()).param("json", payload.json())
                    .param("hash", payload.canonicalHash()).param("written", ours ? payload.canonicalHash() : null)
                    .param("pc", ourPutCode).param("reason", reason).param("ours", ours)
                    .param("now", ts(now)).param("writtenAt", ours ? ts(now) : null)
                    .query(Long.class).optional();
            if (inserted.isPresent()) {
                return false;
            }
            Row row = lockRow(orcid, doi, registrationId);
            Set<Provenance> provenances = row.provenance.isEmpty() ? EnumSet.noneOf(Provenance.class)
                    : EnumSet.copyOf(row.provenance);
            boolean known = provenances.contains(provenance);
            provenances.add(provenance);
            jdbc.sql("UPDATE claim SET provenance = :prov::text[], updated_at = :now WHERE id = :id")
                    .param("prov", pgArray(provenances)).param("now", ts(now)).param("id", row.id).update();
            if (row.keptOut || row.putCode != null || row.postAttemptedHash != null) {
                return known || row.keptOut || row.putCode != null;
            }
            if (ours) {
                jdbc.sql("UPDATE claim SET put_code = :pc, recover = false WHERE id = :id")
                        .param("pc", ourPutCode).param("id", row.id).update();
                String action = row.wanted ? "UPDATE" : "DELETE";
                setQueued(row.id, action, holdFor(orcid, registrationId, provenances, action), now, true);
            } else {
                jdbc.sql("""
                        UPDATE claim SET kept_out = true, wanted = false, queued_action = NULL, due_at = NULL,
                                         status = 'IN_ORCID', status_reason = :reason, attempts = 0, orcid_message = NULL
                        WHERE id = :id""").param("reason", reason).param("id", row.id).update();
            }
            queue.queueChanged(orcid);
            return false;
        }));
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
        Timestamp now = ts(clock.instant());
        if (putCodeOnOrcid != null) {
            return jdbc.sql("""
                    UPDATE claim SET put_code = :adopted, status_reason = :reason, updated_at = :now
                    WHERE id = :id AND put_code = :seen""")
                    .param("adopted", putCodeOnOrcid)
                    .param("reason", "found on the ORCID record under put-code " + putCodeOnOrcid)
                    .param("now", now).param("id", claimId).param("seen", putCodeSeen)
                    .update() == 1;
        }
        return RemovedByResearcher.record(jdbc, now.toInstant(), claimId, putCodeSeen,
                "put-code " + putCodeSeen + " is no longer on the ORCID record");
    }

    /**
     * {@code provenance} no longer asserts the claim (the link was removed from the metadata, the DOI is no
     * longer findable, a filter now excludes it). When no provenance remains, the work is deleted from ORCID
     * (or the claim simply forgotten when it was never written).
     */
    public void withdraw(OrcidId orcid, Doi doi, String registration, Provenance provenance, String reason) {
        String registrationId = registrationKey(registration);
        tx.executeWithoutResult(status -> {
            Row row = findRow(orcid, doi, registrationId, true);
            if (row == null) {
                return;
            }
            Set<Provenance> remaining = row.provenance.isEmpty() ? EnumSet.noneOf(Provenance.class)
                    : EnumSet.copyOf(row.provenance);
            remaining.remove(provenance);
            Instant now = clock.instant();
            if (!remaining.isEmpty()) {
                jdbc.sql("UPDATE claim SET provenance = :prov::text[], updated_at = :now WHERE id = :id")
                        .param("prov", pgArray(remaining)).param("now", ts(now)).param("id", row.id).update();
                return;
            }
            leaveOrcid(row, orcid, registrationId, reason, now, false);
            queue.queueChanged(orcid);
        });
    }

    /** The researcher's claims, newest first. */
    public List<ClaimView> forResearcher(OrcidId orcid) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM claim WHERE orcid = :orcid ORDER BY created_at DESC, id DESC")
                .param("orcid", orcid.value()).query((rs, n) -> view(rs)).list();
    }

    /** One claim, by id. */
    public Optional<ClaimView> find(long claimId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM claim WHERE id = :id").param("id", claimId)
                .query((rs, n) -> view(rs)).optional();
    }

    /**
     * Every claim on {@code doi}, whatever its status, by researcher then registration: the inverse lookup's
     * "which iDs are linked to this DOI".
     */
    public List<ClaimView> forDoi(Doi doi) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM claim WHERE doi = :doi ORDER BY orcid, registration_id, id")
                .param("doi", doi.value()).query((rs, n) -> view(rs)).list();
    }

    /** The researchers who claim {@code doi} and want it on their record. */
    public List<OrcidId> orcidsForDoi(Doi doi) {
        return jdbc.sql("SELECT DISTINCT orcid FROM claim WHERE doi = :doi AND wanted ORDER BY orcid")
                .param("doi", doi.value()).query((rs, n) -> new OrcidId(rs.getString(1))).list();
    }

    /** Claims in a status, oldest change first (administrators' view). */
    public List<ClaimView> inStatus(ClaimStatus status, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM claim WHERE status = :status ORDER BY updated_at LIMIT :limit")
                .param("status", status.name()).param("limit", limit).query((rs, n) -> view(rs)).list();
    }

    /**
     * "Sync now": the researcher's queued writes (including failed ones waiting for their next attempt) run
     * first, before other researchers'.
     */
    public void syncNow(OrcidId orcid) {
        tx.executeWithoutResult(status -> {
            Instant now = clock.instant();
            jdbc.sql("""
                    UPDATE claim SET due_at = :now, updated_at = :now
                    WHERE orcid = :orcid AND queued_action IS NOT NULL AND due_at > :now""")
                    .param("orcid", orcid.value()).param("now", ts(now)).update();
            queue.syncRequested(orcid);
        });
    }

    /**
     * "Put it back": the researcher wants a work they removed (on ORCID, or with "remove all my works") on
     * their record again.
     *
     * @throws ClaimNotFoundException when there is no such claim
     */
    public ClaimView putBack(long claimId) {
        tx.executeWithoutResult(status -> {
            Row row = lockRow(claimId);
            if (!row.keptOut) {
                return;
            }
            Instant now = clock.instant();
            jdbc.sql("""
                    UPDATE claim SET kept_out = false, wanted = true, put_code = NULL, written_hash = NULL,
                                     updated_at = :now
                    WHERE id = :id""").param("now", ts(now)).param("id", row.id).update();
            OrcidId orcid = new OrcidId(row.orcid);
            Hold hold = holdFor(orcid, row.registrationId, row.provenance, "ADD");
            // The recovery read finds the work if it is in fact still on the record, so it is never added twice.
            setQueued(row.id, "ADD", hold, now, true);
            jdbc.sql("UPDATE claim SET recover = true WHERE id = :id").param("id", row.id).update();
            queue.syncRequested(orcid);
        });
        return find(claimId).orElseThrow(() -> new ClaimNotFoundException(claimId));
    }

    /**
     * "Remove all my works from ORCID": every work pidlink wrote to the researcher's record is deleted, and none
     * is added again until the researcher puts it back.
     */
    public int removeAllFromOrcid(OrcidId orcid) {
        return Objects.requireNonNull(tx.execute(status -> {
            Instant now = clock.instant();
            List<Row> rows = jdbc.sql("SELECT " + COLUMNS + " FROM claim WHERE orcid = :orcid AND NOT kept_out FOR UPDATE")
                    .param("orcid", orcid.value()).query((rs, n) -> row(rs)).list();
            int deletions = 0;
            for (Row row : rows) {
                if (leaveOrcid(row, orcid, row.registrationId, "removed at the researcher's request", now, true)) {
                    deletions++;
                }
            }
            queue.syncRequested(orcid);
            return deletions;
        }));
    }

    /**
     * Administrator's retry of a claim that failed permanently (or a forced retry of one waiting for its next
     * attempt): the queued write runs again now, with a fresh attempt count.
     *
     * @throws ClaimNotFoundException when there is no such claim
     */
    public ClaimView retry(long claimId) {
        tx.executeWithoutResult(status -> {
            Row row = lockRow(claimId);
            if (row.status != ClaimStatus.FAILED_PERMANENTLY && row.status != ClaimStatus.FAILED_WILL_RETRY) {
                return;
            }
            String action = !row.wanted ? (row.putCode != null ? "DELETE" : null)
                    : row.putCode != null ? "UPDATE" : "ADD";
            Instant now = clock.instant();
            if (action == null) {
                jdbc.sql("""
                        UPDATE claim SET queued_action = NULL, due_at = NULL, status = 'DELETED_FROM_ORCID',
                                         status_reason = 'nothing to delete', updated_at = :now
                        WHERE id = :id""").param("now", ts(now)).param("id", row.id).update();
            } else {
                OrcidId orcid = new OrcidId(row.orcid);
                setQueued(row.id, action, holdFor(orcid, row.registrationId, row.provenance, action), now, true);
            }
            queue.queueChanged(new OrcidId(row.orcid));
        });
        return find(claimId).orElseThrow(() -> new ClaimNotFoundException(claimId));
    }

    /**
     * The researcher's permissions changed (granted, revoked, auto-update switched): held claims whose write is
     * now allowed are queued (the backfill), queued claims whose write is no longer allowed are held.
     *
     * @param registrationId the registration whose permission changed, or {@code null} for all of them
     */
    public void permissionsChanged(OrcidId orcid, @Nullable String registration) {
        String registrationId = registration == null ? null : registrationKey(registration);
        tx.executeWithoutResult(status -> {
            Instant now = clock.instant();
            List<Row> rows = jdbc.sql("SELECT " + COLUMNS + " " + """
                     FROM claim WHERE orcid = :orcid AND queued_action IS NOT NULL
                       AND (CAST(:reg AS text) IS NULL OR registration_id = :reg) FOR UPDATE""")
                    .param("orcid", orcid.value()).param("reg", registrationId).query((rs, n) -> row(rs)).list();
            for (Row row : rows) {
                Hold hold = holdFor(orcid, row.registrationId, row.provenance, row.queuedAction);
                boolean held = row.dueAt == null;
                if (hold != null && (!held || row.status != hold.status())) {
                    setQueued(row.id, row.queuedAction, hold, now, false);
                } else if (hold == null && held) {
                    setQueued(row.id, row.queuedAction, null, now, true);
                }
            }
            queue.queueChanged(orcid);
        });
    }

    private boolean leaveOrcid(Row row, OrcidId orcid, String registrationId, String reason, Instant now,
            boolean keepOut) {
        boolean mayBeInOrcid = row.putCode != null || row.postAttemptedHash != null;
        jdbc.sql("UPDATE claim SET wanted = false, kept_out = kept_out OR :keepOut, updated_at = :now WHERE id = :id")
                .param("keepOut", keepOut).param("now", ts(now)).param("id", row.id).update();
        if (mayBeInOrcid) {
            Hold hold = holdFor(orcid, registrationId, row.provenance, "DELETE");
            setQueued(row.id, "DELETE", hold, now, true);
            jdbc.sql("UPDATE claim SET status_reason = :reason, recover = (put_code IS NULL) WHERE id = :id")
                    .param("reason", hold == null ? "to be deleted from ORCID: " + reason : hold.reason())
                    .param("id", row.id).update();
            return true;
        }
        if (keepOut) {
            jdbc.sql("""
                    UPDATE claim SET queued_action = NULL, due_at = NULL, status = 'DELETED_FROM_ORCID',
                                     status_reason = :reason
                    WHERE id = :id""").param("reason", reason + " (it had not been written)").param("id", row.id)
                    .update();
        } else {
            // Never written: nothing to delete on ORCID, nothing left to remember.
            jdbc.sql("DELETE FROM claim WHERE id = :id").param("id", row.id).update();
        }
        return false;
    }

    private void setQueued(long id, String action, @Nullable Hold hold, Instant now, boolean resetAttempts) {
        jdbc.sql("""
                UPDATE claim SET queued_action = :action, due_at = :due, status = :status, status_reason = :reason,
                                 attempts = CASE WHEN :reset THEN 0 ELSE attempts END,
                                 orcid_message = CASE WHEN :reset THEN NULL ELSE orcid_message END,
                                 updated_at = :now
                WHERE id = :id""")
                .param("action", action).param("due", hold == null ? ts(now) : null)
                .param("status", hold == null ? ClaimStatus.QUEUED.name() : hold.status().name())
                .param("reason", hold == null ? null : hold.reason()).param("reset", resetAttempts)
                .param("now", ts(now)).param("id", id).update();
    }

    /** Why a write may not run now, or {@code null} when it may. */
    private @Nullable Hold holdFor(OrcidId orcid, String registrationId, Set<Provenance> provenance, String action) {
        return switch (access.find(orcid, registrationId)) {
            case WriteAccess.Missing missing -> new Hold(ClaimStatus.WAITING_FOR_PERMISSION, missing.reason());
            case WriteAccess.Revoked revoked -> new Hold(ClaimStatus.PERMISSION_REVOKED, revoked.reason());
            case WriteAccess.Granted granted -> !granted.autoUpdate() && "ADD".equals(action)
                    && provenance.equals(EnumSet.of(Provenance.AUTO_UPDATE))
                    ? new Hold(ClaimStatus.WAITING_FOR_PERMISSION,
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
        return jdbc.sql("SELECT " + COLUMNS + " FROM claim WHERE orcid = :orcid AND doi = :doi AND registration_id = :reg"
                        + (lock ? " FOR UPDATE" : ""))
                .param("orcid", orcid.value()).param("doi", doi.value()).param("reg", registrationId)
                .query((rs, n) -> row(rs)).optional().orElse(null);
    }

    private Row lockRow(long claimId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM claim WHERE id = :id FOR UPDATE").param("id", claimId)
                .query((rs, n) -> row(rs)).optional().orElseThrow(() -> new ClaimNotFoundException(claimId));
    }

    private record Row(long id, String orcid, String registrationId, Set<Provenance> provenance, String payloadHash,
            @Nullable String writtenHash, @Nullable Long putCode, ClaimStatus status, boolean wanted, boolean keptOut,
            @Nullable String queuedAction, @Nullable Instant dueAt, @Nullable String postAttemptedHash) {
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("orcid"), rs.getString("registration_id"),
                provenance(rs.getArray("provenance")), rs.getString("payload_hash"), rs.getString("written_hash"),
                nullableLong(rs, "put_code"), ClaimStatus.valueOf(rs.getString("status")), rs.getBoolean("wanted"),
                rs.getBoolean("kept_out"), rs.getString("queued_action"), instant(rs, "due_at"),
                rs.getString("post_attempted_hash"));
    }

    private static ClaimView view(ResultSet rs) throws SQLException {
        ClaimStatus status = ClaimStatus.valueOf(rs.getString("status"));
        return new ClaimView(rs.getLong("id"), rs.getString("orcid"), rs.getString("doi"),
                rs.getString("registration_id"), provenance(rs.getArray("provenance")),
                WorkTitles.titleOf(rs.getString("work_json")), nullableLong(rs, "put_code"), status,
                rs.getString("status_reason"), rs.getString("orcid_message"), rs.getString("queued_action"),
                rs.getInt("attempts"), status == ClaimStatus.FAILED_WILL_RETRY ? instant(rs, "due_at") : null,
                rs.getBoolean("kept_out"), Objects.requireNonNull(instant(rs, "created_at")),
                Objects.requireNonNull(instant(rs, "updated_at")), instant(rs, "written_at"));
    }

    private static Set<Provenance> provenance(@Nullable Array array) throws SQLException {
        return Provenance.setOf(array == null ? new String[0] : (String[]) array.getArray());
    }

    private static String pgArray(Set<Provenance> provenance) {
        List<String> names = new ArrayList<>();
        for (Provenance p : provenance) {
            names.add(p.name());
        }
        return "{" + String.join(",", names) + "}";
    }

    private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
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
