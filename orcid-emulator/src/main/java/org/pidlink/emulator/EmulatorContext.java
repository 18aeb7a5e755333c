package org.pidlink.emulator;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.pidlink.emulator.http.Json;
import org.pidlink.emulator.state.EmulatorState;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a module gets: the state, the clock, a shared JSON mapper, the settings, the public base URL and hooks
 * into other modules. One per emulator instance.
 */
public final class EmulatorContext {

    private final EmulatorState state;
    private final EmulatorSettings settings;
    private volatile String baseUrl;
    private volatile IdTokenIssuer idTokenIssuer = IdTokenIssuer.NONE;
    private final Map<Class<?>, Object> shared = new ConcurrentHashMap<>();
    private final List<AutoCloseable> closeables = new ArrayList<>();

    EmulatorContext(EmulatorState state, EmulatorSettings settings) {
        this.state = state;
        this.settings = settings;
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

    /** The JVM-wide mapper ({@link Json}), built on the first call: keep {@code ctx::json}, call it when needed. */
    public JsonMapper json() {
        return Json.mapper();
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

    /**
     * The one instance of {@code type} for this emulator, created on first use: how modules share a service
     * (the sign-in sessions, the inbox) without static state or knowing each other's registration order.
     */
    public <T> T shared(Class<T> type, Supplier<? extends T> create) {
        return type.cast(shared.computeIfAbsent(type, t -> Objects.requireNonNull(create.get())));
    }

    /** Closed when the emulator stops, in reverse order of registration (e.g. a module's executor). */
    public synchronized void onClose(AutoCloseable resource) {
        closeables.add(Objects.requireNonNull(resource));
    }

    synchronized void closeResources() {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            try {
                closeables.get(i).close();
            } catch (Exception e) {
                Logger.getLogger(EmulatorContext.class.getName()).log(Level.WARNING, "closing " + closeables.get(i), e);
            }
        }
        closeables.clear();
    }
}
