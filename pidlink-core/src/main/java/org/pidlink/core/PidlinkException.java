package org.pidlink.core;

/** The one root of pidlink's own exceptions, so callers can catch everything pidlink throws in one place. */
public abstract class PidlinkException extends RuntimeException {

    protected PidlinkException(String message) {
        super(message);
    }

    protected PidlinkException(String message, Throwable cause) {
        super(message, cause);
    }
}
