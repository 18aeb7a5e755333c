package org.pidlink.app.intake;

import java.time.Instant;
import java.util.List;

/**
 * What pidlink last received for a DOI.
 *
 * @param doi        the DOI
 * @param orcids     the researchers who get its work (empty when it is skipped or deleted)
 * @param skipReason why nothing is written, or null
 * @param source     who sent the last metadata ({@code api:<source>}, {@code harvest:datacite}, {@code kafka:<topic>})
 * @param receivedAt when metadata that changed something last arrived
 * @param changedAt  when it last changed what ORCID should show
 * @param owner      the source that owns the DOI (see {@link DoiOwners}), or null
 */
public record DoiStatus(String doi, List<String> orcids, String skipReason, String source, Instant receivedAt,
                        Instant changedAt, String owner) {

    public DoiStatus {
        orcids = List.copyOf(orcids);
    }
}
