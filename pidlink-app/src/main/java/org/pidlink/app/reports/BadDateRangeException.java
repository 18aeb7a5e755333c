package org.pidlink.app.reports;

import org.pidlink.core.PidlinkException;

/** A download's date range cannot be served; the message says what to send instead. */
final class BadDateRangeException extends PidlinkException {

    BadDateRangeException(String message) {
        super(message);
    }
}
