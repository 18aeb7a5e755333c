package org.pidlink.app.claims;

import java.util.Objects;

import org.pidlink.core.identifiers.Doi;
import org.pidlink.core.identifiers.OrcidId;

/**
 * One researcher asserted as an author of a DOI, with the work to write and what her filters read of the DOI's
 * record: an element of a batch of assertions ({@link Claims#assertClaims(java.util.List, String, Provenance)}).
 */
public record ClaimAssertion(OrcidId orcid, Doi doi, WorkPayload payload, RecordFacts facts) {

    public ClaimAssertion {
        Objects.requireNonNull(orcid, "orcid");
        Objects.requireNonNull(doi, "doi");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(facts, "facts");
    }

    /** An assertion with nothing known of the record beyond the work (every filter on its state lets it pass). */
    public ClaimAssertion(OrcidId orcid, Doi doi, WorkPayload payload) {
        this(orcid, doi, payload, RecordFacts.UNKNOWN);
    }
}
