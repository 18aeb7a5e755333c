/**
 * The push engine: writes queued claims to ORCID.
 *
 * <ul>
 * <li><b>Queue.</b> The claim rows themselves ({@code queued_action}, {@code due_at}); {@code push_researcher}
 * schedules researchers. A turn ({@link org.pidlink.app.push.PushEngine#runOnce()}) leases one researcher with
 * {@code FOR UPDATE SKIP LOCKED} and a lease expiry (a dead instance's researchers come back when it expires), so
 * one write at a time is in flight per ORCID record across all instances. Order: "Sync now" first, then
 * researchers with deletions or first additions, then round robin by last service, so nobody starves.</li>
 * <li><b>Calls.</b> Within a researcher: deletions, then additions as one bulk {@code POST /works} of up to 100 works
 * (each item's result handled on its own), then updates ({@code PUT}). Nothing is written when the payload's hash
 * equals the one last written.</li>
 * <li><b>Crash safety.</b> Before a POST, each claim gets a marker with the hash sent; a claim still carrying it
 * (crash, dropped connection, 5xx) is recovered first by reading the record's works, ours matched by normalized
 * DOI, so a work is never posted twice.</li>
 * <li><b>ORCID's answers.</b> 401: the permission is marked revoked and the researcher's writes pause; 403/9010:
 * failed, not ours; 404 on PUT/DELETE: removed by the researcher, kept out until "put it back"; 409/9021: the
 * named put-code is adopted (or found by a read) and the work updated; 400: failed permanently with ORCID's
 * message; 409 for a deactivated, deprecated or locked record: everything for that record stops; 5xx, timeouts,
 * dropped connections: retried with exponential backoff and jitter up to {@code max-attempts}, then failed
 * permanently with an administrator's retry; 503: every instance cools off and the call is retried.</li>
 * <li><b>Rate limit.</b> {@link org.pidlink.app.push.SharedRateLimiter}: Bucket4j in PostgreSQL, 24 requests/s with a
 * burst of 40 by default, shared by all instances; plugged into the ORCID clients as their rate-limit hook.</li>
 * <li><b>Audit.</b> {@link org.pidlink.app.push.OrcidCallAudit} records every call in {@code orcid_call}.</li>
 * </ul>
 *
 * <p>The engine is Spring-free: tests and the backfill benchmark build it from a {@code DataSource}, a
 * {@code Clock}, {@link org.pidlink.app.push.RegisteredClients} and a
 * {@link org.pidlink.app.claims.WriteAccessSource}, and run {@link org.pidlink.app.push.PushEngine#runDueWork()}.
 * {@code PushConfiguration} wires it into the app with {@link org.pidlink.app.push.PushWorker} threads, configured
 * by {@code pidlink.push.*}; {@code /admin/queue} shows the queue and failures.
 */
@NullMarked
package org.pidlink.app.push;

import org.jspecify.annotations.NullMarked;
