package org.pidlink.app.lookup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import org.pidlink.app.claims.ClaimLink;
import org.pidlink.core.identifiers.Doi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * The lookup's reads from the database. They take turns: at most {@code atOnce} at a time, the others waiting in
 * order. Sixty-four clients at once otherwise all queued for the pool's connections, whose hand-over spins, and took
 * the connections the push engine and intake need; with eight at a time the lookup answered 9,600–11,100 requests/s
 * instead of 6,800–7,700, p99 28–35 ms instead of 60–69 ({@code bench aggregate}, 100,000 links).
 *
 * <p>The links of DOIs asked for at the same moment are read together, up to {@link #DOIS_A_QUERY} in one query,
 * by a few readers of their own ({@code doiReaders}, each query in a turn): at DataCite's scale almost no DOI asked
 * for is in the answer cache (205,000 DOIs asked for at random), and a query each was most of what a DOI answer
 * cost, in pidlink (a connection, a statement, a transaction) and in PostgreSQL (the same per statement). When
 * little is asked a query reads one DOI, as before; under load each reads what arrived while the last ran. Every
 * answer is read from the database after it was asked for, so it is as current as one query of its own.
 * A wait longer than the pool's (30 s) fails as the pool's does.
 */
final class LookupReads implements AutoCloseable {

    /** At most this many DOIs in one query (the lookup's clients each wait for one answer: 64 in the benchmark). */
    static final int DOIS_A_QUERY = 64;
    private static final long WAIT_SECONDS = 30;
    private static final Logger log = LoggerFactory.getLogger(LookupReads.class);

    /** A DOI asked for, and its links once read (completed with the failure if the read failed). */
    private record Asked(Doi doi, CompletableFuture<List<ClaimLink>> links) {
    }

    private final Semaphore turns;
    private final Function<List<Doi>, Map<String, List<ClaimLink>>> linksOfDois;
    private final BlockingQueue<Asked> dois = new LinkedBlockingQueue<>();
    private final List<Thread> readers;

    /**
     * @param atOnce      how many reads at once at most
     * @param doiReaders  how many threads read DOIs' links (each in a turn)
     * @param linksOfDois the links of each DOI asked for (every status), keyed by {@link Doi#value()}; a DOI without
     *                    links may be left out
     */
    LookupReads(int atOnce, int doiReaders, Function<List<Doi>, Map<String, List<ClaimLink>>> linksOfDois) {
        this.turns = new Semaphore(atOnce, true);
        this.linksOfDois = linksOfDois;
        this.readers = IntStream.range(0, doiReaders).mapToObj(i -> Thread.ofPlatform().daemon()
                .name("lookup-doi-reader-" + i).start(this::reading)).toList();
    }

    /** Runs {@code read} in its turn. */
    <T> T inTurn(Supplier<T> read) {
        boolean turn;
        try {
            turn = turns.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CannotGetJdbcConnectionException("interrupted waiting for a turn to read a lookup answer");
        }
        if (!turn) {
            throw noTurn();
        }
        try {
            return read.get();
        } finally {
            turns.release();
        }
    }

    /** The links to {@code doi} (every status), by researcher then registration, read with the DOIs asked beside it. */
    List<ClaimLink> linksOfDoi(Doi doi) {
        Asked asked = new Asked(doi, new CompletableFuture<>());
        dois.add(asked);
        try {
            return asked.links().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            asked.links().cancel(false);
            throw noTurn();
        } catch (InterruptedException e) {
            asked.links().cancel(false);
            Thread.currentThread().interrupt();
            throw new CannotGetJdbcConnectionException("interrupted waiting for a turn to read a lookup answer");
        } catch (ExecutionException e) {
            // Each request gets an exception of its own: the one failure is shared by every DOI of the query.
            throw new DataAccessResourceFailureException("could not read the links of " + doi.value(), e.getCause());
        }
    }

    private CannotGetJdbcConnectionException noTurn() {
        return new CannotGetJdbcConnectionException("no turn to read a lookup answer within " + WAIT_SECONDS + " s: "
                + waitingForATurn() + " waiting");
    }

    /** How many reads wait for their turn (an estimate, as {@link Semaphore#getQueueLength()}), DOIs included. */
    int waitingForATurn() {
        return turns.getQueueLength() + dois.size();
    }

    /** A DOI reader: waits for a DOI, then for a turn, then reads it with every DOI asked for meanwhile. */
    private void reading() {
        List<Asked> batch = new ArrayList<>(DOIS_A_QUERY);
        while (true) {
            try {
                batch.add(dois.take());
                turns.acquire();
            } catch (InterruptedException e) {
                batch.forEach(a -> a.links().completeExceptionally(e));
                return;
            }
            try {
                dois.drainTo(batch, DOIS_A_QUERY - 1);
                batch.removeIf(a -> a.links().isDone()); // no longer waited for
                if (!batch.isEmpty()) {
                    read(batch);
                }
            } finally {
                turns.release();
                batch.clear();
            }
        }
    }

    private void read(List<Asked> batch) {
        try {
            Map<String, List<ClaimLink>> read = linksOfDois.apply(batch.stream().map(Asked::doi).toList());
            for (Asked a : batch) {
                a.links().complete(read.getOrDefault(a.doi().value(), List.of()));
            }
        } catch (RuntimeException e) {
            log.debug("Could not read the links of {} DOIs: {}", batch.size(), e.toString());
            batch.forEach(a -> a.links().completeExceptionally(e));
        } finally {
            // An Error ends this reader; no one waits for an answer it will not give.
            batch.forEach(a -> a.links().completeExceptionally(
                    new IllegalStateException("a reader of lookup answers stopped")));
        }
    }

    @Override
    public void close() {
        readers.forEach(Thread::interrupt);
    }
}
