package org.pidlink.orcid.client;

import java.util.List;
import java.util.Objects;

/**
 * What a call is made for, as the application says it: handed to the {@link OrcidRateLimiter} before the call and
 * to the {@link OrcidCallListener} with the finished call, so that a shared limiter can order calls by purpose and an
 * audit can name the items a call served, without any thread-local state. Get a client that attaches it with
 * {@link OrcidClient#on(OrcidCallContext)}.
 *
 * @param purpose        what kind of work the call does for the application (e.g. {@code fresh}, {@code backfill},
 *                       {@code read}); free text to the client
 * @param registrationId the application's name for the ORCID client registration making the call, or null
 * @param itemIds        the application's ids of the items the call serves (e.g. claims in a bulk write)
 */
public record OrcidCallContext(String purpose, String registrationId, List<Long> itemIds) {

    /** No context given. */
    public static final OrcidCallContext NONE = new OrcidCallContext("unspecified", null, List.of());

    public OrcidCallContext {
        Objects.requireNonNull(purpose, "purpose");
        itemIds = List.copyOf(itemIds);
    }
}
