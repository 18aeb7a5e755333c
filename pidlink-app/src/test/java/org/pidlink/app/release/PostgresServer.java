package org.pidlink.app.release;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server process from the machine's own binaries (Debian's {@code postgresql} package:
 * {@code /usr/lib/postgresql/N/bin}), in a directory of its own, listening on 127.0.0.1 only. PostgreSQL refuses to
 * run as root, so as root it runs as the {@code postgres} user the package creates.
 */
public final class PostgresServer implements AutoCloseable {

    public final int port;
    public final String password;
    private final Path bin;
    private final Path directory;
    private final List<String> asServerUser;

    private PostgresServer(Path bin, Path directory, int port, String password, List<String> asServerUser) {
        this.bin = bin;
        this.directory = directory;
        this.port = port;
        this.password = password;
        this.asServerUser = asServerUser;
    }

    /** The newest installed server's bin directory, when there is one. */
    public static Optional<Path> binaries() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl"))
                            && Files.isExecutable(b.resolve("postgres")))
                    .max(Comparator.comparing(b -> version(b.getParent())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int version(Path directory) {
        try {
            return Integer.parseInt(directory.getFileName().toString().replaceAll("\\D.*", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Initializes a cluster, starts it, and creates the role and database {@code pidlink} (password auth). */
    public static PostgresServer start(Path bin, int port) throws IOException, InterruptedException {
        boolean root = "root".equals(System.getProperty("user.name"));
        List<String> asServerUser = root ? List.of("runuser", "-u", "postgres", "--") : List.of();
        Path directory = Files.createTempDirectory(Path.of("/tmp"), "pidlink-it-postgres-");
        if (root) {
            UserPrincipal postgres = directory.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName("postgres");
            Files.setOwner(directory, postgres);
        }
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        String password = "it-" + Long.toHexString(Double.doubleToLongBits(Math.random()));
        PostgresServer server = new PostgresServer(bin, directory, port, password, asServerUser);
        server.run(List.of(bin.resolve("initdb").toString(), "-D", directory.resolve("data").toString(), "-U",
                "postgres", "-E", "UTF8", "--auth-local=trust", "--auth-host=scram-sha-256", "--no-sync"));
        // fsync off: this is a test's throw-away cluster on a shared machine, not pidlink's production setting.
        server.run(List.of(bin.resolve("pg_ctl").toString(), "-D", directory.resolve("data").toString(), "-l",
                directory.resolve("postgres.log").toString(), "-w", "-t", "60", "-o",
                "-p " + port + " -k " + directory + " -c listen_addresses=127.0.0.1 -c fsync=off", "start"));
        server.run(List.of(bin.resolve("psql").toString(), "-h", directory.toString(), "-p", String.valueOf(port),
                "-U", "postgres", "-d", "postgres", "-v", "ON_ERROR_STOP=1",
                "-c", "CREATE ROLE pidlink LOGIN PASSWORD '" + password + "'",
                "-c", "CREATE DATABASE pidlink OWNER pidlink"));
        return server;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/pidlink";
    }

    public String log() {
        try {
            return Files.readString(directory.resolve("postgres.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no server log: " + e + ")";
        }
    }

    private void run(List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(asServerUser);
        full.addAll(command);
        Process process = new ProcessBuilder(full).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", full) + " failed:\n" + output + "\n" + log());
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", directory.resolve("data").toString(), "-m",
                    "immediate", "-w", "stop"));
        } finally {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
