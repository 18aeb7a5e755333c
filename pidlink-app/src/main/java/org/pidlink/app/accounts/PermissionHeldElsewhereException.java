package org.pidlink.app.accounts;

import org.pidlink.core.PidlinkException;
import org.pidlink.core.identifiers.OrcidId;

/** Another pidlink account already holds write permission for this iD: one writer per iD. */
public final class PermissionHeldElsewhereException extends PidlinkException {

    private final OrcidId orcid;

    public PermissionHeldElsewhereException(OrcidId orcid, String registrationId) {
        super("another pidlink account already holds the " + registrationId + " permission for " + orcid);
        this.orcid = orcid;
    }

    public OrcidId orcid() {
        return orcid;
    }
}
