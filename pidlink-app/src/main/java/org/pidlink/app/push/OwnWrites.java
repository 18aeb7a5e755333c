package org.pidlink.app.push;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import javax.sql.DataSource;

import org.pidlink.core.identifiers.OrcidId;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * When pidlink last changed a researcher's ORCID record, from the call audit: the webhook reconciliation uses it
 * not to pay for reading back pidlink's own writes. Thread-safe.
 */
public final class OwnWrites {

    private final JdbcClient jdbc;

    OwnWrites(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** When ORCID finished pidlink's latest successful write to the record, if any. */
    public Optional<Instant> lastTo(OrcidId orcid) {
        return jdbc.sql("""
                SELECT called_at + latency_ms * interval '1 millisecond' FROM orcid_call
                WHERE orcid = :orcid AND method IN ('POST', 'PUT', 'DELETE') AND status BETWEEN 200 AND 299
                ORDER BY called_at DESC LIMIT 1""")
                .param("orcid", orcid.value())
                .query((rs, n) -> rs.getTimestamp(1)).optional().map(Timestamp::toInstant);
    }
}
