package org.pidlink.app.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After {@code kill -9} of pidlink, the embedded PostgreSQL it started keeps running on the data directory; the
 * next pidlink on the same directory must still start (issue 17, finding 1).
 */
class RestartAfterCrashTest {

    @TempDir
    Path dataDir;

    private long orphan;

    @AfterEach
    void stopWhatATestLeftRunning() {
        ProcessHandle.of(orphan).ifPresent(ProcessHandle::destroy);
    }

    @Test
    void startsAgainOnTheDataOfAPidlinkKilledWithSigkill() throws Exception {
        Process owner = startOwner();
        owner.destroyForcibly(); // SIGKILL: no shutdown hook, no close()
        assertThat(owner.waitFor(30, TimeUnit.SECONDS)).isTrue();

        orphan = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).getFirst().trim());
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive))
                .as("the dead pidlink's postmaster is still running").contains(true);

        EmbeddedPostgresConfiguration configuration = new EmbeddedPostgresConfiguration();
        try (EmbeddedDatabase restarted = configuration.embeddedDatabase(
                new EmbeddedPostgresProperties(dataDir, false))) {
            DataSource dataSource = configuration.dataSource(restarted);
            try (Connection c = dataSource.getConnection(); ResultSet rs = c.createStatement().executeQuery("select 1")) {
                assertThat(rs.next()).isTrue();
            } finally {
                ((AutoCloseable) dataSource).close();
            }
        }
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
    }

    private Process startOwner() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                CrashingOwner.class.getName(), dataDir.toString()))
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.contains(CrashingOwner.READY)) {
                return process;
            }
        }
        throw new AssertionError("the owner process ended before its PostgreSQL was ready (exit "
                + process.waitFor() + ")");
    }

    @Test
    void leavesThePostgresOfARunningPidlinkAloneAndSaysWhy() throws Exception {
        EmbeddedPostgresConfiguration configuration = new EmbeddedPostgresConfiguration();
        EmbeddedPostgresProperties properties = new EmbeddedPostgresProperties(dataDir, false);
        try (EmbeddedDatabase running = configuration.embeddedDatabase(properties)) {
            assertThatThrownBy(() -> configuration.embeddedDatabase(properties))
                    .hasMessageContaining("Another running pidlink uses the data directory " + dataDir);
            try (Connection c = running.superuser()) {
                assertThat(c.isValid(1)).isTrue();
            }
        }
    }
}
