package org.pidlink.app.claims;

/** The write to ORCID a claim has queued ({@code claim.queued_action}). */
public enum ClaimAction {
    /** {@code POST /works}: the work is not on ORCID yet (bulk, up to 100 per call). */
    ADD,
    /** {@code PUT /work/{put-code}}: the work is on ORCID with an older payload. */
    UPDATE,
    /** {@code DELETE /work/{put-code}}: the work must leave the ORCID record. */
    DELETE
}
