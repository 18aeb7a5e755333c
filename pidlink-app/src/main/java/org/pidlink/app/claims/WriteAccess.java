package org.pidlink.app.claims;

import java.util.Objects;

/**
 * What pidlink may do on one researcher's ORCID record with one ORCID client registration right now.
 * Answered by {@link WriteAccessSource}; decides whether a claim is written or waits.
 */
public sealed interface WriteAccess {

    /**
     * pidlink holds a working write token.
     *
     * @param accessToken the bearer token (never logged)
     * @param autoUpdate  the researcher lets pidlink add works found in DOI metadata without asking
     */
    record Granted(String accessToken, boolean autoUpdate) implements WriteAccess {
        public Granted {
            Objects.requireNonNull(accessToken, "accessToken");
        }

        @Override
        public String toString() {
            return "Granted[autoUpdate=" + autoUpdate + "]";
        }
    }

    /** pidlink has no (sufficient) permission: the researcher has not connected or granted only reading. */
    record Missing(String reason) implements WriteAccess {
    }

    /** The researcher revoked pidlink's permission on ORCID. */
    record Revoked(String reason) implements WriteAccess {
    }
}
