/**
 * The push engine: makes the writes the claims queue. It keeps only the schedule of researchers and their leases;
 * the claims, their statuses and what each ORCID answer means belong to {@code org.pidlink.app.claims}.
 *
 * <ul>
 * <li><b>Schedule.</b> {@code PushSchedule} ({@code push_researcher}): claims tell it, in the changing transaction,
 * that a researcher's queue changed; it reads her {@code DueWrites}. A turn ({@link org.pidlink.app.push.PushEngine#runOnce()})
 * leases one researcher with {@code FOR UPDATE SKIP LOCKED} and a lease expiry (a dead instance's researchers come
 * back when it expires), so one write at a time is in flight per ORCID record across all instances. Order: "Sync
 * now" first, then researchers with deletions or first additions, then round robin by last service.</li>
 * <li><b>Calls.</b> The claims hand out the next allowed call ({@code ClaimQueue.nextWrite}): a deletion, a bulk
 * {@code POST /works} of up to 100 works, or an update. Each call carries an {@code OrcidCallContext} naming its
 * claims, which the rate limiter and the audit see.</li>
 * <li><b>Crash safety.</b> Before a POST, each claim gets a marker with the hash sent; a claim still carrying it
 * (crash, dropped connection, 5xx) is recovered first by reading the record's works, ours matched by normalized
 * DOI, so a work is never posted twice.</li>
 * <li><b>ORCID's answers</b> go to {@code ClaimOutcomes}: written, adopted put-code (409/9021), removed by the
 * researcher (404 on PUT/DELETE), token rejected (401), scope missing, record unavailable, failed permanently
 * (400, 9010), retried with exponential backoff and jitter (5xx, timeouts, dropped connections) up to
 * {@code max-attempts}; a 503 makes every instance cool off and the call is retried.</li>
 * <li><b>Rate limit.</b> {@link org.pidlink.app.push.SharedRateLimiter}: Bucket4j in PostgreSQL, 24 requests/s with a
 * burst of 40 by default, shared by all instances; given to every ORCID client of the app, with the audit, through
 * an {@code OrcidClientCustomizer}.</li>
 * <li><b>Audit.</b> {@link org.pidlink.app.push.OrcidCallAudit} records every call in {@code orcid_call};
 * {@link org.pidlink.app.push.OrcidCallStatistics} and {@link org.pidlink.app.push.OrcidCallsCsv} are its read side
 * for the reports.</li>
 * </ul>
 *
 * <p>Public API for other features: {@link org.pidlink.app.push.PushWorker} (whether the workers run: health),
 * {@link org.pidlink.app.push.OrcidCallStatistics}, {@link org.pidlink.app.push.OrcidCallsCsv}. For the benchmarks
 * and engine tests only: {@link org.pidlink.app.push.StandalonePush} builds claims and the engine without Spring
 * ({@link org.pidlink.app.push.PushEngine}, {@link org.pidlink.app.push.PushSettings},
 * {@link org.pidlink.app.push.RegisteredClient}); {@code PushConfiguration} wires them into the app, configured by
 * {@code pidlink.push.*}; {@code /admin/queue} shows the queue and failures.
 */
@NullMarked
package org.pidlink.app.push;

import org.jspecify.annotations.NullMarked;
