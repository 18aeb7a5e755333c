package org.pidlink.emulator.control;

import java.util.List;

/** A created client, with its secret (the only time it is shown). */
public record ClientInfo(String clientId, String clientSecret, String name, List<String> redirectUris,
                         boolean member, boolean premium) {
}
