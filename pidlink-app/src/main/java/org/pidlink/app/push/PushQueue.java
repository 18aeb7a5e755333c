package org.pidlink.app.push;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.pidlink.app.claims.ClaimQueueListener;
import org.pidlink.app.claims.ClaimStatus;
import org.pidlink.app.claims.Provenance;
import org.pidlink.app.claims.RemovedByResearcher;
import org.pidlink.core.identifiers.OrcidId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The push queue in PostgreSQL: leases researchers (one instance, one write in flight per ORCID record), picks
 * their next batch, and records each outcome on the claim. Every statement takes its time from the injected
 * clock, never from the database, so tests can move time. Thread-safe.
 */
final class PushQueue implements ClaimQueueListener {

    private static final String CLAIM_COLUMNS = """
            id, orcid, doi, registration_id, provenance, queued_action, work_json, payload_hash, put_code, recover,
            post_attempted_hash, attempts, wanted""";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    PushQueue(DataSource dataSource, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.clock = clock;
    }

    // ---- researchers: scheduling and leases -------------------------------------------------------------

    @Override
    public void queueChanged(OrcidId orcid) {
        reschedule(orcid.value(), false);
    }

    @Override
    public void syncRequested(OrcidId orcid) {
        reschedule(orcid.value(), true);
    }

    /**
     * Recomputes when the researcher has due work. The researcher's row is locked first so that the aggregate,
     * read by the next statement, sees every claim change committed before the lock was granted.
     */
    private void reschedule(String orcid, boolean syncNow) {
        tx.executeWithoutResult(status -> {
            jdbc.sql("INSERT INTO push_researcher (orcid) VALUES (:orcid) ON CONFLICT (orcid) DO NOTHING")
                    .param("orcid", orcid).update();
            jdbc.sql("SELECT orcid FROM push_researcher WHERE orcid = :orcid FOR UPDATE").param("orcid", orcid)
                    .query(String.class).single();
            jdbc.sql("""
                    UPDATE push_researcher r
                    SET due_at = q.due, urgent = q.urgent, sync_now = (r.sync_now OR :sync) AND q.due IS NOT NULL
                    FROM (SELECT min(due_at) AS due, coalesce(bool_or(queued_action <> 'UPDATE'), false) AS urgent
                          FROM claim
                          WHERE orcid = :orcid AND queued_action IS NOT NULL AND due_at IS NOT NULL) q
                    WHERE r.orcid = :orcid""")
                    .param("orcid", orcid).param("sync", syncNow).update();
        });
    }

    /**
     * Leases the researcher who should be served next: "Sync now" first, then researchers with deletions or
     * first additions, then the one served longest ago (round robin, so nobody starves). Skips researchers leased
     * by a live instance; an expired lease is taken over.
     */
    Optional<OrcidId> leaseNext(String owner, Duration lease) {
        Instant now = clock.instant();
        return jdbc.sql("""
                UPDATE push_researcher SET lease_owner = :owner, lease_until = :until
                WHERE orcid = (
                    SELECT orcid FROM push_researcher
                    WHERE due_at <= :now AND (lease_until IS NULL OR lease_until < :now)
                    ORDER BY sync_now DESC, urgent DESC, last_served_at ASC NULLS FIRST, due_at
                    LIMIT 1
                    FOR UPDATE SKIP LOCKED)
                RETURNING orcid""")
                .param("owner", owner).param("until", ts(now.plus(lease))).param("now", ts(now))
                .query((rs, n) -> new OrcidId(rs.getString(1))).optional();
    }

    /** Leases this researcher, unless a live lease of another instance (or worker) holds her. */
    boolean lease(OrcidId orcid, String owner, Duration lease) {
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO push_researcher (orcid) VALUES (:orcid) ON CONFLICT (orcid) DO NOTHING")
                .param("orcid", orcid.value()).update();
        return jdbc.sql("""
                UPDATE push_researcher SET lease_owner = :owner, lease_until = :until
                WHERE orcid = :orcid AND (lease_until IS NULL OR lease_until < :now)""")
                .param("owner", owner).param("until", ts(now.plus(lease))).param("now", ts(now))
                .param("orcid", orcid.value()).update() == 1;
    }

    /** Extends this instance's lease of the researcher from now. */
    void renewLease(OrcidId orcid, String owner, Duration lease) {
        jdbc.sql("UPDATE push_researcher SET lease_until = :until WHERE orcid = :orcid AND lease_owner = :owner")
                .param("until", ts(clock.instant().plus(lease))).param("orcid", orcid.value()).param("owner", owner)
                .update();
    }

