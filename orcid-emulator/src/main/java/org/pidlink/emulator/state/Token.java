package org.pidlink.emulator.state;

import java.time.Instant;
import java.util.Set;

/**
 * An issued access token with its refresh token, both held as hashes. {@code orcid} is null for
 * client-credentials tokens. A token revoked by the researcher ({@link Revocation#BY_RESEARCHER}) still
 * works for DELETE, as on ORCID (orcid-api.md §2.4).
 */
public record Token(String accessHash, String refreshHash, String clientId, String orcid, Set<String> scopes,
                    Instant issuedAt, Instant expiresAt, Revocation revocation, String codeHash, Instant authTime) {

    public enum Revocation { NONE, BY_CLIENT, BY_RESEARCHER, DISABLED }

    public Token {
        scopes = Set.copyOf(scopes);
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public boolean active(Instant now) {
        return revocation == Revocation.NONE && !expiredAt(now);
    }

    public Token revoked(Revocation how) {
        return new Token(accessHash, refreshHash, clientId, orcid, scopes, issuedAt, expiresAt, how, codeHash, authTime);
    }

    public boolean hasScope(String scope) {
        return Scopes.grants(scopes, scope);
    }
}
