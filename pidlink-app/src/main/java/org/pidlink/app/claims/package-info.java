/**
 * Claims: "this researcher authored this DOI; write it to their ORCID record with this ORCID client".
 *
 * <p>The public API is {@link org.pidlink.app.claims.Claims}:
 * <ul>
 * <li>{@code assertClaim(orcid, doi, registrationId, provenance, payload)}: create or refresh a claim; queues an
 * addition, an update (only when the payload's canonical hash differs from the last one written) or nothing;</li>
 * <li>{@code withdraw(orcid, doi, registrationId, provenance, reason)}: a source no longer asserts it; with no
 * provenance left, the work is deleted from ORCID;</li>
 * <li>{@code forResearcher(orcid)}, {@code find(id)}, {@code orcidsForDoi(doi)}, {@code inStatus(status, limit)};</li>
 * <li>researcher actions {@code syncNow(orcid)}, {@code putBack(claimId)}, {@code removeAllFromOrcid(orcid)}; the
 * administrator's {@code retry(claimId)};</li>
 * <li>{@code permissionsChanged(orcid, registrationId)}: re-evaluates held and queued claims after a permission
 * or auto-update change (the accounts events call it).</li>
 * </ul>
 * A registration is {@code auto-update} or {@code search-link}; when both use one ORCID client, the app keys their
 * claims by the shared registration, so one work on the record has one claim holding every provenance.
 *
 * <p>Values: {@link org.pidlink.app.claims.Provenance}, {@link org.pidlink.app.claims.ClaimStatus},
 * {@link org.pidlink.app.claims.WorkPayload}, {@link org.pidlink.app.claims.ClaimResult},
 * {@link org.pidlink.app.claims.ClaimView}. Whether a claim may be written comes from a
 * {@link org.pidlink.app.claims.WriteAccessSource}.
 *
 * <p>A claim row is also the push queue's unit of work ({@code queued_action}, {@code due_at}); the push engine
 * ({@code org.pidlink.app.push}) executes the queued writes and records their outcome on the claim.
 */
@NullMarked
package org.pidlink.app.claims;

import org.jspecify.annotations.NullMarked;
