package org.pidlink.emulator.control;

import java.time.Instant;
import java.util.List;

import org.pidlink.emulator.state.StoredWork;
import org.pidlink.emulator.works.Work;

/**
 * A work on a record as the control API lists it: who wrote it, its visibility (ORCID's spelling), dates, title and
 * external ids. Compact on purpose: a test or benchmark counting works on a record of 10,000 needs the ids, not the
 * whole document (the member API reads that).
 */
public record WorkInfo(long putCode, String sourceClientId, String visibility, Instant createdDate,
                       Instant lastModifiedDate, String title, List<Work.ExternalId> externalIds) {

    static WorkInfo of(StoredWork s) {
        return new WorkInfo(s.putCode(), s.sourceClientId(), s.visibility().value(), s.createdDate(),
                s.lastModifiedDate(), s.work().title(), s.work().externalIds());
    }
}
