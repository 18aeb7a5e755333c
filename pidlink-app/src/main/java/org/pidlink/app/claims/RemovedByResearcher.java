package org.pidlink.app.claims;

import java.sql.Timestamp;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Records on a claim that the researcher deleted its work on ORCID: the put-code is forgotten and the claim is
 * kept out, so pidlink never adds the work again unless she asks ("Put it back"). The push engine learns it from
 * a 404 on PUT or DELETE, the webhook reconciliation from reading her record; both record it here.
 */
public final class RemovedByResearcher {

    private RemovedByResearcher() {
    }

    /**
     * @param onlyWhilePutCode when not null, only a claim still holding this put-code is changed (the record was
     *                         read while the claim could have been rewritten meanwhile)
     * @return whether the claim was changed
     */
    public static boolean record(JdbcClient jdbc, Instant now, long claimId, @Nullable Long onlyWhilePutCode,
            String orcidMessage) {
        return jdbc.sql("""
                UPDATE claim SET put_code = NULL, written_hash = NULL, post_attempted_hash = NULL,
                    post_attempted_at = NULL, recover = false, kept_out = true, attempts = 0,
                    queued_action = NULL, due_at = NULL, status = 'REMOVED_BY_RESEARCHER',
                    status_reason = 'the researcher deleted the work on ORCID; use "Put it back" to add it again',
                    orcid_message = :message, updated_at = :now
                WHERE id = :id AND (CAST(:seen AS bigint) IS NULL OR put_code = :seen)""")
                .param("message", orcidMessage).param("now", Timestamp.from(now)).param("id", claimId)
                .param("seen", onlyWhilePutCode).update() == 1;
    }
}
