package org.pidlink.app.push;

/** What the push engine has to do for a claim. */
enum Action {
    /** {@code POST /works}: the work is not on ORCID yet (bulk, up to 100 per call). */
    ADD,
    /** {@code PUT /work/{put-code}}: the work is on ORCID with an older payload. */
    UPDATE,
    /** {@code DELETE /work/{put-code}}: the work must leave the ORCID record. */
    DELETE
}
