package org.pidlink.app.claims;

import org.pidlink.core.identifiers.OrcidId;

/**
 * Where claims and the push engine learn whether they may write to a researcher's record: in the app,
 * the accounts feature's write permissions; in benchmarks and engine tests, tokens issued by the emulator.
 * Implementations must be thread-safe.
 */
public interface WriteAccessSource {

    WriteAccess find(OrcidId orcid, String registrationId);

    /** ORCID answered 401 with this permission's token: no further calls are made with it. */
    void markRevoked(OrcidId orcid, String registrationId, String reason);
}
