package org.pidlink.app.claims;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import org.pidlink.core.identifiers.OrcidId;

/**
 * Where claims and the push engine learn whether they may write to a researcher's record: in the app,
 * the accounts feature's write permissions; in benchmarks and engine tests, tokens issued by the emulator.
 * Implementations must be thread-safe.
 */
public interface WriteAccessSource {

    WriteAccess find(OrcidId orcid, String registrationId);

    /**
     * Of these researchers, those for whom {@link #find} may answer anything but "not connected": the others are
     * {@link WriteAccess.Missing} because they never connected. A record names thousands of researchers, most of
     * them unknown to pidlink; one look-up for all of them keeps its cost bounded. By default asks each.
     */
    default Set<OrcidId> mayHaveAccess(Collection<OrcidId> orcids, String registrationId) {
        Set<OrcidId> found = new HashSet<>();
        for (OrcidId orcid : orcids) {
            if (!(find(orcid, registrationId) instanceof WriteAccess.Missing)) {
                found.add(orcid);
            }
        }
        return found;
    }

    /** ORCID answered 401 with this permission's token: no further calls are made with it. */
    void markRevoked(OrcidId orcid, String registrationId, String reason);
}
