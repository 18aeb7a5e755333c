package org.pidlink.app.intake;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

import org.pidlink.app.background.BackgroundWorker;
import org.pidlink.app.claims.ClaimResult;
import org.pidlink.app.claims.ClaimStatus;
import org.pidlink.app.claims.Claims;
import org.pidlink.app.claims.Provenance;
import org.pidlink.app.claims.RecordFacts;
import org.pidlink.app.claims.WorkPayload;
import org.pidlink.core.identifiers.Doi;
import org.pidlink.core.identifiers.OrcidId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns queued intake work into claims: asserts the auto-update claim of each researcher a DOI names (claims
 * decides whether it is written now or waits for permission) and withdraws it from researchers no longer named.
 * Each task runs in its own transaction together with the claim change, so a task is done exactly once. Tasks
 * of one DOI and researcher run in the order they arrived.
 *
 * <p>Tests call {@link #runDueTasks()}; the application runs it on a {@link BackgroundWorker}, woken by intake.
 */
final class IntakeWorker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IntakeWorker.class);
    /** Tasks taken at once: the researchers of a record at the ceiling per record come in one batch per thread. */
    private static final int BATCH = 1000;
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Claims claims;
    private final String registrationId;
    private final PermissionNeeded waitingForPermission;
    private final BackgroundWorker worker;

    /**
     * @param waitingForPermission told, inside the task's transaction, about each researcher whose claim waits
     *                             for permission (permission requests)
     */
    IntakeWorker(DataSource dataSource, Clock clock, Claims claims, String registrationId, int threadCount,
                 Duration pollInterval, PermissionNeeded waitingForPermission) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.clock = Objects.requireNonNull(clock, "clock");
        this.claims = Objects.requireNonNull(claims, "claims");
        this.registrationId = Objects.requireNonNull(registrationId, "registrationId");
        this.waitingForPermission = Objects.requireNonNull(waitingForPermission, "waitingForPermission");
        // Each thread takes the tasks of its own partitions, so the threads never contend for one task.
        this.worker = new BackgroundWorker("intake", threadCount, pollInterval,
                (slot, slots) -> runBatch(slots, slot) > 0);
    }

    /** Runs every due task now, on the calling thread. Returns how many ran. */
    public int runDueTasks() {
        int total = 0;
        int done;
        do {
            done = runBatch(1, 0);
            total += done;
        } while (done > 0);
        return total;
    }

    /** Tasks waiting (due or backing off). */
    public long backlog() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM intake_task", Long.class);
        return count == null ? 0 : count;
    }

    void start() {
        worker.start();
    }

    /** Work was queued: idle threads look now. */
    void wake() {
        worker.wake();
    }

    @Override
    public void close() {
        worker.close();
    }

    private int runBatch(int modulus, int slot) {
        List<Task> due = jdbc.query("""
                SELECT t.id, t.doi, t.orcid, t.action, t.work_hash, t.reason, coalesce(d.owner, d.source) AS source,
                       d.doi_state, d.version_of
                FROM intake_task t LEFT JOIN intake_doi d ON d.doi = t.doi
                WHERE mod(t.partition, ?) = ? AND (t.not_before IS NULL OR t.not_before <= ?)
                  AND NOT EXISTS (SELECT 1 FROM intake_task e WHERE e.doi = t.doi AND e.orcid = t.orcid AND e.id < t.id)
                ORDER BY t.id LIMIT ?""", IntakeWorker::task, modulus, slot, Timestamp.from(clock.instant()), BATCH);
        // The tasks of one record share their work: it is read and checked once per batch, not once per task.
        Map<String, WorkPayload> works = new HashMap<>();
        // A batch holds at most one task per DOI and researcher (the earliest), so its tasks may run in any order;
        // the assertions of one record with one work run together, in a few statements however many researchers.
        Map<List<String>, List<Task>> together = new LinkedHashMap<>();
        List<Task> alone = new ArrayList<>();
        for (Task task : due) {
            if ("ASSERT".equals(task.action()) && task.workHash() != null) {
                together.computeIfAbsent(Arrays.asList(task.doi(), task.workHash(), task.source()),
                        k -> new ArrayList<>()).add(task);
            } else {
                alone.add(task);
            }
        }
        int done = 0;
        for (List<Task> group : together.values()) {
            if (group.size() == 1) {
                alone.add(group.getFirst());
            } else {
                done += runTogether(group, works);
            }
        }
        for (Task task : alone) {
            if (run(task.id(), works)) {
                done++;
            }
        }
        return done;
    }

    /** One record's assertions with one work, in one transaction; on failure each task runs (and retries) alone. */
    private int runTogether(List<Task> group, Map<String, WorkPayload> works) {
        Task first = group.getFirst();
        try {
            return Objects.requireNonNull(tx.execute(status -> {
                Long[] ids = group.stream().map(Task::id).toArray(Long[]::new);
                List<String> locked = jdbc.queryForList(
                        "SELECT orcid FROM intake_task WHERE id = ANY(?) ORDER BY id FOR UPDATE SKIP LOCKED",
                        String.class, (Object) ids);
                if (locked.isEmpty()) {
                    return 0;
                }
                Doi doi = new Doi(first.doi());
                List<OrcidId> orcids = locked.stream().map(OrcidId::new).toList();
                Map<OrcidId, ClaimResult> results = claims.assertClaims(orcids, doi, registrationId,
                        Provenance.AUTO_UPDATE, work(first.workHash(), works), first.facts());
                List<OrcidId> waiting = new ArrayList<>();
                results.forEach((orcid, result) -> {
                    if (result.status() == ClaimStatus.WAITING_FOR_PERMISSION) {
                        waiting.add(orcid);
                    }
                });
                waitingForPermission.needed(waiting, doi.value(), first.source() == null ? "" : first.source());
                jdbc.update("DELETE FROM intake_task WHERE id = ANY(?) AND orcid = ANY(?)", ids,
                        locked.toArray(String[]::new));
                forgetWorkIfDone(first.workHash());
                return locked.size();
            }));
        } catch (RuntimeException e) {
            log.info("Intake tasks of {} failed together; each runs alone: {}", first.doi(), e.toString());
            int done = 0;
            for (Task task : group) {
                if (run(task.id(), works)) {
                    done++;
                }
            }
            return done;
        }
    }

    private static Task task(ResultSet rs, int row) throws SQLException {
        return new Task(rs.getLong("id"), rs.getString("doi"), rs.getString("orcid"), rs.getString("action"),
                rs.getString("work_hash"), rs.getString("reason"), rs.getString("source"),
                new RecordFacts(rs.getString("doi_state"), rs.getString("version_of")));
    }

    private boolean run(long id, Map<String, WorkPayload> works) {
        try {
            return Boolean.TRUE.equals(tx.execute(status -> {
                Optional<Task> found = jdbc.query("""
                        SELECT t.id, t.doi, t.orcid, t.action, t.work_hash, t.reason, t.attempts,
                               coalesce(d.owner, d.source) AS source, d.doi_state, d.version_of
                        FROM intake_task t LEFT JOIN intake_doi d ON d.doi = t.doi
                        WHERE t.id = ? FOR UPDATE OF t SKIP LOCKED""", IntakeWorker::task, id)
                        .stream().findFirst();
                if (found.isEmpty()) {
                    return false;
                }
                execute(found.get(), works);
                jdbc.update("DELETE FROM intake_task WHERE id = ?", id);
                forgetWorkIfDone(found.get().workHash());
                return true;
            }));
        } catch (RuntimeException e) {
            postpone(id, e);
            return false;
        }
    }

    private void execute(Task task, Map<String, WorkPayload> works) {
        OrcidId orcid = new OrcidId(task.orcid());
        Doi doi = new Doi(task.doi());
        if ("ASSERT".equals(task.action())) {
            ClaimResult result = claims.assertClaim(orcid, doi, registrationId, Provenance.AUTO_UPDATE,
                    work(task.workHash(), works), task.facts());
            if (result.status() == ClaimStatus.WAITING_FOR_PERMISSION) {
                waitingForPermission.needed(List.of(orcid), doi.value(), task.source() == null ? "" : task.source());
            }
        } else {
            claims.withdraw(orcid, doi, registrationId, Provenance.AUTO_UPDATE, task.reason());
        }
    }

    private WorkPayload work(String hash, Map<String, WorkPayload> works) {
        if (hash == null) {
            throw new IllegalStateException("an assertion without a work");
        }
        WorkPayload cached = works.get(hash);
        if (cached != null) {
            return cached;
        }
        String json = jdbc.query("SELECT work_json FROM intake_work WHERE work_hash = ?",
                rs -> rs.next() ? rs.getString(1) : null, hash);
        if (json == null) {
            throw new IllegalStateException("the work " + hash + " of an intake task is missing");
        }
        WorkPayload payload = new WorkPayload(json, hash);
        works.put(hash, payload);
        return payload;
    }

    /**
     * The last task of a work removes the work's one copy. The work row is locked first, so that an intake
     * storing new tasks for it (which locks it too) either finishes before the check, or stores it again after.
     */
    private void forgetWorkIfDone(String workHash) {
        if (workHash == null || Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM intake_task WHERE work_hash = ?)", Boolean.class, workHash))) {
            return;
        }
        jdbc.query("SELECT work_hash FROM intake_work WHERE work_hash = ? FOR UPDATE", rs -> { }, workHash);
        jdbc.update("""
                DELETE FROM intake_work w WHERE w.work_hash = ?
                  AND NOT EXISTS (SELECT 1 FROM intake_task t WHERE t.work_hash = w.work_hash)""", workHash);
    }

    private void postpone(long id, RuntimeException e) {
        log.warn("Intake task {} failed; it will be retried: {}", id, e.toString());
        Instant now = clock.instant();
        jdbc.update("""
                UPDATE intake_task SET attempts = attempts + 1, last_error = ?,
                       not_before = CAST(? AS timestamptz) + least(interval '1 second' * power(2, least(attempts, 20)), ?::interval)
                WHERE id = ?""", truncate(e.toString()), Timestamp.from(now), MAX_BACKOFF.toSeconds() + " seconds",
                id);
    }

    private static String truncate(String s) {
        return s.length() <= 2000 ? s : s.substring(0, 2000);
    }

    /** @param facts what the researchers' filters read of the DOI's record, as intake last stored it */
    private record Task(long id, String doi, String orcid, String action, String workHash, String reason,
                        String source, RecordFacts facts) {
    }

    /** Told, inside the tasks' transaction, that researchers' claims on a DOI (from a source) wait for permission. */
    @FunctionalInterface
    interface PermissionNeeded {
        void needed(List<OrcidId> orcids, String doi, String source);
    }
}
