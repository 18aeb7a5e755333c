package org.pidlink.app.intake;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.pidlink.app.claims.WorkPayload;
import org.pidlink.app.intake.DoiOutcome.RejectedId;
import org.pidlink.app.intake.DoiOutcome.Status;
import org.pidlink.app.intake.RecordEvaluator.Evaluation;
import org.pidlink.core.identifiers.Doi;
import org.pidlink.core.identifiers.OrcidId;
import org.pidlink.core.metadata.RejectedIdentifier;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records what arrived for each DOI and queues the claim work it implies, for a whole submission in one
 * transaction: the DOIs' last states are locked and read in one query, compared in memory, and the new states
 * and tasks written in JDBC batches. The same metadata twice (same content hash) queues nothing.
 */
final class IntakeStore {

    /** Tasks are spread over this many partitions; a worker thread owns partitions modulo the worker count. */
    static final int PARTITIONS = 1024;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    IntakeStore(DataSource dataSource, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Something that arrived for a DOI. */
    sealed interface Received {
    }

    /** A record that was read and evaluated. */
    record Read(Evaluation evaluation) implements Received {
    }

    /** Something in the input that could not be used; stored nowhere, reported. */
    record Unreadable(String doi, String reason, String location) implements Received {
    }

    /** The DOI was deleted at its registration agency. */
    record Deleted(Doi doi, String reason) implements Received {
    }

    /** The outcomes, one per item in order, and whether any claim work was queued. */
    record Applied(List<DoiOutcome> outcomes, int tasks) {
    }

    Applied apply(List<Received> items, String source) {
        Set<String> dois = new TreeSet<>();
        for (Received item : items) {
            switch (item) {
                case Read read when read.evaluation().rejection() == null ->
                        dois.add(read.evaluation().record().doi().value());
                case Deleted deleted -> dois.add(deleted.doi().value());
                default -> {
                }
            }
        }
        if (dois.isEmpty()) {
            return new Applied(items.stream().map(IntakeStore::unstored).toList(), 0);
        }
        return Objects.requireNonNull(tx.execute(status -> applyLocked(items, dois, source)));
    }

    private Applied applyLocked(List<Received> items, Set<String> dois, String source) {
        Instant now = clock.instant();
        String[] sorted = dois.toArray(String[]::new);
        // Create missing rows first so that every DOI of the batch can be locked, in one order (no deadlocks).
        jdbc.update("""
                INSERT INTO intake_doi (doi, received_at)
                SELECT d, ? FROM unnest(?::text[]) AS d ORDER BY d
                ON CONFLICT (doi) DO NOTHING""", ps(now), sorted);
        Map<String, DoiState> states = new HashMap<>();
        jdbc.query("SELECT doi, content_hash, orcids FROM intake_doi WHERE doi = ANY(?) ORDER BY doi FOR UPDATE",
                rs -> {
                    Array orcids = rs.getArray("orcids");
                    states.put(rs.getString("doi"), new DoiState(rs.getString("content_hash"),
                            orcids == null ? List.of() : Arrays.asList((String[]) orcids.getArray()), null));
                }, (Object) sorted);

        List<DoiOutcome> outcomes = new ArrayList<>(items.size());
        List<Task> tasks = new ArrayList<>();
        Map<String, DoiState> changed = new LinkedHashMap<>();
        for (Received item : items) {
            switch (item) {
                case Unreadable u -> outcomes.add(unstored(u));
                case Read read when read.evaluation().rejection() != null -> outcomes.add(unstored(read));
                case Read read -> outcomes.add(applyRead(read.evaluation(), states, changed, tasks));
                case Deleted deleted -> outcomes.add(applyDeleted(deleted, states, changed, tasks));
            }
        }
        writeStates(changed, source, now);
        writeTasks(tasks, now);
        return new Applied(outcomes, tasks.size());
    }

    private static DoiOutcome applyRead(Evaluation e, Map<String, DoiState> states, Map<String, DoiState> changed,
                                        List<Task> tasks) {
        String doi = e.record().doi().value();
        DoiState previous = states.get(doi);
        List<RejectedId> rejectedIds = rejectedIds(e.record().rejectedIdentifiers());
        List<String> orcids = e.orcids();
        if (e.contentHash().equals(previous.contentHash())) {
            String reason = e.skipReason() != null ? e.skipReason()
                    : "unchanged: the same metadata was received before, nothing to write";
            return new DoiOutcome(doi, Status.SKIPPED, reason, orcids, rejectedIds, List.of(), null);
        }
        List<String> withdrawn = new ArrayList<>();
        for (String before : previous.orcids()) {
            if (!e.works().containsKey(new OrcidId(before))) {
                withdrawn.add(before);
                tasks.add(Task.withdraw(doi, before, e.skipReason() != null ? e.skipReason()
                        : "the ORCID iD is no longer in the DOI's metadata"));
            }
        }
        e.works().forEach((orcid, payload) -> tasks.add(Task.assertion(doi, orcid.value(), payload)));
        // Only researchers who get the work are remembered: a skipped DOI has none to withdraw from later.
        List<String> written = e.works().keySet().stream().map(OrcidId::value).toList();
        DoiState next = new DoiState(e.contentHash(), written, e.skipReason());
        states.put(doi, next);
        changed.put(doi, next);
        if (e.skipReason() != null) {
            return new DoiOutcome(doi, Status.SKIPPED, e.skipReason(), orcids, rejectedIds, withdrawn, null);
        }
        String note = orcids.isEmpty() ? "no usable ORCID iD in the metadata: nothing to write" : null;
        return new DoiOutcome(doi, Status.ACCEPTED, note, orcids, rejectedIds, withdrawn, null);
    }

    private static DoiOutcome applyDeleted(Deleted deleted, Map<String, DoiState> states,
                                           Map<String, DoiState> changed, List<Task> tasks) {
        String doi = deleted.doi().value();
        DoiState previous = states.get(doi);
        String hash = RecordEvaluator.hash("deleted");
        if (hash.equals(previous.contentHash())) {
            return new DoiOutcome(doi, Status.SKIPPED, "unchanged: the DOI was already deleted", List.of(), List.of(),
                    List.of(), null);
        }
        for (String before : previous.orcids()) {
            tasks.add(Task.withdraw(doi, before, deleted.reason()));
        }
        DoiState next = new DoiState(hash, List.of(), deleted.reason());
        states.put(doi, next);
        changed.put(doi, next);
        return new DoiOutcome(doi, Status.ACCEPTED, deleted.reason(), List.of(), List.of(), previous.orcids(), null);
    }

    private static DoiOutcome unstored(Received item) {
        return switch (item) {
            case Unreadable u -> DoiOutcome.rejected(u.doi(), u.reason(), u.location());
            case Read read -> DoiOutcome.rejected(read.evaluation().record().doi().value(),
                    read.evaluation().rejection(), null);
            case Deleted d -> throw new IllegalStateException("a deletion is always stored: " + d.doi());
        };
    }

    private static List<RejectedId> rejectedIds(List<RejectedIdentifier> rejected) {
        if (rejected.isEmpty()) {
            return List.of();
        }
        Set<RejectedId> ids = new LinkedHashSet<>();
        for (RejectedIdentifier r : rejected) {
            ids.add(new RejectedId(r.value(), r.reason(), r.person()));
        }
        return List.copyOf(ids);
    }

    private void writeStates(Map<String, DoiState> changed, String source, Instant now) {
        if (changed.isEmpty()) {
            return;
        }
        List<Map.Entry<String, DoiState>> rows = new ArrayList<>(changed.entrySet());
        jdbc.batchUpdate("""
                UPDATE intake_doi SET content_hash = ?, orcids = ?, skip_reason = ?, source = ?, received_at = ?,
                                      changed_at = ?
                WHERE doi = ?""", new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                DoiState state = rows.get(i).getValue();
                ps.setString(1, state.contentHash());
                ps.setArray(2, ps.getConnection().createArrayOf("text", state.orcids().toArray()));
                ps.setString(3, state.skipReason());
                ps.setString(4, source);
                ps.setTimestamp(5, ps(now));
                ps.setTimestamp(6, ps(now));
                ps.setString(7, rows.get(i).getKey());
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        });
    }

