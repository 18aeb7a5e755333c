package org.pidlink.app.lookup;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.pidlink.app.accounts.Researcher;
import org.pidlink.app.accounts.Researchers;
import org.pidlink.core.identifiers.OrcidId;

/**
 * The researchers who show in public lookups, by iD, kept in memory so that an anonymous answer the answer cache
 * does not hold costs one query (its links) instead of two: at DataCite's scale a DOI asked for at random is
 * almost never in the cache. Fresh as the kept answers are ({@link LookupAnswers}): read again once
 * {@code ttl} passed or a researcher changed (on this instance or another). When more than {@code atMost}
 * researchers show, none are kept and each answer asks the database, as before.
 */
final class ShownResearchers {

    private record Snapshot(@Nullable Map<OrcidId, Researcher> shown, long changes, long readAtMillis) {
    }

    private final Researchers researchers;
    private final LongSupplier changes;
    private final Clock clock;
    private final long ttlMillis;
    private final int atMost;
    private final ReentrantLock reading = new ReentrantLock();
    private volatile @Nullable Snapshot current;

    /**
     * @param changes moves whenever a researcher may have changed: on this instance or another
     *                ({@link OtherInstances})
     */
    ShownResearchers(Researchers researchers, LongSupplier changes, Clock clock, Duration ttl, int atMost) {
        this.researchers = researchers;
        this.changes = changes;
        this.clock = clock;
        this.ttlMillis = ttl.toMillis();
        this.atMost = atMost;
    }

    /**
     * The researchers who show in public lookups, or empty when there are too many to keep (the caller asks the
     * database).
     */
    Optional<Map<OrcidId, Researcher>> now() {
        // Read before the researchers: a change committed meanwhile moves it on, so the snapshot is read again.
        long changes = this.changes.getAsLong();
        Snapshot s = current;
        if (fresh(s, changes)) {
            return Optional.ofNullable(s.shown());
        }
        // One reader at a time (a lock, not a monitor: JDBC blocks, and on JDK 21 a monitor pins the carrier).
        reading.lock();
        try {
            s = current;
            if (!fresh(s, changes)) {
                s = read(changes);
                current = s;
            }
            return Optional.ofNullable(s.shown());
        } finally {
            reading.unlock();
        }
    }

    private boolean fresh(@Nullable Snapshot s, long changes) {
        return s != null && s.changes() == changes && clock.millis() - s.readAtMillis() < ttlMillis;
    }

    private Snapshot read(long changes) {
        long at = clock.millis();
        List<Researcher> shown = researchers.findPublic(atMost + 1);
        return new Snapshot(shown.size() > atMost ? null
                : shown.stream().collect(Collectors.toUnmodifiableMap(Researcher::orcid, Function.identity())),
                changes, at);
    }
}
