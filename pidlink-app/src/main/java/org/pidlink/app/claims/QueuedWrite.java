package org.pidlink.app.claims;

import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.pidlink.app.orcid.CallClass;
import org.pidlink.core.identifiers.OrcidId;

/**
 * A claim with a due write, as the push engine takes it into a call.
 *
 * @param callClass         whose turn it is in ORCID's budget (see {@link CallClass})
 * @param putCode           the work's put-code on ORCID, when known
 * @param recover           the record must be read (ours matched by DOI) before anything is written
 * @param postAttemptedHash set before a POST with the hash sent: that POST may have reached ORCID
 * @param wanted            the claim still wants the work on the record (false: it is leaving)
 */
public record QueuedWrite(long claimId, OrcidId orcid, String doi, String registrationId, Set<Provenance> provenance,
        ClaimAction action, CallClass callClass, String workJson, String payloadHash, @Nullable Long putCode, boolean recover,
        @Nullable String postAttemptedHash, int attempts, boolean wanted) {

    /**
     * The record must be read before writing: a POST may have reached ORCID without its answer being stored
     * (crash, dropped connection), or the put-code is unknown.
     */
    public boolean needsRecovery() {
        return recover || postAttemptedHash != null || action != ClaimAction.ADD && putCode == null;
    }
}
