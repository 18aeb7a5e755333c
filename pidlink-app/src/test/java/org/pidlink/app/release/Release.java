package org.pidlink.app.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The release tarball as a user gets it ({@code ./pidlink package}): unpacked into a directory of its own, far from
 * the source tree, and its processes (pidlink, the emulator) started as a user starts them, with their output in a
 * log file each.
 */
public final class Release {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public final Path home;
    private final List<Process> started = new ArrayList<>();

    private Release(Path home) {
        this.home = home;
    }

    /** Unpacks the tarball the build made into {@code directory}. */
    static Release unpack(Path directory) throws IOException, InterruptedException {
        String tarball = System.getProperty("pidlink.dist.tarball");
        assertThat(tarball).as("pidlink.dist.tarball (set by the build: run the *IT tests with Maven's verify)")
                .isNotNull();
        assertThat(Path.of(tarball)).as("the release tarball").isRegularFile();
        return unpack(Path.of(tarball), directory);
    }

    /** Unpacks {@code tarball} (a release, {@code ./pidlink package}) into {@code directory}. */
    public static Release unpack(Path tarball, Path directory) throws IOException, InterruptedException {
        Process tar = new ProcessBuilder("tar", "-xzf", tarball.toString(), "-C", directory.toString()).inheritIO()
                .start();
        if (tar.waitFor() != 0) {
            throw new IOException("tar could not unpack " + tarball);
        }
        try (var entries = Files.list(directory)) {
            return new Release(entries.filter(Files::isDirectory).findFirst().orElseThrow());
        }
    }

    /** Starts {@code ./pidlink ARGS} from the release, with this JVM's Java, its output in {@code log}. */
    public Process launch(Path log, Map<String, String> environment, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("pidlink").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(log.getParent().toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("PIDLINK_JAVA_OPTS", "-Xmx512m -XX:TieredStopAtLevel=1");
        builder.environment().putAll(environment);
        Process process = builder.start();
        started.add(process);
        return process;
    }

    /** Waits until {@code url} answers 200, failing with the process's log when it dies or takes too long. */
    public static void awaitOk(String url, Process process, Path log, Duration patience) throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("the process ended (" + process.exitValue() + ") before " + url
                        + " answered:\n" + tail(log));
            }
            try {
                if (get(url).statusCode() == 200) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError(url + " did not answer 200 within " + patience + ":\n" + tail(log));
    }

    public static HttpResponse<String> get(String url) {
        return send(HTTP, HttpRequest.newBuilder(URI.create(url)));
    }

    public static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops every process this release started: SIGTERM, then SIGKILL after a grace period. */
    public void stopAll() throws InterruptedException {
        for (Process process : started) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        }
        for (Process process : started) {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