    /** Gives the researcher back, served now, with their next due time recomputed. */
    void release(OrcidId orcid, String owner) {
        tx.executeWithoutResult(status -> {
            int mine = jdbc.sql("""
                    UPDATE push_researcher SET lease_owner = NULL, lease_until = NULL, last_served_at = :now
                    WHERE orcid = :orcid AND lease_owner = :owner""")
                    .param("now", ts(clock.instant())).param("orcid", orcid.value()).param("owner", owner).update();
            if (mine == 1) {
                reschedule(orcid.value(), false);
            }
        });
    }

    /** Re-derives every researcher's schedule from the claims (a safety net; cheap enough to run now and then). */
    void rescheduleAll() {
        jdbc.sql("""
                INSERT INTO push_researcher (orcid)
                SELECT DISTINCT orcid FROM claim WHERE queued_action IS NOT NULL AND due_at IS NOT NULL
                ON CONFLICT (orcid) DO NOTHING""").update();
        jdbc.sql("""
                UPDATE push_researcher r SET due_at = q.due, urgent = q.urgent
                FROM (SELECT p.orcid, min(c.due_at) AS due,
                             coalesce(bool_or(c.queued_action <> 'UPDATE'), false) AS urgent
                      FROM push_researcher p
                      LEFT JOIN claim c ON c.orcid = p.orcid AND c.queued_action IS NOT NULL AND c.due_at IS NOT NULL
                      GROUP BY p.orcid) q
                WHERE r.orcid = q.orcid AND (r.due_at IS DISTINCT FROM q.due OR r.urgent <> q.urgent)""").update();
    }

    // ---- claims: picking a batch -------------------------------------------------------------------------

    /**
     * The researcher's next call: one deletion, or up to {@code bulkSize} additions with the same ORCID client,
     * or one update, in that order of priority.
     */
    List<QueuedClaim> nextBatch(OrcidId orcid, int bulkSize) {
        Timestamp now = ts(clock.instant());
        Optional<QueuedClaim> first = jdbc.sql("SELECT " + CLAIM_COLUMNS + " " + """
                 FROM claim WHERE orcid = :orcid AND queued_action IS NOT NULL AND due_at <= :now
                ORDER BY CASE queued_action WHEN 'DELETE' THEN 0 WHEN 'ADD' THEN 1 ELSE 2 END, due_at, id
                LIMIT 1""").param("orcid", orcid.value()).param("now", now).query((rs, n) -> claim(rs)).optional();
        if (first.isEmpty()) {
            return List.of();
        }
        QueuedClaim head = first.get();
        if (head.action() != Action.ADD || bulkSize == 1) {
            return List.of(head);
        }
        return jdbc.sql("SELECT " + CLAIM_COLUMNS + " " + """
                 FROM claim WHERE orcid = :orcid AND registration_id = :reg AND queued_action = 'ADD'
                  AND due_at <= :now
                ORDER BY due_at, id LIMIT :limit""")
                .param("orcid", orcid.value()).param("reg", head.registrationId()).param("now", now)
                .param("limit", bulkSize).query((rs, n) -> claim(rs)).list();
    }

