package org.pidlink.emulator.state;

import java.util.List;

/**
 * A registered API client. {@code member} clients may use the member API; {@code premium} ones may also get
 * {@code /webhook} and {@code /premium-notification} tokens. The secret is kept only as a hash.
 */
public record Client(String clientId, String secretHash, String name, List<String> redirectUris, boolean member,
                     boolean premium) {

    public Client {
        redirectUris = List.copyOf(redirectUris);
    }

    public boolean secretMatches(String secret) {
        return secret != null && Hashing.sha256(secret).equals(secretHash);
    }
}
