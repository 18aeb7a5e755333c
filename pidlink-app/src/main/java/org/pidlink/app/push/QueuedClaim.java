package org.pidlink.app.push;

import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.pidlink.app.claims.Provenance;
import org.pidlink.core.identifiers.OrcidId;

/** A claim with a queued write, as the engine sees it when it takes the claim into a batch. */
record QueuedClaim(long id, OrcidId orcid, String doi, String registrationId, Set<Provenance> provenance,
        Action action, String workJson, String payloadHash, @Nullable Long putCode, boolean recover,
        @Nullable String postAttemptedHash, int attempts, boolean wanted) {

    /**
     * The record must be read before writing: a POST may have reached ORCID without its answer being stored
     * (crash, dropped connection), or the put-code is unknown.
     */
    boolean needsRecovery() {
        return recover || postAttemptedHash != null || action != Action.ADD && putCode == null;
    }

    /** Only auto-update asserted it: an addition waits while the researcher has auto-update off. */
    boolean onlyAutoUpdate() {
        return provenance.equals(Set.of(Provenance.AUTO_UPDATE));
    }
}
