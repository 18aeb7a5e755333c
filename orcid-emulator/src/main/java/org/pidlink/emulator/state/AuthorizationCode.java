package org.pidlink.emulator.state;

import java.time.Instant;
import java.util.Set;

/** A one-time authorization code, as issued by the authorize pages and exchanged at {@code /oauth/token}. */
public record AuthorizationCode(String codeHash, String clientId, String orcid, Set<String> scopes,
                                String redirectUri, String nonce, Instant issuedAt, Instant expiresAt,
                                boolean used) {

    public AuthorizationCode {
        scopes = Set.copyOf(scopes);
    }

    public AuthorizationCode markUsed() {
        return new AuthorizationCode(codeHash, clientId, orcid, scopes, redirectUri, nonce, issuedAt, expiresAt, true);
    }
}
