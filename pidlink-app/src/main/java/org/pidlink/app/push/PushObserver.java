package org.pidlink.app.push;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.pidlink.app.claims.ClaimAction;
import org.pidlink.core.identifiers.OrcidId;

/**
 * Told when ORCID answered a call, before the answer is recorded on the claims. Tests use it to kill a worker at
 * the worst moment (the POST reached ORCID, its put-codes are not stored yet).
 */
@FunctionalInterface
interface PushObserver {

    PushObserver NONE = (orcid, action, claimIds) -> { };

    /** {@code action} is null for a recovery read. */
    void answered(OrcidId orcid, @Nullable ClaimAction action, List<Long> claimIds);
}
