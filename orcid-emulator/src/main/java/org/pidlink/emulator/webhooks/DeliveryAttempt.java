package org.pidlink.emulator.webhooks;

import java.time.Instant;

/**
 * One callback attempt: {@code status} is the receiver's HTTP status, or 0 when the call failed before one
 * (refused connection, timeout), with {@code error} saying why.
 */
public record DeliveryAttempt(String orcid, String uri, String clientId, int attempt, int status, String error,
                              Instant at) {

    public boolean delivered() {
        return status >= 200 && status < 300;
    }
}
