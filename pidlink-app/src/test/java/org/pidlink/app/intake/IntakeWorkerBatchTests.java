package org.pidlink.app.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.pidlink.app.claims.ClaimStatus;
import org.pidlink.app.claims.WorkPayload;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The intake worker asserts a batch of tasks (many records) in one transaction: a batch that fails loses nothing
 * and leaves no claim behind, and workers sharing one database (threads, or instances) never do a task twice.
 *
 * <p>The tasks are due only far in the future, so that the application's own background worker (which runs on the
 * clock of now) leaves them to the workers made here, whose clocks are past that.
 */
class IntakeWorkerBatchTests extends IntakeTestSupport {

    private static final Instant DUE = Instant.parse("2100-01-01T00:00:00Z");

    @Autowired
    DataSource dataSource;

    @Autowired
    IntakeProperties properties;

    @Test
    void aBatchThatFailsLeavesEveryTaskAndNoClaimThenRunsCompletely() {
        List<Link> links = queue(12, 5);
        IntakeWorker.PermissionNeeded failing = waiting -> {
            throw new IllegalStateException("the database went away mid-batch");
        };

        int done = worker(DUE.plusSeconds(1), failing, IntakeWorker.BATCH).runDueTasks();

        assertThat(done).isZero();
        assertThat(count("SELECT count(*) FROM intake_task")).as("every task is still queued").isEqualTo(links.size());
        assertThat(count("SELECT count(*) FROM intake_task WHERE attempts = 1 AND last_error LIKE '%mid-batch%'"))
                .as("each backs off with its error").isEqualTo(links.size());
        assertThat(claimsOf(links)).as("no claim of the failed batch was kept").isZero();
        assertThat(count("SELECT count(*) FROM intake_work")).as("the works are kept for the retry").isEqualTo(12);

        ConcurrentLinkedQueue<Link> asked = new ConcurrentLinkedQueue<>();
        AtomicInteger calls = new AtomicInteger();
        int retried = worker(DUE.plus(Duration.ofHours(2)), waiting -> {
            calls.incrementAndGet();
            recording(asked).needed(waiting);
        }, IntakeWorker.BATCH).runDueTasks();

        assertThat(retried).isEqualTo(links.size());
        assertThat(calls).as("the 12 records' tasks ran as one batch, not one by one").hasValue(1);
        assertThat(count("SELECT count(*) FROM intake_task")).isZero();
        assertThat(count("SELECT count(*) FROM intake_work")).as("done works are forgotten").isZero();
        assertThat(claimsOf(links)).isEqualTo(links.size());
        assertThat(asked).as("one permission request per researcher and DOI").hasSize(links.size())
                .containsExactlyInAnyOrderElementsOf(links);
        for (Link link : links) {
            assertThat(asked.stream().filter(a -> a.doi().equals(link.doi())).toList())
                    .as("a DOI's researchers in the record's order")
                    .containsExactlyElementsOf(links.stream().filter(l -> l.doi().equals(link.doi())).toList());
        }
        links.forEach(link -> assertThat(claim(link.orcid(), link.doi())).get()
                .satisfies(c -> assertThat(c.status()).isEqualTo(ClaimStatus.WAITING_FOR_PERMISSION)));
    }

    @Test
    void twoWorkersOnOneDatabaseDoEachTaskOnce() throws Exception {
        List<Link> links = queue(60, 5);
        ConcurrentLinkedQueue<Link> asked = new ConcurrentLinkedQueue<>();
        Clock later = Clock.fixed(DUE.plusSeconds(1), ZoneOffset.UTC);
        // Small batches, so that the two take their tasks from under each other's hands many times.
        List<IntakeWorker> workers = List.of(worker(later.instant(), recording(asked), 20),
                worker(later.instant(), recording(asked), 20));
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> runs = new ArrayList<>();
        for (IntakeWorker w : workers) {
            runs.add(CompletableFuture.supplyAsync(() -> {
                await(start);
                return w.runDueTasks();
            }));
        }
        start.countDown();
        int done = 0;
        for (CompletableFuture<Integer> run : runs) {
            done += run.get();
        }

        assertThat(done).as("tasks done, summed over both workers").isEqualTo(links.size());
        assertThat(count("SELECT count(*) FROM intake_task")).isZero();
        assertThat(count("SELECT count(*) FROM intake_work"))
                .as("every work forgotten, also when both finished its last tasks at once").isZero();
        assertThat(claimsOf(links)).isEqualTo(links.size());
        assertThat(asked).as("each claim's permission request asked for once").hasSize(links.size())
                .containsExactlyInAnyOrderElementsOf(links);
    }

