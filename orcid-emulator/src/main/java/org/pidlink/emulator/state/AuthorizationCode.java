package org.pidlink.emulator.state;

import java.time.Instant;
import java.util.Set;

/**
 * A one-time authorization code, as issued by the authorize pages and exchanged at {@code /oauth/token}.
 * {@code authTime} is when the researcher signed in (their session may be hours older than the code): the
 * id_token's {@code auth_time}; a code issued without a sign-in (the control API) has its issue time.
 */
public record AuthorizationCode(String codeHash, String clientId, String orcid, Set<String> scopes,
                                String redirectUri, String nonce, Instant issuedAt, Instant expiresAt,
                                Instant authTime, boolean used) {

    public AuthorizationCode {
        scopes = Set.copyOf(scopes);
        authTime = authTime == null ? issuedAt : authTime;
    }

    public AuthorizationCode markUsed() {
        return new AuthorizationCode(codeHash, clientId, orcid, scopes, redirectUri, nonce, issuedAt, expiresAt,
                authTime, true);
    }
}
