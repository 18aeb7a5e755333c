package org.pidlink.app.intake;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.pidlink.app.claims.WorkPayload;
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

    /**
     * {@link #stored} with the work intake mapped from each record, when that is the DOI's work addressed to nobody
     * ({@code WorkMapper.map(record)} with the type mapping in force): a feature that keeps that work uses it instead
     * of mapping the record again. By default the works are ignored.
     */
    default void storedWithWorks(List<Usable> usable, List<Doi> gone) {
        stored(usable.stream().map(Usable::record).toList(), gone);
    }

    /**
     * A record read and not skipped.
     *
     * @param work the DOI's work addressed to nobody, as intake mapped it, or null when intake has none to give
     */
    record Usable(DoiRecord record, @Nullable WorkPayload work) {
    }
}
