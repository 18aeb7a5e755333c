package org.pidlink.core.work;

import org.pidlink.core.PidlinkException;

/** A work that ORCID would refuse; the message names the rule (and ORCID's error code where it has one). */
public final class InvalidWorkException extends PidlinkException {

    public InvalidWorkException(String message) {
        super(message);
    }
}
