package org.pidlink.emulator.control;

import java.util.List;

/** {@code POST /_emulator/clients} body. Null clientId/clientSecret get generated values. */
public record ClientSpec(String clientId, String clientSecret, String name, List<String> redirectUris,
                         boolean member, boolean premium) {

    /** A member client with premium scopes. */
    public static ClientSpec member(String name, String... redirectUris) {
        return new ClientSpec(null, null, name, List.of(redirectUris), true, true);
    }

    /** A public-API client (no member API). */
    public static ClientSpec publicClient(String name, String... redirectUris) {
        return new ClientSpec(null, null, name, List.of(redirectUris), false, false);
    }
}
