package org.pidlink.app.push;

import java.util.Objects;

import org.pidlink.orcid.client.OrcidClient;

/**
 * One ORCID client registration as the push engine uses it.
 *
 * @param registrationId pidlink's name for the registration ({@code auto-update}, {@code search-link})
 * @param clientId       the ORCID client id ({@code APP-…}): how our own works are recognized on a record (their
 *                       source)
 * @param rateLimitKey   the shared rate limit this client's requests count against (its limiter is
 *                       {@link SharedRateLimiter#forClient} of this key); a 503 slows this key down
 * @param client         the ORCID client, built with that rate limiter and with {@link OrcidCallAudit} as its call
 *                       listener
 */
public record RegisteredClient(String registrationId, String clientId, String rateLimitKey, OrcidClient client) {

    public RegisteredClient {
        Objects.requireNonNull(registrationId, "registrationId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(rateLimitKey, "rateLimitKey");
        Objects.requireNonNull(client, "client");
    }
}
