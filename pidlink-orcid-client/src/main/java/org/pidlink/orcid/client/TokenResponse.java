package org.pidlink.orcid.client;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.pidlink.core.identifiers.OrcidId;

/**
 * A successful answer of ORCID's token endpoint. {@link #toString()} never shows a token: tokens must not reach logs.
 *
 * @param accessToken  the bearer token
 * @param tokenType    {@code bearer}
 * @param refreshToken the refresh token, or null when ORCID sent none
 * @param scope        the granted scopes, space separated as ORCID sends them ({@code /activities/update /read-limited})
 * @param expiresIn    lifetime from now (ORCID: about 20 years, 631138518 s)
 * @param orcid        the researcher's iD; null for client-credentials tokens
 * @param name         the researcher's display name, or null
 * @param idToken      the OpenID Connect id_token (a JWT) when {@code openid} was granted, or null
 */
public record TokenResponse(String accessToken, String tokenType, String refreshToken, String scope, Duration expiresIn,
                            OrcidId orcid, String name, String idToken) {

    public Set<String> scopes() {
        if (scope == null || scope.isBlank()) {
            return Set.of();
        }
        return new LinkedHashSet<>(Arrays.asList(scope.strip().split("\\s+")));
    }

    public boolean hasScope(String wanted) {
        return scopes().contains(wanted);
    }

    public Optional<OrcidId> orcidIfAny() {
        return Optional.ofNullable(orcid);
    }

    @Override
    public String toString() {
        return "TokenResponse[accessToken=[redacted], tokenType=" + tokenType + ", refreshToken="
                + (refreshToken == null ? "null" : "[redacted]") + ", scope=" + scope + ", expiresIn=" + expiresIn
                + ", orcid=" + orcid + ", name=" + name + ", idToken=" + (idToken == null ? "null" : "[redacted]") + "]";
    }
}
