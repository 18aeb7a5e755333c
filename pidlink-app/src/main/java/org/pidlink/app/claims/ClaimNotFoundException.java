package org.pidlink.app.claims;

import org.pidlink.core.PidlinkException;

/** No claim has this id. */
public final class ClaimNotFoundException extends PidlinkException {

    private final long claimId;

    public ClaimNotFoundException(long claimId) {
        super("No claim with id " + claimId);
        this.claimId = claimId;
    }

    public long claimId() {
        return claimId;
    }
}
