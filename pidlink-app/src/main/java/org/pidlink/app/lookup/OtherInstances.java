package org.pidlink.app.lookup;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the other pidlink instances on the same database changed, as a number the lookup's kept answers are checked
 * against, as they are against this instance's own changes: each instance publishes in {@code lookup_instance} how
 * many changes to claims and researchers it has made (when the number moved, at most every {@code interval}) and
 * reads the others' numbers as often; when one moved, {@link #changes()} moves, and every answer kept before is
 * stale. So a link another instance wrote shows here within about two intervals (a quarter second each by
 * default), and answers can be kept as long as nothing changes anywhere, instead of a few seconds each in case
 * something did.
 *
 * <p>Why the number and not the changed DOIs: one small row per instance costs the write path nothing (no trigger,
 * no NOTIFY on the claim table; session 7's NOTIFY triggers took a quarter of intake's throughput), and the kept
 * answers are all made stale by any change of this instance already. When the database cannot be read, nothing is
 * known of the others: {@link #changes()} moves on every attempt, so no answer is kept until it can be read again.
 * Changes made in the database by other means than pidlink show once a kept answer expired
 * ({@code pidlink.lookup.cache.ttl}).
 */
final class OtherInstances implements AutoCloseable {

    /** How often this instance publishes its own changes and reads the others'. */
    static final Duration INTERVAL = Duration.ofMillis(250);

    /** A row not published for this long belongs to an instance that stopped: removed when an instance starts. */
    static final Duration FORGOTTEN_AFTER = Duration.ofDays(1);

    private static final Logger log = LoggerFactory.getLogger(OtherInstances.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final LongSupplier ownChanges;
    private final String instance = UUID.randomUUID().toString();
    private final AtomicLong changes = new AtomicLong();
    private final ScheduledExecutorService timer;
    // Touched by the timer's thread only.
    private long published = Long.MIN_VALUE;
    private @Nullable Map<String, Long> seen;
    private boolean failing;

    OtherInstances(JdbcClient jdbc, Clock clock, LongSupplier ownChanges, Duration interval) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ownChanges = ownChanges;
        this.timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("lookup-instances").daemon().factory());
        timer.execute(this::forgetStoppedInstances);
        timer.scheduleWithFixedDelay(this::exchange, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Moves whenever another instance changed claims or researchers (or what they did cannot be known). */
    long changes() {
        return changes.get();
    }

    /** This instance's name in {@code lookup_instance}. */
    String instance() {
        return instance;
    }

    /** Publishes this instance's changes when they moved, then reads the others'. */
    void exchange() {
        try {
            long own = ownChanges.getAsLong();
            if (own != published) {
                jdbc.sql("""
                        INSERT INTO lookup_instance (instance, changes, published_at) VALUES (:instance, :changes, :at)
                        ON CONFLICT (instance) DO UPDATE SET changes = excluded.changes, published_at = excluded.published_at""")
                        .param("instance", instance).param("changes", own)
                        .param("at", Timestamp.from(clock.instant())).update();
                published = own;
            }
            Map<String, Long> others = new HashMap<>();
            jdbc.sql("SELECT instance, changes FROM lookup_instance WHERE instance <> :instance")
                    .param("instance", instance)
                    .query(rs -> {
                        others.put(rs.getString(1), rs.getLong(2));
                    });
            if (!others.equals(seen)) {
                seen = others;
                changes.incrementAndGet();
            }
            if (failing) {
                log.info("The public lookup reads the other instances' changes again; its kept answers are used again");
                failing = false;
            }
        } catch (RuntimeException e) {
            // Unknown what the others did meanwhile: nothing kept may be used until the database answers again.
            changes.incrementAndGet();
            seen = null;
            published = Long.MIN_VALUE;
            if (!failing) {
                log.warn("The public lookup cannot read the other instances' changes ({}); it keeps no answers until "
                        + "it can", e.toString());
                failing = true;
            }
        }
    }

    private void forgetStoppedInstances() {
        try {
            jdbc.sql("DELETE FROM lookup_instance WHERE published_at < :before")
                    .param("before", Timestamp.from(clock.instant().minus(FORGOTTEN_AFTER))).update();
        } catch (RuntimeException e) {
            log.debug("Stopped instances' rows not removed this time", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
