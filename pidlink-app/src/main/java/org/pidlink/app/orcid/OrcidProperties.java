package org.pidlink.app.orcid;

import java.net.URI;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How pidlink reaches ORCID ({@code pidlink.orcid.*}).
 *
 * @param preset    {@code emulator} (default: an embedded emulator with demo researchers), {@code sandbox} or
 *                  {@code production}
 * @param oauthBase overrides the preset's OAuth/OIDC host (the OIDC issuer), e.g. {@code https://sandbox.orcid.org}
 * @param apiBase   overrides the preset's member API host, without version
 * @param clients   ORCID client credentials by pidlink registration id: {@code auto-update} and {@code search-link};
 *                  with only one configured, both registrations use it
 * @param emulator  where the embedded emulator listens (emulator preset only)
 */
@ConfigurationProperties("pidlink.orcid")
public record OrcidProperties(OrcidPreset preset, URI oauthBase, URI apiBase, Map<String, Credentials> clients,
                              Emulator emulator) {

    public OrcidProperties {
        preset = preset == null ? OrcidPreset.EMULATOR : preset;
        clients = clients == null ? Map.of() : Map.copyOf(clients);
        emulator = emulator == null ? new Emulator(null, null, null) : emulator;
    }

    /** An ORCID member client's id and secret; {@link #toString()} never shows the secret. */
    public record Credentials(String clientId, String clientSecret) {

        public boolean isComplete() {
            return clientId != null && !clientId.isBlank() && clientSecret != null && !clientSecret.isBlank();
        }

        @Override
        public String toString() {
            return "Credentials[clientId=" + clientId + ", clientSecret=[redacted]]";
        }
    }

    /**
     * @param host the emulator's host name; {@code 127.0.0.1} by default, a different host from pidlink's
     *             {@code localhost} so that the browser keeps the two sites' cookies apart
     * @param port its port; 8089 by default, 0 for any free port (tests), and a free one when 8089 is taken
     * @param durable whether its records are kept in the data directory, every change on disk before it is answered
     *                (true by default, so that the demo's ORCID records survive a restart or a crash); the
     *                benchmarks turn it off, as the ORCID they stand in for keeps its disk to itself
     */
    public record Emulator(String host, Integer port, Boolean durable) {

        public Emulator {
            host = host == null || host.isBlank() ? "127.0.0.1" : host;
            port = port == null ? 8089 : port;
            durable = durable == null || durable;
        }
    }
}
