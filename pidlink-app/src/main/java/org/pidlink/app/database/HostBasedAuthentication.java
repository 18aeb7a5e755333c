package org.pidlink.app.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;


/**
 * The embedded cluster's {@code pg_hba.conf}: who may connect, and how. pidlink's own is short: loopback TCP only,
 * every connection with its password (SCRAM); no Unix socket, no {@code trust}.
 */
final class HostBasedAuthentication {

    static final String LOCKED_DOWN = """
            # Written by pidlink: connections over loopback TCP only, each with its password (SCRAM).
            # TYPE  DATABASE  USER  ADDRESS       METHOD
            host    all       all   127.0.0.1/32  scram-sha-256
            host    all       all   ::1/128       scram-sha-256
            """;
    private static final Pattern TRUST = Pattern.compile("(?m)^\\s*[^#\\s].*\\strust(\\s|$)");

    private final Path file;

    HostBasedAuthentication(Path clusterDir) {
        this.file = clusterDir.resolve("pg_hba.conf");
    }

    /** Whether some line lets a connection in without a password: a cluster made by pidlink before it locked down. */
    boolean trustsAnyone() {
        return TRUST.matcher(read()).find();
    }

    boolean isLockedDown() {
        return read().equals(LOCKED_DOWN);
    }

    /** Writes pidlink's rules; a running server reads them at its next reload. */
    void lockDown() {
        try {
            OwnerOnlyFiles.write(file, LOCKED_DOWN); // whole or not at all, should the server reload meanwhile
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private String read() {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
