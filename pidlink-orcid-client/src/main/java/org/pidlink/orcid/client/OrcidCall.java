package org.pidlink.orcid.client;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.pidlink.core.identifiers.OrcidId;

/**
 * One finished HTTP exchange with ORCID, as reported to {@link OrcidCallListener} (for the audit table and metrics).
 * Contains no token and no work body.
 *
 * @param method       {@code GET}, {@code POST}, {@code PUT}, {@code DELETE}
 * @param pathTemplate e.g. {@code /v3.0/{orcid}/work/{put-code}} or {@code /oauth/token}
 * @param orcid        the record addressed, or null for OAuth calls without one
 * @param putCode      the put-code addressed or created, or null
 * @param status       HTTP status, 0 when no response arrived
 * @param errorCode    ORCID error-code, 0 if none (for a bulk write: 0; item errors are in the result)
 * @param error        the classified failure, or null when the call succeeded
 * @param startedAt    when the request was sent (after the rate limiter let it through)
 * @param latency      from sending to the complete response (or the failure)
 * @param context      what the application made the call for ({@link OrcidCallContext#NONE} when it did not say)
 */
public record OrcidCall(String method, String pathTemplate, OrcidId orcid, Long putCode, int status, int errorCode,
                        OrcidError error, Instant startedAt, Duration latency, OrcidCallContext context) {

    public boolean succeeded() {
        return error == null;
    }

    public Optional<OrcidId> orcidIfAny() {
        return Optional.ofNullable(orcid);
    }

    public OptionalLong putCodeIfAny() {
        return putCode == null ? OptionalLong.empty() : OptionalLong.of(putCode);
    }

    public Optional<OrcidError> errorIfAny() {
        return Optional.ofNullable(error);
    }
}
