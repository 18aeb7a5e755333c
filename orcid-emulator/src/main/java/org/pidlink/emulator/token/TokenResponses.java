package org.pidlink.emulator.token;

import java.time.Instant;
import org.pidlink.emulator.state.IssuedToken;
import org.pidlink.emulator.state.Researcher;
import org.pidlink.emulator.state.Scopes;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The token endpoint's success body, keys in ORCID's order: access_token, token_type, refresh_token,
 * expires_in, scope, name, orcid[, id_token]. Client-credentials tokens have {@code "orcid":null} and no name.
 */
public final class TokenResponses {

    private TokenResponses() {
    }

    public static ObjectNode body(JsonMapper json, IssuedToken issued, Researcher researcher, String idToken,
                                  Instant now) {
        ObjectNode n = json.createObjectNode();
        n.put("access_token", issued.accessToken());
        n.put("token_type", "bearer");
        n.put("refresh_token", issued.refreshToken());
        n.put("expires_in", Math.max(0, issued.token().expiresAt().getEpochSecond() - now.getEpochSecond()));
        n.put("scope", Scopes.format(issued.token().scopes()));
        if (researcher != null) {
            n.put("name", researcher.displayName());
            n.put("orcid", researcher.orcid());
        } else {
            n.putNull("orcid");
        }
        if (idToken != null) {
            n.put("id_token", idToken);
        }
        return n;
    }
}