    private void writeTasks(List<Task> tasks, Instant now) {
        if (tasks.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                INSERT INTO intake_task (doi, orcid, action, work_json, work_hash, reason, partition, enqueued_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                Task task = tasks.get(i);
                ps.setString(1, task.doi());
                ps.setString(2, task.orcid());
                ps.setString(3, task.action());
                if (task.payload() == null) {
                    ps.setNull(4, Types.VARCHAR);
                    ps.setNull(5, Types.VARCHAR);
                } else {
                    ps.setString(4, task.payload().json());
                    ps.setString(5, task.payload().canonicalHash());
                }
                ps.setString(6, task.reason());
                ps.setInt(7, partition(task.orcid()));
                ps.setTimestamp(8, ps(now));
            }

            @Override
            public int getBatchSize() {
                return tasks.size();
            }
        });
    }

    static int partition(String orcid) {
        return Math.floorMod(orcid.hashCode(), PARTITIONS);
    }

    private static Timestamp ps(Instant instant) {
        return Timestamp.from(instant);
    }

    private record DoiState(String contentHash, List<String> orcids, String skipReason) {
    }

    private record Task(String doi, String orcid, String action, WorkPayload payload, String reason) {

        static Task assertion(String doi, String orcid, WorkPayload payload) {
            return new Task(doi, orcid, "ASSERT", payload, null);
        }

        static Task withdraw(String doi, String orcid, String reason) {
            return new Task(doi, orcid, "WITHDRAW", null, reason);
        }
    }
}
