package org.pidlink.bench.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.pidlink.app.release.Release;
import org.pidlink.core.identifiers.OrcidId;
import org.pidlink.emulator.OrcidEmulatorMain;
import org.pidlink.emulator.control.ResearcherSpec;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ORCID emulator in a JVM of its own ({@code ./pidlink emulator}, from this benchmark's class path), for
 * benchmarks at DataCite's scale: a million works held by the emulator would otherwise share the heap with pidlink,
 * and pidlink's own heap could not be measured. At ORCID's limits (24 requests/s, burst 40), as started; driven
 * through its control API over HTTP.
 */
public final class EmulatorProcess implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Process process;
    private final Path log;
    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private EmulatorProcess(Process process, Path log, String baseUrl) {
        this.process = process;
        this.log = log;
        this.baseUrl = baseUrl;
    }

    /** Starts the emulator with at most {@code heap} (a JVM size, e.g. {@code 12g}) and waits until it answers. */
    public static EmulatorProcess start(String heap, Path directory) throws IOException, InterruptedException {
        int port = Release.freePort();
        Path log = directory.resolve("emulator.log");
        String java = ProcessHandle.current().info().command().orElse("java");
        // The heap at its full size from the start: the parallel collector then gives the old generation two thirds
        // of it at once. Grown on demand, it sized the old generation at 3.1 GB when a million works needed more and
        // collected it without pause (the full-scale run of session 5 stalled at ~640,000 works).
        List<String> command = new ArrayList<>(List.of(java, "-Xms" + heap, "-Xmx" + heap, "-XX:+UseParallelGC",
                // Thousands of simulated browsers keep connections open (see RunningPidlink).
                "-Dsun.net.httpserver.maxIdleConnections=100000", "-Dsun.net.httpserver.idleInterval=600",
                "-cp", System.getProperty("java.class.path"), OrcidEmulatorMain.class.getName(),
                "--port", String.valueOf(port)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        EmulatorProcess emulator = new EmulatorProcess(process, log, "http://127.0.0.1:" + port);
        Release.awaitOk(emulator.baseUrl + "/_emulator/rate-limit", process, log, Duration.ofMinutes(1));
        return emulator;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** The emulator process's id, for sampling its memory. */
    public long pid() {
        return process.pid();
    }

    /** Registers a member client (premium: it may send inbox notifications) that may send people to these URLs. */
    public void registerClient(String clientId, String secret, List<String> redirectUris) {
        send("POST", "/_emulator/clients", Map.of("clientId", clientId, "clientSecret", secret, "name",
                "pidlink " + clientId, "redirectUris", redirectUris, "member", true, "premium", true));
    }

    public OrcidId createResearcher(ResearcherSpec spec) {
        return new OrcidId(send("POST", "/_emulator/researchers", spec).get("orcid").asString());
    }

    /** The works on a record, every source's: {@code putCode}, {@code sourceClientId}, {@code externalIds}, ... */
    public JsonNode works(String orcid) {
        return send("GET", "/_emulator/researchers/" + orcid + "/works", null);
    }

    /** Works refused so far because a record held ORCID's 10,000 (409/9048). */
    public long worksRefusedByTheCap() {
        return send("GET", "/_emulator/work-limit", null).get("refusedWorks").asLong();
    }

    private JsonNode send(String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofMinutes(2)).header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /** Where its output goes (kept after the run, for a failure's post-mortem). */
    public Path log() {
        return log;
    }
}
