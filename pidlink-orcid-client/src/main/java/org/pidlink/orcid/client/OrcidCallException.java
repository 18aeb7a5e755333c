package org.pidlink.orcid.client;

import org.pidlink.core.PidlinkException;

/** An {@link OrcidError} thrown by {@link OrcidResult#orElseThrow()}; its message is the redacted problem summary. */
public final class OrcidCallException extends PidlinkException {

    private final transient OrcidError error;

    public OrcidCallException(OrcidError error) {
        super("ORCID call failed (" + error.getClass().getSimpleName() + "): " + error.problem().summary());
        this.error = error;
    }

    public OrcidError error() {
        return error;
    }
}
