package org.pidlink.app.testsupport;

import java.util.List;

import org.pidlink.app.orcid.EmbeddedOrcid;
import org.pidlink.core.identifiers.OrcidId;
import org.pidlink.emulator.state.StoredWork;

/** What the emulator's ORCID record of a researcher holds, for assertions on what pidlink wrote. */
public final class OrcidRecords {

    private OrcidRecords() {
    }

    /** The works on the researcher's record with this DOI (any source), any spelling case. */
    public static List<StoredWork> worksWithDoi(EmbeddedOrcid orcid, OrcidId researcher, String doi) {
        return orcid.emulator().control().works(researcher.value()).stream()
                .filter(w -> w.work().externalIds().stream()
                        .anyMatch(id -> id.type().equals("doi") && id.value().equalsIgnoreCase(doi)))
                .toList();
    }
}