    /** Whether any write is queued for the researcher, due or not. */
    boolean hasQueuedWork(OrcidId orcid) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM claim WHERE orcid = :orcid AND queued_action IS NOT NULL)")
                .param("orcid", orcid.value()).query(Boolean.class).single();
    }

    /** Whether any claim of the batch needs a recovery read before anything is written. */
    boolean needsRecovery(List<QueuedClaim> batch) {
        return batch.stream().anyMatch(QueuedClaim::needsRecovery);
    }

    // ---- outcomes ----------------------------------------------------------------------------------------

    /** Crash safety: committed before the POST, so a crash after it leaves a trace that forces a recovery read. */
    void markPostAttempted(List<QueuedClaim> batch) {
        jdbc.sql("""
                UPDATE claim c SET post_attempted_hash = r.hash, post_attempted_at = :now
                FROM unnest(CAST(:ids AS bigint[]), CAST(:hashes AS text[])) AS r(id, hash)
                WHERE c.id = r.id""")
                .param("now", ts(clock.instant()))
                .param("ids", arrayLiteral(batch.stream().map(c -> Long.toString(c.id())).toList()))
                .param("hashes", arrayLiteral(batch.stream().map(QueuedClaim::payloadHash).toList()))
                .update();
    }

    /**
     * The payload with {@code sentHash} is on ORCID under {@code putCode}. What is queued next depends on what
     * happened to the claim meanwhile: a newer payload is an update, a withdrawn claim a deletion. One statement
     * for a whole bulk answer.
     */
    void written(List<Written> results) {
        if (results.isEmpty()) {
            return;
        }
        jdbc.sql("""
                UPDATE claim c SET put_code = r.put_code, written_hash = r.hash, written_at = :now,
                    post_attempted_hash = NULL, post_attempted_at = NULL, recover = false, attempts = 0,
                    orcid_message = NULL, updated_at = :now,
                    queued_action = CASE WHEN NOT c.wanted THEN 'DELETE' WHEN c.payload_hash <> r.hash THEN 'UPDATE' END,
                    due_at = CASE WHEN NOT c.wanted OR c.payload_hash <> r.hash THEN CAST(:now AS timestamptz) END,
                    status = CASE WHEN NOT c.wanted OR c.payload_hash <> r.hash THEN 'QUEUED' ELSE 'IN_ORCID' END,
                    status_reason = CASE WHEN NOT c.wanted THEN c.status_reason
                                         WHEN c.payload_hash <> r.hash THEN 'the metadata changed while it was written'
                                    END
                FROM unnest(CAST(:ids AS bigint[]), CAST(:putCodes AS bigint[]), CAST(:hashes AS text[]))
                     AS r(id, put_code, hash)
                WHERE c.id = r.id""")
                .param("now", ts(clock.instant()))
                .param("ids", arrayLiteral(results.stream().map(w -> Long.toString(w.claimId())).toList()))
                .param("putCodes", arrayLiteral(results.stream().map(w -> Long.toString(w.putCode())).toList()))
                .param("hashes", arrayLiteral(results.stream().map(Written::sentHash).toList()))
                .update();
    }

    /** A PostgreSQL array literal; every element quoted, so any text is safe in it. */
    private static String arrayLiteral(List<String> values) {
        StringBuilder s = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i).replace("\\", "\\\\").replace("\"", "\\\"");
            s.append(i == 0 ? "\"" : ",\"").append(v).append('"');
        }
        return s.append('}').toString();
    }

    record Written(long claimId, long putCode, String sentHash) {
    }

    /** ORCID already holds the work under {@code putCode}: adopt it, then write the payload with a PUT. */
    void adoptPutCode(long claimId, long putCode, String reason) {
        Timestamp now = ts(clock.instant());
        jdbc.sql("""
                UPDATE claim SET put_code = :pc, post_attempted_hash = NULL, post_attempted_at = NULL, recover = false,
                    queued_action = CASE WHEN wanted THEN 'UPDATE' ELSE 'DELETE' END, due_at = :now,
                    status = 'QUEUED', status_reason = :reason, updated_at = :now
                WHERE id = :id""")
                .param("pc", putCode).param("now", now).param("reason", reason).param("id", claimId).update();
    }

    /** A recovery read found the work of an interrupted POST whose payload was {@code sentHash}. */
    void recoveredWritten(long claimId, long putCode, String sentHash) {
        written(List.of(new Written(claimId, putCode, sentHash)));
    }

    /** A recovery read did not find the work: nothing reached ORCID, so the work is to be added (again). */
    void recoveredAbsent(long claimId) {
        Timestamp now = ts(clock.instant());
        jdbc.sql("""
                UPDATE claim SET post_attempted_hash = NULL, post_attempted_at = NULL, recover = false, put_code = NULL,
                    written_hash = NULL, queued_action = 'ADD', due_at = :now, updated_at = :now
                WHERE id = :id""").param("now", now).param("id", claimId).update();
    }

    /** The put-code must be found by reading the record before anything is written. */
    void needsRecoveryRead(long claimId, String reason) {
        Timestamp now = ts(clock.instant());
        jdbc.sql("""
                UPDATE claim SET recover = true, due_at = :now, status = 'QUEUED', status_reason = :reason,
                    updated_at = :now
                WHERE id = :id""").param("now", now).param("reason", reason).param("id", claimId).update();
    }

    void deleted(long claimId) {
        Timestamp now = ts(clock.instant());
        jdbc.sql("""
                UPDATE claim SET put_code = NULL, written_hash = NULL, post_attempted_hash = NULL,
                    post_attempted_at = NULL, recover = false, attempts = 0, orcid_message = NULL,
                    queued_action = CASE WHEN wanted AND NOT kept_out THEN 'ADD' END,
                    due_at = CASE WHEN wanted AND NOT kept_out THEN CAST(:now AS timestamptz) END,
                    status = CASE WHEN wanted AND NOT kept_out THEN 'QUEUED' ELSE 'DELETED_FROM_ORCID' END,
                    updated_at = :now
                WHERE id = :id""").param("now", now).param("id", claimId).update();
    }

    /** ORCID answered 404 for our put-code: the researcher deleted the work, and it stays deleted. */
    void removedByResearcher(long claimId, String orcidMessage) {
        RemovedByResearcher.record(jdbc, clock.instant(), claimId, null, orcidMessage);
    }

    void failedPermanently(long claimId, String reason, @Nullable String orcidMessage, boolean clearPostMarker) {
        Timestamp now = ts(clock.instant());
        jdbc.sql("""
                UPDATE claim SET queued_action = NULL, due_at = NULL, status = 'FAILED_PERMANENTLY',
                    status_reason = :reason, orcid_message = :message, updated_at = :now,
                    post_attempted_hash = CASE WHEN :clear THEN NULL ELSE post_attempted_hash END,
                    post_attempted_at = CASE WHEN :clear THEN NULL ELSE post_attempted_at END,
                    recover = recover OR post_attempted_hash IS NOT NULL AND NOT :clear
                WHERE id = :id""")
                .param("reason", reason).param("message", orcidMessage).param("now", now).param("clear", clearPostMarker)
                .param("id", claimId).update();
    }

    /** A transient failure: retried at {@code dueAt}; a POST that may have arrived is recovered before then. */
    void retryLater(long claimId, int attempts, Instant dueAt, String reason, @Nullable String orcidMessage) {
        Timestamp now = ts(clock.instant());
        jdbc.sql("""
                UPDATE claim SET attempts = :attempts, due_at = :due, status = 'FAILED_WILL_RETRY',
                    status_reason = :reason, orcid_message = :message, updated_at = :now
                WHERE id = :id""")
                .param("attempts", attempts).param("due", ts(dueAt)).param("reason", reason)
                .param("message", orcidMessage).param("now", now).param("id", claimId).update();
    }

    /** A POST answered with a definite refusal of the whole request: nothing was written. */
    void clearPostMarkers(List<QueuedClaim> batch) {
        jdbc.sql("""
                UPDATE claim SET post_attempted_hash = NULL, post_attempted_at = NULL
                WHERE id = ANY(CAST(:ids AS bigint[]))""")
                .param("ids", arrayLiteral(batch.stream().map(c -> Long.toString(c.id())).toList())).update();
    }

    /** Holds every queued write of the researcher with this client (no permission). */
    void hold(OrcidId orcid, String registrationId, ClaimStatus status, String reason) {
        Timestamp now = ts(clock.instant());
        jdbc.sql("""
                UPDATE claim SET due_at = NULL, status = :status, status_reason = :reason, updated_at = :now
                WHERE orcid = :orcid AND registration_id = :reg AND queued_action IS NOT NULL""")
                .param("status", status.name()).param("reason", reason).param("now", now)
                .param("orcid", orcid.value()).param("reg", registrationId).update();
    }

    /** The record accepts no writes (deactivated, deprecated, locked): every queued write for it stops. */
    void stopRecord(OrcidId orcid, String reason, String orcidMessage) {
        Timestamp now = ts(clock.instant());
        jdbc.sql("""
                UPDATE claim SET queued_action = NULL, due_at = NULL, status = 'FAILED_PERMANENTLY',
                    status_reason = :reason, orcid_message = :message, updated_at = :now
                WHERE orcid = :orcid AND queued_action IS NOT NULL""")
                .param("reason", reason).param("message", orcidMessage).param("now", now)
                .param("orcid", orcid.value()).update();
    }

    private static QueuedClaim claim(ResultSet rs) throws SQLException {
        long putCode = rs.getLong("put_code");
        Long pc = rs.wasNull() ? null : putCode;
        return new QueuedClaim(rs.getLong("id"), new OrcidId(rs.getString("orcid")), rs.getString("doi"),
                rs.getString("registration_id"), provenance(rs.getArray("provenance")),
                Action.valueOf(rs.getString("queued_action")), rs.getString("work_json"), rs.getString("payload_hash"),
                pc, rs.getBoolean("recover"), rs.getString("post_attempted_hash"), rs.getInt("attempts"),
                rs.getBoolean("wanted"));
    }

    private static Set<Provenance> provenance(@Nullable Array array) throws SQLException {
        return Provenance.setOf(array == null ? new String[0] : (String[]) array.getArray());
    }

    static List<Long> ids(List<QueuedClaim> batch) {
        List<Long> ids = new ArrayList<>(batch.size());
        batch.forEach(c -> ids.add(c.id()));
        return ids;
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
