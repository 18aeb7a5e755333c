package org.pidlink.app.claims;

import java.util.List;
import java.util.Objects;

import org.pidlink.app.orcid.CallClass;

/**
 * The next call to make for one researcher, with the permission to make it: one deletion, one update, or up to a
 * bulk's worth of additions, all with one ORCID client registration. Claims hands it out only when the write is
 * allowed now (the one place that checks), so the push engine only calls ORCID and reports what it answered.
 *
 * @param accessToken the researcher's bearer token for {@code registrationId} (never logged)
 * @param callClass   the class the call is made in: the most urgent of its writes
 */
public record WriteBatch(String registrationId, String accessToken, List<QueuedWrite> writes, CallClass callClass) {

    public WriteBatch {
        Objects.requireNonNull(registrationId, "registrationId");
        Objects.requireNonNull(accessToken, "accessToken");
        writes = List.copyOf(writes);
        if (writes.isEmpty()) {
            throw new IllegalArgumentException("a write batch needs at least one write");
        }
    }

    /** What the call does: the action of every write in it. */
    public ClaimAction action() {
        return writes.getFirst().action();
    }

    @Override
    public String toString() {
        return "WriteBatch[" + registrationId + ", " + action() + " x" + writes.size() + ", " + callClass + "]";
    }
}
