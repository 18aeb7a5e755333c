package org.pidlink.app.orcid;

import java.net.URI;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
    /** The data directory's file that remembers the port the emulator got when its default was taken. */
    static final String PORT_FILE = "orcid-emulator-port";
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
     * Starts the emulator on {@code port}; when that one is taken, on the port it had at the last start with this data
     * directory (remembered in {@value #PORT_FILE}), or on a free port that is remembered for the next start, so that
     * its address (the researchers' record links, a browser's bookmarks) stays the same across restarts.
     *
     * @param bind       the address it listens on ({@code 127.0.0.1}, or {@code 0.0.0.0} for other machines)
     * @param publicHost the host name in its URLs
     * @param port       its port; 0 for any free port (tests), nothing remembered
     * @param dataDir    where its state and its remembered port are kept across restarts
     * @param durable    whether its state is kept in {@code dataDir} at all (false: in memory only)
     */
    static EmbeddedOrcid start(String bind, String publicHost, int port, Path dataDir, boolean durable) {
        Path stateFile = durable ? dataDir.resolve("orcid-emulator-state.json") : null;
        Path portFile = dataDir.resolve(PORT_FILE);
        if (port == 0) {
            return new EmbeddedOrcid(OrcidEmulator.start(settings(bind, publicHost, 0, stateFile)));
        }
        List<Integer> candidates = new ArrayList<>(List.of(port));
        remembered(portFile).filter(p -> p != port).ifPresent(candidates::add);
        for (int candidate : candidates) {
            try {
                OrcidEmulator emulator = OrcidEmulator.start(settings(bind, publicHost, candidate, stateFile));
                if (candidate != port) {
                    log.warn("Port {} is taken; the ORCID emulator listens on port {}, as at the last start with "
                            + "this data directory", port, candidate);
                }
                return new EmbeddedOrcid(emulator);
            } catch (RuntimeException taken) {
                log.debug("The ORCID emulator cannot listen on port {}: {}", candidate, taken.getMessage());
            }
        }
        OrcidEmulator emulator = OrcidEmulator.start(settings(bind, publicHost, 0, stateFile));
        int chosen = URI.create(emulator.baseUrl()).getPort();
        remember(portFile, chosen);
        log.warn("Port {} is taken; the ORCID emulator listens on port {} instead, and will again at the next start "
                + "with this data directory ({}); set pidlink.orcid.emulator.port to choose another", port, chosen,
                portFile);
        return new EmbeddedOrcid(emulator);
    }

    private static Optional<Integer> remembered(Path portFile) {
        try {
            return Files.exists(portFile) ? Optional.of(Integer.parseInt(Files.readString(portFile).strip()))
                    : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            log.warn("Ignoring {}: {}", portFile, e.getMessage());
            return Optional.empty();
        }
    }

    private static void remember(Path portFile, int port) {
        try {
            Files.createDirectories(portFile.toAbsolutePath().getParent());
            Files.writeString(portFile, port + "\n");
        } catch (IOException e) {
            log.warn("Could not remember the ORCID emulator's port in {}: {}", portFile, e.getMessage());
        }
    }

    private static EmulatorSettings settings(String bind, String publicHost, int port, Path stateFile) {
        return EmulatorSettings.builder().host(bind).publicHost(publicHost).port(port).controlApi(true)
                .seedDefaults(false).stateFile(stateFile).build();
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
