package org.pidlink.emulator.oauth;

import java.time.Instant;
import org.pidlink.emulator.state.Hashing;

/** A researcher signed in on the emulator's pages; {@code authTime} is when they typed their password. */
public record Session(String idHash, String orcid, String displayName, Instant authTime) {

    /**
     * The token the pages' forms carry so another site cannot post them in this researcher's name: derived from
     * the session id's hash, which never leaves the server.
     */
    public String csrfToken() {
        return Hashing.sha256("csrf:" + idHash);
    }
}
