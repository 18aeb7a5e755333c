package org.pidlink.app.push;

import java.util.Objects;

import org.pidlink.orcid.client.OrcidWorksClient;

/**
 * One ORCID client registration as the push engine uses it.
 *
 * @param registrationId pidlink's name for the registration ({@code auto-update}, {@code search-link})
 * @param clientId       the ORCID client id ({@code APP-…}): the key of the shared rate limit, and how our own
 *                       works are recognized on a record (their source)
 * @param works          the member-API client, built with {@link SharedRateLimiter#forClient} as its rate limiter
 *                       and {@link OrcidCallAudit} as its call listener
 */
public record RegisteredClient(String registrationId, String clientId, OrcidWorksClient works) {

    public RegisteredClient {
        Objects.requireNonNull(registrationId, "registrationId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(works, "works");
    }
}
