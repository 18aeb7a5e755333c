package org.pidlink.emulator;

import java.time.Instant;
import org.pidlink.emulator.state.Researcher;

/**
 * Makes the RS256 id_token that the token endpoint appends when an {@code openid} code is exchanged.
 * Installed by the OIDC module through {@link EmulatorContext#idTokenIssuer(IdTokenIssuer)}.
 */
@FunctionalInterface
public interface IdTokenIssuer {

    /** No OIDC module: no id_token. */
    IdTokenIssuer NONE = (clientId, researcher, nonce, authTime) -> null;

    /** The compact JWT, or null to send none. */
    String issue(String clientId, Researcher researcher, String nonce, Instant authTime);
}
