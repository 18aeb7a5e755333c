package org.pidlink.app.claims;

import java.util.Objects;

import org.pidlink.core.identifiers.Doi;
import org.pidlink.core.identifiers.OrcidId;

/**
 * One researcher asserted as an author of a DOI, with the work to write: an element of a batch of assertions
 * ({@link Claims#assertClaims(java.util.List, String, Provenance)}).
 */
public record ClaimAssertion(OrcidId orcid, Doi doi, WorkPayload payload) {

    public ClaimAssertion {
        Objects.requireNonNull(orcid, "orcid");
        Objects.requireNonNull(doi, "doi");
        Objects.requireNonNull(payload, "payload");
    }
}
