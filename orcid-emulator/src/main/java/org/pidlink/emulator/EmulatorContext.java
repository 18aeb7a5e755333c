package org.pidlink.emulator;

import java.time.Clock;
import java.util.Objects;
import org.pidlink.emulator.state.EmulatorState;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a module gets: the state, the clock, a shared JSON mapper, the settings, the public base URL and hooks
 * into other modules. One per emulator instance.
 */
public final class EmulatorContext {

    private final EmulatorState state;
    private final EmulatorSettings settings;
    private final JsonMapper json;
    private volatile String baseUrl;
    private volatile IdTokenIssuer idTokenIssuer = IdTokenIssuer.NONE;

    EmulatorContext(EmulatorState state, EmulatorSettings settings, JsonMapper json) {
        this.state = state;
        this.settings = settings;
        this.json = json;
    }

    public EmulatorState state() {
        return state;
    }

    public Clock clock() {
        return state.clock();
    }

    public EmulatorSettings settings() {
        return settings;
    }

    public JsonMapper json() {
        return json;
    }

    /** {@code http://127.0.0.1:PORT}, known once the server is bound; ORCID's hosts map onto this one origin. */
    public String baseUrl() {
        return baseUrl;
    }

    void baseUrl(String url) {
        this.baseUrl = url;
    }

    /** Signs id_tokens for {@code openid} code exchanges; the OIDC module installs a real one at registration. */
    public IdTokenIssuer idTokenIssuer() {
        return idTokenIssuer;
    }

    public void idTokenIssuer(IdTokenIssuer issuer) {
        this.idTokenIssuer = Objects.requireNonNull(issuer);
    }
}
