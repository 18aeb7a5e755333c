package org.pidlink.app.intake;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
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
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.pidlink.app.claims.RecordFacts;
import org.pidlink.app.claims.WorkPayload;
import org.pidlink.app.database.LargeText;
import org.pidlink.app.intake.DoiOutcome.RejectedId;
import org.pidlink.app.intake.DoiOutcome.Status;
import org.pidlink.app.intake.RecordEvaluator.Evaluation;
import org.pidlink.core.identifiers.Doi;
import org.pidlink.core.identifiers.OrcidId;
import org.pidlink.core.metadata.RejectedIdentifier;
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
    private final QueuedWorks queuedWorks;

    /** @param queuedWorks where the works of queued tasks are handed to this instance's intake worker */
    IntakeStore(DataSource dataSource, Clock clock, QueuedWorks queuedWorks) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.clock = Objects.requireNonNull(clock, "clock");
        this.queuedWorks = Objects.requireNonNull(queuedWorks, "queuedWorks");
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
        // The owner: whoever registered the DOI first (or was given it), else whoever holds its prefix.
        jdbc.query("""
                SELECT d.doi, d.content_hash, d.orcids, coalesce(d.owner, p.owner) AS owner FROM intake_doi d
                LEFT JOIN doi_prefix_owner p ON p.prefix = split_part(d.doi, '/', 1)
                WHERE d.doi = ANY(?) ORDER BY d.doi FOR UPDATE OF d""",
                rs -> {
                    Array orcids = rs.getArray("orcids");
                    states.put(rs.getString("doi"), new DoiState(rs.getString("content_hash"),
                            orcids == null ? List.of() : Arrays.asList((String[]) orcids.getArray()), null,
                            rs.getString("owner"), null));
                }, (Object) sorted);

        List<DoiOutcome> outcomes = new ArrayList<>(items.size());
        List<Task> tasks = new ArrayList<>();
        Map<String, DoiState> changed = new LinkedHashMap<>();
        for (Received item : items) {
            switch (item) {
                case Unreadable u -> outcomes.add(unstored(u));
                case Read read when read.evaluation().rejection() != null -> outcomes.add(unstored(read));
                case Read read when !ownedBy(states, read.evaluation().record().doi().value(), source) ->
                        outcomes.add(refused(read.evaluation().record().doi().value(), states));
                case Deleted deleted when !ownedBy(states, deleted.doi().value(), source) ->
                        outcomes.add(refused(deleted.doi().value(), states));
                case Read read -> outcomes.add(applyRead(read.evaluation(), source, states, changed, tasks));
                case Deleted deleted -> outcomes.add(applyDeleted(deleted, states, changed, tasks));
            }
        }
        writeStates(changed, source, now);
        writeTasks(tasks, now);
        return new Applied(outcomes, tasks.size());
    }

    /** Whether {@code source} may change the DOI: it owns it, or nobody does yet. */
    private static boolean ownedBy(Map<String, DoiState> states, String doi, String source) {
        String owner = states.get(doi).owner();
        return owner == null || owner.equals(source);
    }

    private static DoiOutcome refused(String doi, Map<String, DoiState> states) {
        return DoiOutcome.refused(doi, states.get(doi).owner());
    }

    private static DoiOutcome applyRead(Evaluation e, String source, Map<String, DoiState> states,
                                        Map<String, DoiState> changed, List<Task> tasks) {
        String doi = e.record().doi().value();
        DoiState previous = states.get(doi);
        List<RejectedId> rejectedIds = rejectedIds(e.record().rejectedIdentifiers(), e);
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
        // The first source to register a DOI owns it.
        DoiState next = new DoiState(e.contentHash(), written, e.skipReason(),
                previous.owner() != null ? previous.owner() : source, e.facts());
        states.put(doi, next);
        changed.put(doi, next);
        if (e.skipReason() != null) {
            return new DoiOutcome(doi, Status.SKIPPED, e.skipReason(), orcids, rejectedIds, withdrawn, null);
        }
        String note = orcids.isEmpty() ? "no usable ORCID iD in the metadata: nothing to write" : filtersDecide(e);
        return new DoiOutcome(doi, Status.ACCEPTED, note, orcids, rejectedIds, withdrawn, null);
    }

    /** A registered DOI or a version is accepted, and left to each researcher's filters: the source is told so. */
    private static String filtersDecide(Evaluation e) {
        String what = RecordFacts.REGISTERED.equals(e.facts().doiState()) ? "the DOI is registered, not findable"
                : e.facts().versionOf() != null ? "the DOI " + e.facts().versionOf() : null;
        return what == null ? null : what + ": each researcher's filters decide whether it is written to ORCID"
                + " (by default it is not)";
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
        DoiState next = new DoiState(hash, List.of(), deleted.reason(), previous.owner(), null);
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

    /** The iDs not used: unusable ones, and those beyond the ceiling per record (reported, never dropped silently). */
    private static List<RejectedId> rejectedIds(List<RejectedIdentifier> rejected, Evaluation e) {
        if (rejected.isEmpty() && e.beyondCeiling().isEmpty()) {
            return List.of();
        }
        Set<RejectedId> ids = new LinkedHashSet<>();
        for (RejectedIdentifier r : rejected) {
            ids.add(new RejectedId(r.value(), r.reason(), r.person()));
        }
        String beyond = "not written: pidlink honours the first " + e.orcids().size() + " ORCID iDs of a record "
                + "(pidlink.intake.max-ids-per-record)";
        for (String orcid : e.beyondCeiling()) {
            ids.add(new RejectedId(orcid, beyond, null));
        }
        return List.copyOf(ids);
    }

    /** One statement for all DOIs of the submission: arrays, not a batch of single-row updates. */
    private void writeStates(Map<String, DoiState> changed, String source, Instant now) {
        if (changed.isEmpty()) {
            return;
        }
        int n = changed.size();
        String[] dois = new String[n];
        String[] hashes = new String[n];
        String[] orcids = new String[n];
        String[] reasons = new String[n];
        String[] owners = new String[n];
        String[] states = new String[n];
        String[] versions = new String[n];
        int i = 0;
        for (Map.Entry<String, DoiState> e : changed.entrySet()) {
            dois[i] = e.getKey();
            hashes[i] = e.getValue().contentHash();
            orcids[i] = String.join(",", e.getValue().orcids());
            reasons[i] = e.getValue().skipReason();
            owners[i] = e.getValue().owner();
            RecordFacts facts = e.getValue().facts();
            states[i] = facts == null ? null : facts.doiState();
            versions[i] = facts == null ? null : facts.versionOf();
            i++;
        }
        jdbc.update(connection -> {
            PreparedStatement ps = connection.prepareStatement("""
                    UPDATE intake_doi AS d SET content_hash = u.h, orcids = string_to_array(u.o, ','),
                           skip_reason = u.s, source = ?, received_at = ?, changed_at = ?, owner = u.w,
                           owner_since = CASE WHEN d.owner IS DISTINCT FROM u.w THEN ? ELSE d.owner_since END,
                           doi_state = u.ds, version_of = u.v
                    FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                         AS u(doi, h, o, s, w, ds, v)
                    WHERE d.doi = u.doi""");
            ps.setString(1, source);
            ps.setTimestamp(2, ps(now));
            ps.setTimestamp(3, ps(now));
            ps.setTimestamp(4, ps(now));
            ps.setArray(5, connection.createArrayOf("text", dois));
            ps.setArray(6, connection.createArrayOf("text", hashes));
            ps.setArray(7, connection.createArrayOf("text", orcids));
            ps.setArray(8, connection.createArrayOf("text", reasons));
            ps.setArray(9, connection.createArrayOf("text", owners));
            ps.setArray(10, connection.createArrayOf("text", states));
            ps.setArray(11, connection.createArrayOf("text", versions));
            return ps;
        });
    }

    /** One statement for all tasks, inserted in their order (ids follow it: the worker keeps that order). */
    private void writeTasks(List<Task> tasks, Instant now) {
        if (tasks.isEmpty()) {
            return;
        }
        int n = tasks.size();
        String[] dois = new String[n];
        String[] orcids = new String[n];
        String[] actions = new String[n];
        String[] hashes = new String[n];
        String[] reasons = new String[n];
        Integer[] partitions = new Integer[n];
        for (int i = 0; i < n; i++) {
            Task task = tasks.get(i);
            dois[i] = task.doi();
            orcids[i] = task.orcid();
            actions[i] = task.action();
            hashes[i] = task.payload() == null ? null : task.payload().canonicalHash();
            reasons[i] = task.reason();
            partitions[i] = partition(task.orcid());
        }
        writeWorks(tasks);
        jdbc.update(connection -> {
            PreparedStatement ps = connection.prepareStatement("""
                    INSERT INTO intake_task (doi, orcid, action, work_hash, reason, partition, enqueued_at)
                    SELECT d, o, a, h, r, p, ?
                    FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int[])
                         WITH ORDINALITY AS t(d, o, a, h, r, p, n)
                    ORDER BY n""");
            ps.setTimestamp(1, ps(now));
            ps.setArray(2, connection.createArrayOf("text", dois));
            ps.setArray(3, connection.createArrayOf("text", orcids));
            ps.setArray(4, connection.createArrayOf("text", actions));
            ps.setArray(5, connection.createArrayOf("text", hashes));
            ps.setArray(6, connection.createArrayOf("text", reasons));
            ps.setArray(7, connection.createArrayOf("int4", partitions));
            return ps;
        });
    }

    /**
     * Each distinct work of the tasks once: the tasks of a record naming 10,000 researchers refer to one copy
     * instead of carrying 10,000. An existing row is updated rather than skipped so that it stays locked until
     * this transaction commits: the worker removing a work whose tasks are done waits for it.
     */
    private void writeWorks(List<Task> tasks) {
        Map<String, WorkPayload> works = new TreeMap<>();
        for (Task task : tasks) {
            if (task.payload() != null) {
                works.putIfAbsent(task.payload().canonicalHash(), task.payload());
            }
        }
        if (works.isEmpty()) {
            return;
        }
        // One row per work, in hash order (no deadlocks), each work a plain parameter: a work is megabytes for a
        // large collaboration, which a text[] literal would escape and copy again.
        List<Object[]> rows = new ArrayList<>(works.size());
        works.forEach((hash, work) -> rows.add(new Object[] {hash, LargeText.of(work.json())}));
        jdbc.batchUpdate("""
                INSERT INTO intake_work (work_hash, work_json) VALUES (?, convert_from(?, 'UTF8'))
                ON CONFLICT (work_hash) DO UPDATE SET work_json = EXCLUDED.work_json""", rows);
        works.values().forEach(queuedWorks::queued);
    }

    /** What pidlink last received for a DOI, if anything. */
    Optional<DoiStatus> find(Doi doi) {
        return jdbc.query("""
                SELECT d.doi, d.orcids, d.skip_reason, d.source, d.received_at, d.changed_at,
                       coalesce(d.owner, p.owner) AS owner
                FROM intake_doi d LEFT JOIN doi_prefix_owner p ON p.prefix = split_part(d.doi, '/', 1)
                WHERE d.doi = ? AND d.content_hash IS NOT NULL""", (rs, n) -> {
            Array orcids = rs.getArray("orcids");
            Timestamp changed = rs.getTimestamp("changed_at");
            return new DoiStatus(rs.getString("doi"),
                    orcids == null ? List.of() : List.of((String[]) orcids.getArray()), rs.getString("skip_reason"),
                    rs.getString("source"), rs.getTimestamp("received_at").toInstant(),
                    changed == null ? null : changed.toInstant(), rs.getString("owner"));
        }, doi.value()).stream().findFirst();
    }

    static int partition(String orcid) {
        return Math.floorMod(orcid.hashCode(), PARTITIONS);
    }

    private static Timestamp ps(Instant instant) {
        return Timestamp.from(instant);
    }

    /** @param facts what the researchers' filters read of the record, stored for the intake worker's assertions */
    private record DoiState(String contentHash, List<String> orcids, String skipReason, String owner,
                            RecordFacts facts) {
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
