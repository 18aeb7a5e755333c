package org.pidlink.app.push;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.pidlink.app.claims.ClaimQueue;
import org.pidlink.app.claims.ClaimQueueListener;
import org.pidlink.app.claims.DueWrites;
import org.pidlink.app.orcid.CallClass;
import org.pidlink.core.identifiers.OrcidId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The push engine's schedule of researchers in PostgreSQL ({@code push_researcher}): when each has due writes, and
 * leases, so that one instance at a time (and one write in flight) serves an ORCID record. The writes themselves are
 * the claims' ({@link org.pidlink.app.claims.ClaimQueue}). Every statement takes its time from the injected clock,
 * never from the database, so tests can move time. Thread-safe.
 */
final class PushSchedule {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    PushSchedule(DataSource dataSource, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.clock = clock;
    }

    /**
     * What claims tell about their queue: the researcher is rescheduled, then {@code afterChange} runs (the app
     * wakes its idle workers once the change committed).
     */
    ClaimQueueListener listener(Runnable afterChange) {
        return new ClaimQueueListener() {
            @Override
            public void queueChanged(OrcidId orcid, ClaimQueue queue) {
                reschedule(orcid, false, queue);
                afterChange.run();
            }

            @Override
            public void syncRequested(OrcidId orcid, ClaimQueue queue) {
                reschedule(orcid, true, queue);
                afterChange.run();
            }
        };
    }

    /**
     * Recomputes when the researcher has due work. Her row is locked first so that her due writes, read next, show
     * every claim change committed before the lock was granted.
     */
    private void reschedule(OrcidId orcid, boolean syncNow, ClaimQueue queue) {
        tx.executeWithoutResult(status -> {
            jdbc.sql("INSERT INTO push_researcher (orcid) VALUES (:orcid) ON CONFLICT (orcid) DO NOTHING")
                    .param("orcid", orcid.value()).update();
            jdbc.sql("SELECT orcid FROM push_researcher WHERE orcid = :orcid FOR UPDATE").param("orcid", orcid.value())
                    .query(String.class).single();
            DueWrites due = queue.dueWrites(orcid);
            jdbc.sql("""
                    UPDATE push_researcher
                    SET due_at = :due, priority = :priority,
                        sync_now = (sync_now OR :sync) AND CAST(:due AS timestamptz) IS NOT NULL
                    WHERE orcid = :orcid""")
                    .param("due", due.firstDue() == null ? null : ts(due.firstDue())).param("priority", due.priority().ordinal())
                    .param("sync", syncNow).param("orcid", orcid.value()).update();
        });
    }

    /**
     * Leases the researcher who should be served next: "Sync now" first, then by the most urgent class of her due
     * writes ({@link CallClass}: interactive, fresh, backfill), then the one served longest ago (round robin, so
     * nobody starves within a class). Only researchers whose most urgent class is {@code atMost} or more urgent are
     * considered (workers kept for urgent work pass {@code FRESH}). Skips researchers leased by a live instance; an
     * expired lease is taken over.
     */
    Optional<OrcidId> leaseNext(String owner, Duration lease, CallClass atMost) {
        Instant now = clock.instant();
        return jdbc.sql("""
                UPDATE push_researcher SET lease_owner = :owner, lease_until = :until
                WHERE orcid = (
                    SELECT orcid FROM push_researcher
                    WHERE due_at <= :now AND (lease_until IS NULL OR lease_until < :now)
                      AND coalesce(priority, 2) <= :atMost
                    ORDER BY sync_now DESC, coalesce(priority, 2), last_served_at ASC NULLS FIRST, due_at
                    LIMIT 1
                    FOR UPDATE SKIP LOCKED)
                RETURNING orcid""")
                .param("owner", owner).param("until", ts(now.plus(lease))).param("now", ts(now))
                .param("atMost", atMost.ordinal())
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
    void release(OrcidId orcid, String owner, ClaimQueue queue) {
        tx.executeWithoutResult(status -> {
            int mine = jdbc.sql("""
                    UPDATE push_researcher SET lease_owner = NULL, lease_until = NULL, last_served_at = :now
                    WHERE orcid = :orcid AND lease_owner = :owner""")
                    .param("now", ts(clock.instant())).param("orcid", orcid.value()).param("owner", owner).update();
            if (mine == 1) {
                reschedule(orcid, false, queue);
            }
        });
    }

    /** Re-derives every researcher's schedule from the claims (a safety net; cheap enough to run now and then). */
    void rescheduleAll(ClaimQueue queue) {
        List<DueWrites> due = queue.allDueWrites();
        String orcids = arrayLiteral(due.stream().map(d -> d.orcid().value()).toList());
        tx.executeWithoutResult(status -> {
            jdbc.sql("""
                    INSERT INTO push_researcher AS r (orcid, due_at, priority)
                    SELECT * FROM unnest(CAST(:orcids AS text[]), CAST(:dues AS timestamptz[]),
                                         CAST(:priorities AS smallint[]))
                    ON CONFLICT (orcid) DO UPDATE SET due_at = excluded.due_at, priority = excluded.priority
                    WHERE r.due_at IS DISTINCT FROM excluded.due_at OR r.priority IS DISTINCT FROM excluded.priority""")
                    .param("orcids", orcids)
                    .param("dues", arrayLiteral(due.stream().map(d -> String.valueOf(d.firstDue())).toList()))
                    .param("priorities", arrayLiteral(due.stream().map(d -> String.valueOf(d.priority().ordinal())).toList()))
                    .update();
            // Researchers with nothing due any more.
            jdbc.sql("""
                    UPDATE push_researcher SET due_at = NULL, priority = NULL, sync_now = false
                    WHERE due_at IS NOT NULL AND NOT orcid = ANY(CAST(:orcids AS text[]))""")
                    .param("orcids", orcids).update();
        });
    }

    /** iDs, instants and booleans as a PostgreSQL array literal: none of them holds a quote, comma or brace. */
    private static String arrayLiteral(List<String> values) {
        return "{" + String.join(",", values) + "}";
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
