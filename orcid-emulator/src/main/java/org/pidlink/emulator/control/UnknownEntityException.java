package org.pidlink.emulator.control;

/** The control API was asked about a researcher or client that does not exist (HTTP: 404). */
public final class UnknownEntityException extends IllegalArgumentException {
    public UnknownEntityException(String message) {
        super(message);
    }
}
