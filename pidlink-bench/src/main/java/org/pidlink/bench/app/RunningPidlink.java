package org.pidlink.bench.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pidlink.app.PidlinkApplication;
import org.pidlink.app.intake.api.ApiKeys;
import org.pidlink.app.orcid.EmbeddedOrcid;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole pidlink, as {@code ./pidlink serve} runs it (embedded PostgreSQL, embedded ORCID emulator), started
 * in this JVM on free ports with an empty database, for end-to-end benchmarks over real HTTP.
 */
public final class RunningPidlink implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final int port;
    private final String baseUrl;
    private final String apiKey;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private RunningPidlink(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
        this.baseUrl = "http://localhost:" + port;
        this.apiKey = context.getBean(ApiKeys.class).create("bench", "benchmark", "bench").key();
    }

    /**
     * Starts pidlink against an ORCID emulator in another process instead of the embedded one: its two member
     * clients registered there for pidlink's address, webhooks and everything else as with the embedded one.
     */
    public static RunningPidlink startAgainst(EmulatorProcess orcid, Map<String, Object> extra) {
        int port = org.pidlink.app.release.Release.freePort();
        List<String> redirects = List.of("http://localhost:" + port, "http://127.0.0.1:" + port);
        orcid.registerClient(AUTO_UPDATE_CLIENT, AUTO_UPDATE_SECRET, redirects);
        orcid.registerClient(SEARCH_LINK_CLIENT, SEARCH_LINK_SECRET, redirects);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", String.valueOf(port));
        // The emulator preset with ORCID's address given: pidlink talks to that ORCID (no embedded one), with the
        // preset's other defaults (webhooks on, called back at pidlink's local address; a vault key in the data).
        properties.put("pidlink.orcid.oauth-base", orcid.baseUrl());
        properties.put("pidlink.orcid.api-base", orcid.baseUrl());
        properties.put("pidlink.orcid.clients.auto-update.client-id", AUTO_UPDATE_CLIENT);
        properties.put("pidlink.orcid.clients.auto-update.client-secret", AUTO_UPDATE_SECRET);
        properties.put("pidlink.orcid.clients.search-link.client-id", SEARCH_LINK_CLIENT);
        properties.put("pidlink.orcid.clients.search-link.client-secret", SEARCH_LINK_SECRET);
        properties.putAll(extra);
        return start(properties);
    }

    private static final String AUTO_UPDATE_CLIENT = "APP-BENCHAUTOUPDATE0";
    private static final String AUTO_UPDATE_SECRET = "bench-secret-auto-update-0123456789";
    private static final String SEARCH_LINK_CLIENT = "APP-BENCHSEARCHLINK0";
    private static final String SEARCH_LINK_SECRET = "bench-secret-search-link-0123456789";

    /** Starts pidlink with these properties added to the defaults. */
    public static RunningPidlink start(Map<String, Object> extra) {
        // The embedded emulator serves with the JDK's HTTP server, which keeps at most 200 idle connections and
        // closes the others: with thousands of researchers' browsers signing in at once (bench aggregate: 2,500),
        // a browser then sent its next request on a connection the server had just closed, and her sign-in failed.
        // Nor are idle connections closed after 30 s while a researcher's browser waits for her next step. Set
        // before the server's configuration is first read; a value given on the command line wins.
        if (System.getProperty("sun.net.httpserver.maxIdleConnections") == null) {
            System.setProperty("sun.net.httpserver.maxIdleConnections", "100000");
        }
        if (System.getProperty("sun.net.httpserver.idleInterval") == null) {
            System.setProperty("sun.net.httpserver.idleInterval", "600");
        }
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("pidlink-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", "0");
        properties.put("pidlink.orcid.emulator.port", "0");
        // The emulator stands in for ORCID, whose disk is not ours: its journal (one fsync per change, for the
        // demo's sake) would take the machine from pidlink while adding nothing to what is measured.
        properties.put("pidlink.orcid.emulator.durable", "false");
        properties.put("pidlink.data-dir", dataDir.toString());
        properties.put("pidlink.clean", "true");
        properties.put("pidlink.intake.demo-key", "false");
        properties.put("logging.level.root", "warn");
        properties.put("spring.main.banner-mode", "off");
        // Every simulated researcher signs in from 127.0.0.1 and stays signed in.
        properties.put("pidlink.sessions.max-per-address", "1000000");
        properties.put("pidlink.sessions.max-total", "1000000");
        properties.putAll(extra);
        // As command-line arguments: they win over application.yml, as they do for ./pidlink serve.
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new RunningPidlink(new SpringApplicationBuilder(PidlinkApplication.class).run(args));
    }

    /** The HTTP port on localhost. */
    public int port() {
        return port;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** A property of the running pidlink, e.g. {@code pidlink.data-dir}. */
    public String property(String name) {
        return context.getEnvironment().getProperty(name);
    }

    public EmbeddedOrcid orcid() {
        return context.getBean(EmbeddedOrcid.class);
    }

    /** {@code POST /api/v1/dois}; answers the HTTP status and body. */
    public HttpResponse<String> postDois(byte[] body, String contentType) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/dois"))
                .timeout(Duration.ofSeconds(120))
                .header("Content-Type", contentType).header("Authorization", "Bearer " + apiKey)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
