package org.pidlink.app.push;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import javax.sql.DataSource;

import org.pidlink.core.identifiers.OrcidId;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * When pidlink last changed a researcher's ORCID record, from the call audit and the push engine's leases: the
 * webhook reconciliation uses it not to pay for reading back pidlink's own writes. Thread-safe.
 */
public final class OwnWrites {

    /**
     * A successful call of pidlink's that changed the record's activities (works, affiliations): not a webhook
     * registration or an inbox notification, which ORCID does not report as changes of the record.
     */
    private static final String RECORD_CHANGE = " method IN ('POST', 'PUT', 'DELETE') AND status BETWEEN 200 AND 299"
            + " AND path LIKE '/v3.0/{orcid}/%' AND path NOT LIKE '/v3.0/{orcid}/notification-permission%' ";

    private final JdbcClient jdbc;
    private final Clock clock;

    OwnWrites(DataSource dataSource, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.clock = clock;
    }

    /** When ORCID finished pidlink's latest successful write to the record, if any. */
    public Optional<Instant> lastTo(OrcidId orcid) {
        return jdbc.sql("""
                SELECT called_at + latency_ms * interval '1 millisecond' FROM orcid_call
                WHERE orcid = :orcid AND """ + RECORD_CHANGE + """
                ORDER BY called_at DESC LIMIT 1""")
                .param("orcid", orcid.value())
                .query((rs, n) -> rs.getTimestamp(1)).optional().map(Timestamp::toInstant);
    }

    /**
     * Whether pidlink has writes to the record due now: the push engine serves her at this moment, or she waits her
     * turn with writes due (a backfill serves each researcher a bulk call at a time, in turn with the others).
     */
    public boolean writesDue(OrcidId orcid) {
        Timestamp now = Timestamp.from(clock.instant());
        return Boolean.TRUE.equals(jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM push_researcher
                               WHERE orcid = :orcid AND (due_at <= :now OR lease_until > :now))""")
                .param("orcid", orcid.value()).param("now", now).query(Boolean.class).single());
    }

    /**
     * Whether a change ORCID reports now on the record is what pidlink's own writing explains: the push engine is
     * serving the researcher at this moment (ORCID calls back as soon as the record changed, often before its answer
     * to the write reached pidlink), or pidlink finished a write to her record within {@code window}.
     */
    public boolean explainsChangeNow(OrcidId orcid, Duration window) {
        Instant now = clock.instant();
        return Boolean.TRUE.equals(jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM push_researcher WHERE orcid = :orcid AND lease_until > :now)
                    OR EXISTS (SELECT 1 FROM orcid_call
                               WHERE orcid = :orcid AND called_at >= :startedSince
                                 AND called_at + latency_ms * interval '1 millisecond' >= :since
                                 AND """ + RECORD_CHANGE + ")")
                .param("orcid", orcid.value()).param("now", Timestamp.from(now))
                .param("since", Timestamp.from(now.minus(window)))
                .param("startedSince", Timestamp.from(now.minus(window).minus(CALL_ALLOWANCE)))
                .query(Boolean.class).single());
    }

    /**
     * How long a write may have taken (its audit row holds when the call started, and its latency): bounds the
     * index range searched; a bulk write of 100 works takes well under this.
     */
    private static final Duration CALL_ALLOWANCE = Duration.ofSeconds(30);
}
