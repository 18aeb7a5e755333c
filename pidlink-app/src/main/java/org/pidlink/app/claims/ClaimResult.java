package org.pidlink.app.claims;

/**
 * What {@link Claims#assertClaim} did.
 *
 * @param claimId the claim's id (stable; used by "put it back" and the admin retry)
 * @param status  the claim's status after the assertion
 * @param created the claim did not exist before
 * @param queued  a write to ORCID is queued (false when nothing changed, when the claim waits for permission
 *                or when the researcher keeps the work out of their record)
 */
public record ClaimResult(long claimId, ClaimStatus status, boolean created, boolean queued) {
}
