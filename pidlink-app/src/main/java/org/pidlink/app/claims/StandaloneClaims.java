package org.pidlink.app.claims;

import java.time.Clock;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.pidlink.core.identifiers.OrcidId;

/**
 * The claims feature without Spring, over one {@code DataSource}: for the benchmarks and for engine tests that
 * assemble claims and the push engine by hand. Features never build it: they get {@link Claims}, {@link ClaimQueue},
 * {@link ClaimOutcomes} and {@link ClaimsOverview} as beans ({@code ClaimsConfiguration} builds them with this).
 */
public record StandaloneClaims(Claims claims, ClaimQueue queue, ClaimOutcomes outcomes, ClaimsOverview overview,
                               ResearcherFilters filters) {

    public static StandaloneClaims create(DataSource dataSource, Clock clock, WriteAccessSource access,
            ClaimQueueListener listener) {
        return create(dataSource, clock, access, listener, UnaryOperator.identity());
    }

    /**
     * @param sameClient maps a registration to the one whose ORCID client it uses (when two registrations share a
     *                   client, one work on the record must have one claim, holding both provenances)
     */
    public static StandaloneClaims create(DataSource dataSource, Clock clock, WriteAccessSource access,
            ClaimQueueListener listener, UnaryOperator<String> sameClient) {
        return create(dataSource, clock, access, listener, sameClient, WriteOrder.defaults());
    }

    /** @param order which works are written first when a record cannot take them all (ORCID's 10,000-work cap) */
    public static StandaloneClaims create(DataSource dataSource, Clock clock, WriteAccessSource access,
            ClaimQueueListener listener, UnaryOperator<String> sameClient, WriteOrder order) {
        ClaimLifecycle lifecycle = new ClaimLifecycle(dataSource, clock, access, listener, sameClient, order);
        return new StandaloneClaims(new Claims(lifecycle), lifecycle.queue(), new ClaimOutcomes(lifecycle),
                new ClaimsOverview(lifecycle), new ResearcherFilters(dataSource, clock, lifecycle));
    }

    /**
     * The researcher's permissions changed: what the accounts events tell claims in the app. Held claims whose write
     * is now allowed are queued, queued ones no longer allowed are held.
     *
     * @param registration the registration whose permission changed, or {@code null} for all of them
     */
    public void permissionsChanged(OrcidId orcid, @Nullable String registration) {
        claims.permissionsChanged(orcid, registration);
    }
}
