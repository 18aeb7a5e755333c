package org.pidlink.emulator.control;

import java.time.Instant;
import org.pidlink.emulator.affiliations.Affiliation;
import org.pidlink.emulator.state.StoredAffiliation;

/** An affiliation on a record as the control API lists it: ORCID's spellings for the kind and the visibility. */
public record AffiliationInfo(String kind, long putCode, String sourceClientId, String visibility,
                              Instant createdDate, Instant lastModifiedDate, Affiliation affiliation) {

    static AffiliationInfo of(StoredAffiliation s) {
        return new AffiliationInfo(s.kind().value(), s.putCode(), s.sourceClientId(), s.visibility().value(),
                s.createdDate(), s.lastModifiedDate(), s.affiliation());
    }
}
