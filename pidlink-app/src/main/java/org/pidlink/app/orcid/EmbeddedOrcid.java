package org.pidlink.app.orcid;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.pidlink.app.orcid.DemoResearchers.DemoResearcher;
import org.pidlink.app.orcid.OrcidProperties.Credentials;
import org.pidlink.emulator.EmulatorSettings;
import org.pidlink.emulator.OrcidEmulator;
import org.pidlink.emulator.control.ClientSpec;
import org.pidlink.emulator.control.ResearcherSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ORCID emulator running inside pidlink (preset {@code emulator}): pidlink's two ORCID clients and the demo
 * researchers. Its state (researchers, works, tokens) is kept in the data directory, each change journaled before it
 * is answered, so that permissions granted and works written before a restart, or a crash, are still there after
 * it. Client secrets are new at every start.
 */
public final class EmbeddedOrcid implements AutoCloseable {

    static final String AUTO_UPDATE_CLIENT = "APP-PIDLINKAUTOUPDTE";
    static final String SEARCH_LINK_CLIENT = "APP-PIDLINKSEARCHLNK";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedOrcid.class);

    private final OrcidEmulator emulator;
    private final Credentials autoUpdate;
    private final Credentials searchLink;
    private final List<String> redirectUris = new ArrayList<>();

    private EmbeddedOrcid(OrcidEmulator emulator) {
        this.emulator = emulator;
        this.autoUpdate = new Credentials(AUTO_UPDATE_CLIENT, UUID.randomUUID().toString());
        this.searchLink = new Credentials(SEARCH_LINK_CLIENT, UUID.randomUUID().toString());
        redirectUris.addAll(List.of("http://localhost", "http://127.0.0.1"));
        registerClients();
        for (DemoResearcher r : DemoResearchers.all()) {
            if (emulator.state().researcher(r.orcid().value()).isEmpty()) {
                emulator.control().createResearcher(new ResearcherSpec(r.givenNames(), r.familyName(), r.email(),
                        DemoResearchers.PASSWORD, null, r.orcid().value(), "public"));
            }
        }
    }

    /**
     * Starts the emulator on {@code host:port}, or on a free port when that one is taken (or {@code port} is 0).
     *
     * @param stateFile where the emulator keeps its state across restarts, or null for none
     */
    static EmbeddedOrcid start(String host, int port, Path stateFile) {
        OrcidEmulator emulator;
        try {
            emulator = OrcidEmulator.start(settings(host, port, stateFile));
        } catch (RuntimeException taken) {
            if (port == 0) {
                throw taken;
            }
            log.warn("Port {} is taken ({}); starting the ORCID emulator on a free port", port, taken.getMessage());
            emulator = OrcidEmulator.start(settings(host, 0, stateFile));
        }
        return new EmbeddedOrcid(emulator);
    }

    private static EmulatorSettings settings(String host, int port, Path stateFile) {
        return EmulatorSettings.builder().host(host).port(port).controlApi(true).seedDefaults(false)
                .stateFile(stateFile).build();
    }

    /** Lets ORCID send researchers back to pidlink at {@code baseUrl} (known once pidlink's web server runs). */
    synchronized void allowRedirectsTo(String baseUrl) {
        if (!redirectUris.contains(baseUrl)) {
            redirectUris.add(baseUrl);
            registerClients();
        }
    }

    private synchronized void registerClients() {
        emulator.control().createClient(new ClientSpec(autoUpdate.clientId(), autoUpdate.clientSecret(),
                "pidlink auto-update (local)", List.copyOf(redirectUris), true, true));
        emulator.control().createClient(new ClientSpec(searchLink.clientId(), searchLink.clientSecret(),
                "pidlink search & link (local)", List.copyOf(redirectUris), true, true));
    }

    void logDemoCredentials() {
        StringBuilder s = new StringBuilder("ORCID emulator running at ").append(emulator.baseUrl())
                .append(". Demo researchers sign in there with e-mail and password '").append(DemoResearchers.PASSWORD)
                .append("':");
        for (DemoResearcher r : DemoResearchers.all()) {
            s.append("\n    ").append(r.email()).append("  ").append(r.name()).append("  ").append(r.orcid());
        }
        log.info("{}", s);
    }

    /** The running emulator, for tests and demos (its control API adds researchers, revokes tokens, injects faults). */
    public OrcidEmulator emulator() {
        return emulator;
    }

    OrcidConnection connection() {
        URI base = URI.create(emulator.baseUrl());
        return new OrcidConnection(OrcidPreset.EMULATOR, base, base, autoUpdate, searchLink);
    }

    @Override
    public void close() {
        emulator.close();
    }
}
