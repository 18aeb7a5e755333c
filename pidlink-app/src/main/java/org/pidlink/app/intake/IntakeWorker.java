package org.pidlink.app.intake;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.pidlink.app.background.BackgroundWorker;
import org.pidlink.app.claims.ClaimAssertion;
import org.pidlink.app.claims.ClaimResult;
import org.pidlink.app.claims.ClaimStatus;
import org.pidlink.app.claims.Claims;
import org.pidlink.app.claims.Provenance;
import org.pidlink.app.claims.RecordFacts;
import org.pidlink.app.claims.WorkPayload;
import org.pidlink.app.intake.notify.PermissionNotifications.Waiting;
import org.pidlink.core.identifiers.Doi;
import org.pidlink.core.identifiers.OrcidId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns queued intake work into claims: asserts the auto-update claim of each researcher a DOI names (claims
 * decides whether it is written now or waits for permission) and withdraws it from researchers no longer named.
 * A batch of tasks (many records) runs in one transaction together with its claim changes, which deletes the
 * tasks, so a task is done exactly once and a crash loses none; several workers (threads, instances on one
 * database) skip each other's locked tasks. When a batch fails, its tasks run one transaction each, and only the
 * failing ones back off. Tasks of one DOI and researcher run in the order they arrived.
 *
 * <p>Tests call {@link #runDueTasks()}; the application runs it on a {@link BackgroundWorker}, woken by intake.
 */
final class IntakeWorker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IntakeWorker.class);
    /**
     * Tasks taken at once, in one transaction: the researchers of a record at the ceiling per record come in one
     * batch per thread, as do about 200 records of an average 5 researchers each.
     */
    static final int BATCH = 1000;
    /** Tasks done after which an idle worker vacuums the queue's tables. */
    static final long VACUUM_AFTER = 5_000;
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Claims claims;
    private final String registrationId;
    private final PermissionNeeded waitingForPermission;
    private final BackgroundWorker worker;
    private final int batchSize;
    private final AtomicLong doneSinceVacuum = new AtomicLong();
    private final QueuedWorks queuedWorks;

    /**
     * @param waitingForPermission told, inside the task's transaction, about each researcher whose claim waits
     *                             for permission (permission requests)
     */
    IntakeWorker(DataSource dataSource, Clock clock, Claims claims, String registrationId, int threadCount,
                 Duration pollInterval, PermissionNeeded waitingForPermission) {
        this(dataSource, clock, claims, registrationId, threadCount, pollInterval, waitingForPermission, BATCH);
    }

    /** @param batchSize tasks taken at once, in one transaction */
    IntakeWorker(DataSource dataSource, Clock clock, Claims claims, String registrationId, int threadCount,
                 Duration pollInterval, PermissionNeeded waitingForPermission, int batchSize) {
        this(dataSource, clock, claims, registrationId, threadCount, pollInterval, waitingForPermission, batchSize,
                new QueuedWorks());
    }

    /** @param queuedWorks the works intake queued in this instance, taken from memory rather than read back */
    IntakeWorker(DataSource dataSource, Clock clock, Claims claims, String registrationId, int threadCount,
                 Duration pollInterval, PermissionNeeded waitingForPermission, int batchSize,
                 QueuedWorks queuedWorks) {
        this.queuedWorks = Objects.requireNonNull(queuedWorks, "queuedWorks");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1: " + batchSize);
        }
        this.batchSize = batchSize;
        this.jdbc = new JdbcTemplate(dataSource);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.clock = Objects.requireNonNull(clock, "clock");
        this.claims = Objects.requireNonNull(claims, "claims");
        this.registrationId = Objects.requireNonNull(registrationId, "registrationId");
        this.waitingForPermission = Objects.requireNonNull(waitingForPermission, "waitingForPermission");
        // Each thread takes the tasks of its own partitions, so the threads never contend for one task.
        this.worker = new BackgroundWorker("intake", threadCount, pollInterval, (slot, slots) -> {
            if (runBatch(slots, slot) > 0) {
                return true;
            }
            vacuumAfterLargeIntake();
            return false;
        });
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

    /**
     * Once the worker is idle after a large intake, the queue's tables are vacuumed: their rows were all deleted,
     * and a vacuum gives the emptied pages back (PostgreSQL truncates a table's empty end), where autovacuum,
     * waiting for a fifth of the table to be dead, would leave a million links' tasks' space in the database.
     */
    void vacuumAfterLargeIntake() {
        long done = doneSinceVacuum.get();
        // Only once the queue is drained (the other threads' partitions too): live rows at its end keep the pages.
        if (done < VACUUM_AFTER || Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT EXISTS (SELECT 1 FROM intake_task WHERE not_before IS NULL OR not_before <= ?)""",
                Boolean.class, Timestamp.from(clock.instant()))) || !doneSinceVacuum.compareAndSet(done, 0)) {
            return;
        }
        try {
            jdbc.execute("VACUUM intake_task, intake_work");
            log.info("Vacuumed the intake queue after {} tasks", done);
            rebuildEmptyQueueIndexes(done);
        } catch (RuntimeException e) {
            log.info("Could not vacuum the intake queue after {} tasks: {}", done, e.toString());
        }
    }

    /**
     * A vacuum gives the heap of an emptied queue back but not its indexes: a B-tree keeps every page it grew to (a
     * million links' tasks left ~200 bytes per link of empty index pages). Once the queue is empty its indexes are
     * rebuilt, which takes milliseconds; the short lock timeout makes a busy intake win over the rebuild.
     */
    private void rebuildEmptyQueueIndexes(long done) {
        if (Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM intake_task)", Boolean.class))) {
            return;
        }
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (var statement = connection.createStatement()) {
                statement.execute("SET lock_timeout = '1s'");
                try {
                    statement.execute("REINDEX TABLE intake_task");
                    statement.execute("REINDEX TABLE intake_work");
                } finally {
                    statement.execute("RESET lock_timeout");
                }
            }
            return null;
        });
        log.info("Rebuilt the emptied intake queue's indexes after {} tasks", done);
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
                SELECT t.id, t.doi, t.orcid, t.action, t.work_hash, t.reason, NULL AS source, NULL AS doi_state,
                       NULL AS version_of
                FROM intake_task t
                WHERE mod(t.partition, ?) = ? AND (t.not_before IS NULL OR t.not_before <= ?)
                  AND NOT EXISTS (SELECT 1 FROM intake_task e WHERE e.doi = t.doi AND e.orcid = t.orcid AND e.id < t.id)
                ORDER BY t.id LIMIT ?""", IntakeWorker::task, modulus, slot, Timestamp.from(clock.instant()), batchSize);
        if (due.isEmpty()) {
            return 0;
        }
        Long[] ids = due.stream().map(Task::id).toArray(Long[]::new);
        try {
            int done = Objects.requireNonNull(tx.execute(status -> runTogether(ids)));
            doneSinceVacuum.addAndGet(done);
            return done;
        } catch (RuntimeException e) {
            log.info("A batch of {} intake tasks failed together; each runs alone: {}", ids.length, e.toString());
            Map<String, WorkPayload> works = new HashMap<>();
            int done = 0;
            for (long id : ids) {
                if (run(id, works)) {
                    done++;
                }
            }
            return done;
        }
    }

    /**
     * A batch of tasks in one transaction: the tasks are locked (those another worker holds are skipped), every
     * assertion of the batch is made in a few statements for all its records ({@link Claims#assertClaims(List,
     * String, Provenance)}), and the tasks are deleted in the same transaction, so that a crash loses none and a
     * task is done once. A batch holds at most one task per DOI and researcher (the earliest), so its tasks may run
     * in any order.
     */
    private int runTogether(Long[] ids) {
        List<Task> locked = jdbc.query("""
                SELECT t.id, t.doi, t.orcid, t.action, t.work_hash, t.reason, coalesce(d.owner, d.source) AS source,
                       d.doi_state, d.version_of
                FROM intake_task t LEFT JOIN intake_doi d ON d.doi = t.doi
                WHERE t.id = ANY(?) ORDER BY t.id FOR UPDATE OF t SKIP LOCKED""", IntakeWorker::task, (Object) ids);
        if (locked.isEmpty()) {
            return 0;
        }
        Map<String, WorkPayload> works = works(locked);
        List<ClaimAssertion> assertions = new ArrayList<>();
        List<Task> asserted = new ArrayList<>();
        List<Task> withdrawn = new ArrayList<>();
        for (Task task : locked) {
            if ("ASSERT".equals(task.action())) {
                assertions.add(new ClaimAssertion(new OrcidId(task.orcid()), new Doi(task.doi()),
                        work(task.workHash(), works), task.facts()));
                asserted.add(task);
            } else {
                withdrawn.add(task);
            }
        }
        List<ClaimResult> results = claims.assertClaims(assertions, registrationId, Provenance.AUTO_UPDATE);
        // Per DOI, in the record's order (the tasks'), and the DOIs in one order: the requests' per-DOI locks are
        // taken in the same order by every worker.
        Map<String, List<OrcidId>> waiting = new TreeMap<>();
        Map<String, String> sources = new HashMap<>();
        for (int i = 0; i < asserted.size(); i++) {
            if (results.get(i).status() == ClaimStatus.WAITING_FOR_PERMISSION) {
                Task task = asserted.get(i);
                waiting.computeIfAbsent(task.doi(), d -> new ArrayList<>()).add(assertions.get(i).orcid());
                sources.put(task.doi(), task.source() == null ? "" : task.source());
            }
        }
        if (!waiting.isEmpty()) {
            waitingForPermission.needed(waiting.entrySet().stream()
                    .map(e -> new Waiting(e.getKey(), e.getValue(), sources.get(e.getKey()))).toList());
        }
        for (Task task : withdrawn) {
            execute(task, works);
        }
        jdbc.update("DELETE FROM intake_task WHERE id = ANY(?)",
                (Object) locked.stream().map(Task::id).toArray(Long[]::new));
        forgetWorksIfDone(works.keySet());
        return locked.size();
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
                forgetWorksIfDone(Collections.singletonList(found.get().workHash()));
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
                waitingForPermission.needed(List.of(new Waiting(doi.value(), List.of(orcid),
                        task.source() == null ? "" : task.source())));
            }
        } else {
            claims.withdraw(orcid, doi, registrationId, Provenance.AUTO_UPDATE, task.reason());
        }
    }

    /** The works of the tasks, read in one query: each is read once per batch, however many tasks share it. */
    private Map<String, WorkPayload> works(List<Task> tasks) {
        Map<String, WorkPayload> works = new HashMap<>();
        String[] hashes = tasks.stream().map(Task::workHash).filter(Objects::nonNull).distinct()
                .filter(hash -> {
                    WorkPayload queued = queuedWorks.find(hash);
                    if (queued != null) {
                        works.put(hash, queued);
                    }
                    return queued == null;
                })
                .toArray(String[]::new);
        if (hashes.length > 0) {
            jdbc.query("SELECT work_hash, work_json FROM intake_work WHERE work_hash = ANY(?)",
                    (RowCallbackHandler) rs -> works.put(rs.getString(1),
                            new WorkPayload(rs.getString(2), rs.getString(1))), (Object) hashes);
        }
        return works;
    }

    private WorkPayload work(String hash, Map<String, WorkPayload> works) {
        if (hash == null) {
            throw new IllegalStateException("an assertion without a work");
        }
        WorkPayload cached = works.get(hash);
        if (cached == null) {
            cached = queuedWorks.find(hash);
        }
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
     * The last task of a work removes the work's one copy. The works are locked first (in hash order, as intake
     * locks them), and only then is it checked whether tasks remain: two workers finishing the last tasks of one
     * work at once then take turns, and the second sees the first's tasks gone (each statement reads what was
     * committed before it), instead of each seeing the other's and both keeping the work; an intake storing new
     * tasks for the work (which locks it too) either finishes before the check, or stores it again after.
     */
    private void forgetWorksIfDone(Collection<String> workHashes) {
        String[] hashes = workHashes.stream().filter(Objects::nonNull).distinct().sorted().toArray(String[]::new);
        if (hashes.length == 0) {
            return;
        }
        jdbc.query("SELECT work_hash FROM intake_work WHERE work_hash = ANY(?) ORDER BY work_hash FOR UPDATE",
                rs -> { }, (Object) hashes);
        queuedWorks.done(jdbc.queryForList("""
                DELETE FROM intake_work w WHERE w.work_hash = ANY(?)
                  AND NOT EXISTS (SELECT 1 FROM intake_task t WHERE t.work_hash = w.work_hash)
                RETURNING w.work_hash""", String.class, (Object) hashes));
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

    /** Told, inside the tasks' transaction, that researchers' claims on DOIs (from their sources) wait for permission. */
    @FunctionalInterface
    interface PermissionNeeded {
        void needed(List<Waiting> waiting);
    }
}
