package org.pidlink.emulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.pidlink.emulator.control.ControlRoutes;
import org.pidlink.emulator.control.EmulatorControl;
import org.pidlink.emulator.http.Routes;
import org.pidlink.emulator.state.EmulatorState;
import org.pidlink.emulator.state.StateFile;
import org.pidlink.emulator.state.StateJournal;
import org.pidlink.emulator.traffic.FaultInjector;
import org.pidlink.emulator.traffic.RateLimiter;
import org.pidlink.emulator.traffic.RequestLog;
import org.pidlink.emulator.traffic.TrafficStats;

/**
 * A running ORCID emulator: the JDK HTTP server on virtual threads, one {@link EmulatorState}, the modules'
 * routes. Start with {@link #start(EmulatorSettings)}; close to stop. With a state file, every change is journaled
 * durably beside it before its request is answered ({@link StateJournal}), so the state survives a crash.
 * Everything is per instance, so tests may run several side by side.
 */
public final class OrcidEmulator implements AutoCloseable {

    private final EmulatorSettings settings;
    private final EmulatorState state;
    private final EmulatorContext context;
    private final EmulatorControl control;
    private final Routes routes = new Routes();
    private final HttpServer server;
    private final ExecutorService executor;
    private volatile boolean closed;
    private StateJournal journal = StateJournal.none();
    private final java.util.Map<String, Long> startupMillis = new java.util.LinkedHashMap<>();
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(OrcidEmulator.class.getName());

    private OrcidEmulator(EmulatorSettings settings) throws IOException {
        this.settings = settings;
        this.state = new EmulatorState(settings.clock());
        this.context = new EmulatorContext(state, settings);
        RateLimiter limiter = new RateLimiter(settings.clock(), settings.rateLimit());
        FaultInjector faults = new FaultInjector();
        TrafficStats stats = new TrafficStats();
        RequestLog log = new RequestLog(10_000);
        this.control = new EmulatorControl(state, limiter, faults, stats, log);

        for (EmulatorModule m : EmulatorModules.all()) {
            long t0 = System.nanoTime();
            m.register(routes, context);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            if (ms > 20) {
                LOG.fine(() -> m.getClass().getSimpleName() + " took " + ms + " ms to register");
            }
            startupMillis.put(m.getClass().getSimpleName(), ms);
        }
        if (settings.controlApi()) {
            new ControlRoutes(control).register(routes, context);
        }
        // Bound before the state file is taken, so that a taken port leaves the state file free for a retry.
        this.server = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 1024);
        // After the modules: they add their own parts of the state (inbox, webhooks) to what the file holds.
        boolean loaded = false;
        if (settings.stateFile() != null) {
            journal = StateJournal.open(settings.stateFile(), context.json());
            try {
                if (Files.exists(settings.stateFile())) {
                    StateFile.load(state, context.json(), settings.stateFile());
                    loaded = true;
                }
                // What a crashed emulator changed after its last save, then recording from here on.
                loaded |= journal.start(state);
                state.journal(journal);
            } catch (RuntimeException e) {
                journal.close();
                server.stop(0);
                throw e;
            }
        }
        if (settings.seedDefaults() && !loaded) {
            DefaultSeed.apply(control);
        }
        journal.compact();
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", new RequestDispatcher(routes, state, limiter, faults, stats, log));
        server.start();
        String named = settings.publicHost() != null && !settings.publicHost().isBlank() ? settings.publicHost()
                : settings.host();
        String host = named.contains(":") ? "[" + named + "]" : named;
        context.baseUrl("http://" + host + ":" + server.getAddress().getPort());
    }

    /** Starts an emulator; it is serving when this returns. */
    public static OrcidEmulator start(EmulatorSettings settings) {
        try {
            return new OrcidEmulator(settings);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the ORCID emulator on " + settings.host() + ":"
                    + settings.port() + ": " + e.getMessage(), e);
        }
    }

    /** A test emulator: free port on loopback, ORCID's rate limit, control API off, empty state. */
    public static OrcidEmulator start() {
        return start(EmulatorSettings.builder().build());
    }

    /** {@code http://127.0.0.1:PORT}: the OAuth host, the member API ({@code /v3.0}) and the control API. */
    public String baseUrl() {
        return context.baseUrl();
    }

    /** The member API base, {@code baseUrl()/v3.0}. */
    public String apiUrl() {
        return baseUrl() + "/v3.0";
    }

    /** The public API base, {@code baseUrl()/pub/v3.0}: read-only, anonymous or {@code /read-public}. */
    public String publicApiUrl() {
        return baseUrl() + "/pub/v3.0";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** How long each module took to register at start, in milliseconds (to keep start-up fast). */
    public java.util.Map<String, Long> startupMillis() {
        return java.util.Collections.unmodifiableMap(startupMillis);
    }

    public EmulatorControl control() {
        return control;
    }

    public EmulatorState state() {
        return state;
    }

    public EmulatorContext context() {
        return context;
    }

    public EmulatorSettings settings() {
        return settings;
    }

    /**
     * Saves the state whole to the state file now, folding in the journal (also done at start and at close). Between
     * saves, every change is in the journal beside the state file before its request is answered, so a crash loses
     * nothing.
     */
    public void save() {
        journal.compact();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.stop(0);
        executor.shutdownNow();
        context.closeResources();
        journal.close();
    }
}
