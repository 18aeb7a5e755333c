package org.pidlink.emulator.inbox;

/** A notification body that does not parse or does not satisfy the schema; the message says what and where. */
final class InvalidNotification extends RuntimeException {

    InvalidNotification(String message) {
        super(message, null, false, false);
    }
}
