/**
 * Claims: "this researcher authored this DOI; write it to her ORCID record with this ORCID client". This feature
 * owns the claim's whole life; {@code ClaimLifecycle} holds every transition, {@link org.pidlink.app.claims.ClaimStatus}
 * every state and {@link org.pidlink.app.claims.ClaimAction} every write a claim can queue.
 *
 * <p>Public API:
 * <ul>
 * <li>{@link org.pidlink.app.claims.Claims}, for the features that assert links and the people who act on them:
 * {@code assertClaim}, {@code withdraw}, {@code recordFoundOnOrcid}, {@code reconcileWithOrcid}, the reads
 * {@code forResearcher}, {@code written} (what reconciliation compares with her record), {@code waitingForPermission},
 * {@code find}, {@code forDoi}, {@code orcidsForDoi}, and the actions {@code syncNow},
 * {@code putBack}, {@code removeAllFromOrcid} and the administrator's {@code retry};</li>
 * <li>{@link org.pidlink.app.claims.ClaimQueue} and {@link org.pidlink.app.claims.ClaimOutcomes}, for the push
 * engine: the next allowed call ({@link org.pidlink.app.claims.WriteBatch} of
 * {@link org.pidlink.app.claims.QueuedWrite}s, checked against the researcher's permission here and only here), when
 * each researcher's writes are due ({@link org.pidlink.app.claims.DueWrites}), and what ORCID answered;</li>
 * <li>{@link org.pidlink.app.claims.Links}: the DOI–iD links, their aggregate figures and a streamed export;</li>
 * <li>{@link org.pidlink.app.claims.ClaimsOverview}: the administrators' read model
 * ({@link org.pidlink.app.claims.ClaimFigures}, claims in a status);</li>
 * <li>ports: {@link org.pidlink.app.claims.ClaimQueueListener} (implemented by the push engine's schedule, told in
 * the changing transaction) and {@link org.pidlink.app.claims.WriteAccessSource} (in the app, the accounts feature's
 * permissions);</li>
 * <li>values: {@link org.pidlink.app.claims.Provenance}, {@link org.pidlink.app.claims.WorkPayload},
 * {@link org.pidlink.app.claims.ClaimResult}, {@link org.pidlink.app.claims.ClaimView},
 * {@link org.pidlink.app.claims.WrittenClaim}.</li>
 * </ul>
 * A registration is {@code auto-update} or {@code search-link}; when both use one ORCID client, claims are keyed by
 * the shared registration, so one work on the record has one claim holding every provenance. Claims follow the
 * accounts events (granted, revoked, auto-update switched) in the publisher's transaction.
 *
 * <p>{@link org.pidlink.app.claims.StandaloneClaims} builds the feature without Spring for benchmarks and engine
 * tests; features get the beans.
 */
@NullMarked
package org.pidlink.app.claims;

import org.jspecify.annotations.NullMarked;
