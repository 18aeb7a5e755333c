package org.pidlink.emulator.state;

import java.time.Instant;
import org.pidlink.core.affiliation.AffiliationKind;
import org.pidlink.emulator.affiliations.Affiliation;

/**
 * An affiliation on a record: the content as ORCID stores it (organization trimmed, external-id types in ORCID's
 * stored spelling, orcid-api.md §11.2, §11.5) plus what ORCID adds (put-code, kind, source client, dates,
 * visibility, display index).
 */
public record StoredAffiliation(long putCode, AffiliationKind kind, String sourceClientId, Instant createdDate,
                                Instant lastModifiedDate, Visibility visibility, String displayIndex,
                                Affiliation affiliation) {

    /** ORCID's display index for items added through the API since 2024-06 (§11.2). */
    public static final String API_DISPLAY_INDEX = "1";

    /** The same item with new content and, as a PUT may do, a new kind (§11.1); source and visibility stay. */
    public StoredAffiliation updated(AffiliationKind newKind, Affiliation newContent, Instant at) {
        return new StoredAffiliation(putCode, newKind, sourceClientId, createdDate, at, visibility, displayIndex,
                newContent);
    }
}
