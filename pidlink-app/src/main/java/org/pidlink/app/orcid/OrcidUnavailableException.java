package org.pidlink.app.orcid;

import org.pidlink.core.PidlinkException;

/** ORCID could not be reached, or answered with something other than what ORCID answers. Nothing was changed. */
public final class OrcidUnavailableException extends PidlinkException {

    public OrcidUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
