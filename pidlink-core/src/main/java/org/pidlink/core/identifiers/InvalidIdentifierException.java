package org.pidlink.core.identifiers;

import org.pidlink.core.PidlinkException;

/** A value that is not a valid identifier of the expected kind; {@link #reason()} says why in plain words. */
public final class InvalidIdentifierException extends PidlinkException {

    private final String value;
    private final String reason;

    public InvalidIdentifierException(String kind, String value, String reason) {
        super("Not a valid " + kind + " (" + reason + "): \"" + value + "\"");
        this.value = value;
        this.reason = reason;
    }

    /** The value exactly as given. */
    public String value() {
        return value;
    }

    /** Why it was rejected, for example "bad checksum". */
    public String reason() {
        return reason;
    }
}
