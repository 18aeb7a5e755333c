package org.pidlink.app.intake;

import java.util.List;

import org.pidlink.core.identifiers.Doi;
import org.pidlink.core.metadata.DoiRecord;

/**
 * Told after each submission is stored which DOIs now have metadata ORCID may show, and which no longer do
 * (skipped, deleted), so that other features (the researcher's search) can keep their own view of the DOIs.
 */
public interface RecordsStored {

    /**
     * @param usable records read and not skipped
     * @param gone   DOIs whose latest metadata is skipped, or that were deleted
     */
    void stored(List<DoiRecord> usable, List<Doi> gone);
}
