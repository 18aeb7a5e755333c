package org.pidlink.app.accounts;

import java.time.Instant;
import java.util.Objects;

/**
 * Tokens ORCID issued for a researcher, in memory only. {@link #toString()} never shows them.
 *
 * @param accessToken  the bearer token
 * @param refreshToken the refresh token, or null
 * @param scope        the granted scopes as ORCID wrote them ({@code /activities/update /read-limited})
 * @param expiresAt    when the access token expires, or null when ORCID did not say
 */
record GrantedTokens(String accessToken, String refreshToken, String scope, Instant expiresAt) {

    public GrantedTokens {
        Objects.requireNonNull(accessToken, "accessToken");
        scope = scope == null ? "" : scope;
    }

    @Override
    public String toString() {
        return "GrantedTokens[accessToken=[redacted], refreshToken=" + (refreshToken == null ? "null" : "[redacted]")
                + ", scope=" + scope + ", expiresAt=" + expiresAt + "]";
    }
}
