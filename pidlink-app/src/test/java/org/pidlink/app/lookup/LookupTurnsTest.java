package org.pidlink.app.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.pidlink.app.claims.ClaimLink;
import org.pidlink.app.claims.ClaimStatus;
import org.pidlink.app.claims.Provenance;
import org.pidlink.core.identifiers.Doi;
import org.springframework.dao.DataAccessException;

/**
 * The lookup's reads from the database take turns, never more at once than {@code pidlink.lookup.queries-at-once},
 * and DOIs asked for at the same moment are read in one query, each answered with its own links. The database is
 * stood in for by the function that reads DOIs' links (what the tests need to control is when a read ends).
 */
class LookupTurnsTest {

    @Test
    void noMoreReadsAtOnceThanAllowedAndEveryOneIsAnswered() throws Exception {
        AtomicInteger reading = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch letGo = new CountDownLatch(1);
        try (LookupReads reads = new LookupReads(3, 1, dois -> Map.of());
             ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> asked = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                int n = i;
                asked.add(clients.submit(() -> reads.inTurn(() -> {
                    most.accumulateAndGet(reading.incrementAndGet(), Math::max);
                    await(letGo);
                    reading.decrementAndGet();
                    return n;
                })));
            }
            // Three reading, the rest waiting their turn: held there until all 17 wait, then let go.
            waitUntil(() -> reads.waitingForATurn() == 17);
            assertThat(reading.get()).isEqualTo(3);
            letGo.countDown();
            for (int i = 0; i < 20; i++) {
                assertThat(asked.get(i).get(10, TimeUnit.SECONDS)).isEqualTo(i);
            }
        }
        assertThat(most.get()).isEqualTo(3);
    }

    @Test
    void doisAskedForWhileAQueryRunsAreReadTogetherEachWithItsOwnLinks() throws Exception {
        List<List<Doi>> queries = new CopyOnWriteArrayList<>();
        CountDownLatch letGo = new CountDownLatch(1);
        Function<List<Doi>, Map<String, List<ClaimLink>>> database = dois -> {
            queries.add(dois);
            await(letGo);
            Map<String, List<ClaimLink>> links = new HashMap<>();
            // Every DOI but the last ones has links of its own; a DOI without links is left out, as the claims do.
            dois.stream().filter(d -> !d.value().endsWith("-none")).forEach(d -> links.put(d.value(), List.of(link(d))));
            return links;
        };
        try (LookupReads reads = new LookupReads(8, 1, database);
             ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<List<ClaimLink>> first = clients.submit(() -> reads.linksOfDoi(Doi.parse("10.5555/first")));
            waitUntil(() -> queries.size() == 1);
            Map<Doi, Future<List<ClaimLink>>> asked = new HashMap<>();
            for (int i = 0; i < 100; i++) {
                Doi doi = Doi.parse("10.5555/d" + i + (i >= 98 ? "-none" : ""));
                asked.put(doi, clients.submit(() -> reads.linksOfDoi(doi)));
            }
            waitUntil(() -> reads.waitingForATurn() == 100);
            letGo.countDown();

            assertThat(first.get(10, TimeUnit.SECONDS)).containsExactly(link(Doi.parse("10.5555/first")));
            for (Map.Entry<Doi, Future<List<ClaimLink>>> a : asked.entrySet()) {
                List<ClaimLink> links = a.getValue().get(10, TimeUnit.SECONDS);
                assertThat(links).isEqualTo(a.getKey().value().endsWith("-none") ? List.of() : List.of(link(a.getKey())));
            }
        }
        // The 100 asked for while the first query ran: two queries, the first as large as a query reads.
        assertThat(queries).hasSize(3);
        assertThat(queries.get(1)).hasSize(LookupReads.DOIS_A_QUERY);
        assertThat(queries.get(2)).hasSize(100 - LookupReads.DOIS_A_QUERY);
    }

    @Test
    void aFailedQueryFailsTheDoisReadInItAndTheNextQueryIsRead() throws Exception {
        AtomicInteger queries = new AtomicInteger();
        try (LookupReads reads = new LookupReads(8, 1, dois -> {
            if (queries.incrementAndGet() == 1) {
                throw new IllegalStateException("the database went away");
            }
            return Map.of(dois.getFirst().value(), List.of(link(dois.getFirst())));
        })) {
            Doi doi = Doi.parse("10.5555/again");
            assertThatThrownBy(() -> reads.linksOfDoi(doi)).isInstanceOf(DataAccessException.class)
                    .hasMessageContaining("10.5555/again").hasRootCauseMessage("the database went away");
            assertThat(reads.linksOfDoi(doi)).containsExactly(link(doi));
        }
    }

    @Test
    void aDoiWaitsWhileTheTurnsAreTaken() throws Exception {
        CountDownLatch letGo = new CountDownLatch(1);
        CountDownLatch holding = new CountDownLatch(1);
        AtomicInteger queries = new AtomicInteger();
        try (LookupReads reads = new LookupReads(1, 1, dois -> {
            queries.incrementAndGet();
            return Map.of();
        });
             ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> researcher = clients.submit(() -> reads.inTurn(() -> {
                holding.countDown();
                await(letGo);
                return null;
            }));
            await(holding);
            Future<List<ClaimLink>> doi = clients.submit(() -> reads.linksOfDoi(Doi.parse("10.5555/waits")));
            waitUntil(() -> reads.waitingForATurn() == 1);
            assertThat(queries.get()).isZero();
            letGo.countDown();
            assertThat(doi.get(10, TimeUnit.SECONDS)).isEmpty();
            researcher.get(10, TimeUnit.SECONDS);
        }
        assertThat(queries.get()).isEqualTo(1);
    }

    private static ClaimLink link(Doi doi) {
        return new ClaimLink("0000-0002-1825-0097", doi.value(), "auto-update", Set.of(Provenance.AUTO_UPDATE),
                ClaimStatus.IN_ORCID, Instant.parse("2026-12-07T08:00:00Z"));
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 10 s").isLessThan(until);
            Thread.sleep(2);
        }
    }
}