    /**
     * After a large intake the emptied queue gives its space back, its indexes too (a vacuum leaves a B-tree at the
     * size it grew to), and the rebuilt indexes serve the next tasks.
     */
    @Test
    void theEmptiedQueueAfterALargeIntakeGivesItsIndexesBack() {
        List<Link> links = queue((int) IntakeWorker.VACUUM_AFTER / 5, 5);
        long grown = count("SELECT pg_relation_size('intake_task_pair')");
        IntakeWorker worker = worker(DUE.plusSeconds(1), waiting -> { }, IntakeWorker.BATCH);
        assertThat(worker.runDueTasks()).isEqualTo(links.size());

        worker.vacuumAfterLargeIntake();

        assertThat(count("SELECT count(*) FROM intake_task")).isZero();
        for (String index : List.of("intake_task_pair", "intake_task_partition", "intake_task_work",
                "intake_work_pkey")) {
            assertThat(count("SELECT pg_relation_size(?::regclass)", index)).as(index + ", grown to " + grown)
                    .isLessThanOrEqualTo(2 * 8192);
        }
        List<Link> next = queue(2, 2);
        assertThat(worker(DUE.plusSeconds(2), waiting -> { }, IntakeWorker.BATCH).runDueTasks())
                .as("the rebuilt indexes find the next tasks").isEqualTo(next.size());
        assertThat(claimsOf(next)).isEqualTo(next.size());
    }

    @Test
    void aWorkIntakeQueuedInThisInstanceIsTakenFromMemoryAndForgottenWhenDone() {
        String doi = TestRecords.newDoi();
        WorkPayload work = WorkPayload.ofCanonicalJson(
                "{\"title\":{\"title\":{\"value\":\"Handed over " + doi + "\"}},\"type\":\"data-set\"}");
        // The row under the work's hash says otherwise: only a work taken from memory makes claims of the above.
        jdbc.update("INSERT INTO intake_work (work_hash, work_json) VALUES (?, ?)", work.canonicalHash(),
                "{\"title\":{\"title\":{\"value\":\"Read back " + doi + "\"}},\"type\":\"data-set\"}");
        List<Link> links = tasks(doi, work, 3);
        QueuedWorks queued = new QueuedWorks();
        queued.queued(work);

        int done = new IntakeWorker(dataSource, Clock.fixed(DUE.plusSeconds(1), ZoneOffset.UTC), claims,
                properties.registrationId(), 1, Duration.ofMinutes(1), waiting -> { }, IntakeWorker.BATCH, queued)
                .runDueTasks();

        assertThat(done).isEqualTo(links.size());
        assertThat(claimsOf(links)).isEqualTo(links.size());
        assertThat(jdbc.queryForObject("SELECT work_json FROM claim_work WHERE payload_hash = ?", String.class,
                work.canonicalHash())).as("the claims' work is the one handed over").contains("Handed over");
        assertThat(count("SELECT count(*) FROM intake_work WHERE work_hash = ?", work.canonicalHash())).isZero();
        assertThat(queued.find(work.canonicalHash())).as("forgotten with its row").isNull();
    }

    /** DOIs each naming researchers, queued as intake queues them (one shared work per DOI), due at {@link #DUE}. */
    private List<Link> queue(int dois, int researchersEach) {
        List<Link> links = new ArrayList<>();
        for (int d = 0; d < dois; d++) {
            String doi = TestRecords.newDoi();
            WorkPayload work = WorkPayload.ofCanonicalJson(
                    "{\"title\":{\"title\":{\"value\":\"Batch " + d + "\"}},\"type\":\"data-set\"}");
            jdbc.update("INSERT INTO intake_work (work_hash, work_json) VALUES (?, ?)", work.canonicalHash(),
                    work.json());
            links.addAll(tasks(doi, work, researchersEach));
        }
        return links;
    }

    /** Intake's tasks asserting the DOI's work for that many new researchers, due at {@link #DUE}. */
    private List<Link> tasks(String doi, WorkPayload work, int researchers) {
        List<Link> links = new ArrayList<>();
        for (int r = 0; r < researchers; r++) {
            String orcid = TestRecords.newOrcid();
            jdbc.update("""
                    INSERT INTO intake_task (doi, orcid, action, work_hash, partition, enqueued_at, not_before)
                    VALUES (?, ?, 'ASSERT', ?, ?, now(), ?)""", doi, orcid, work.canonicalHash(),
                    IntakeStore.partition(orcid), Timestamp.from(DUE));
            links.add(new Link(doi, orcid));
        }
        return links;
    }

    private IntakeWorker worker(Instant now, IntakeWorker.PermissionNeeded needed, int batchSize) {
        return new IntakeWorker(dataSource, Clock.fixed(now, ZoneOffset.UTC), claims, properties.registrationId(), 1,
                Duration.ofMinutes(1), needed, batchSize);
    }

    private static IntakeWorker.PermissionNeeded recording(ConcurrentLinkedQueue<Link> asked) {
        return waiting -> waiting.forEach(w -> w.orcids().forEach(o -> asked.add(new Link(w.doi(), o.value()))));
    }

    private long claimsOf(List<Link> links) {
        return count("SELECT count(*) FROM claim WHERE doi = ANY(?)",
                (Object) Set.copyOf(links.stream().map(Link::doi).toList()).toArray(String[]::new));
    }

    private long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Link(String doi, String orcid) {
    }
}
