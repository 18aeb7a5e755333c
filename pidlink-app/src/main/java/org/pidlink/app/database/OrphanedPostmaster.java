package org.pidlink.app.database;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL left running on pidlink's cluster by a pidlink that died without stopping it ({@code kill -9}, the
 * OOM killer). Its {@code postmaster.pid} keeps any new postmaster from starting on the same data, so it is
 * stopped before the cluster starts again.
 *
 * <p>Whether the pidlink that started it is gone is decided by the lock the embedded PostgreSQL library holds on
 * {@code epg-lock} in the cluster for as long as its process lives: the operating system releases it when that
 * process dies, however it dies. A postmaster whose owner still holds the lock is left alone, with a clear error.
 */
final class OrphanedPostmaster {

    /** The file zonky's EmbeddedPostgres locks for the lifetime of the process that started the cluster. */
    static final String OWNER_LOCK = "epg-lock";
    private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);

    private final Path clusterDir;
    private final Duration timeout;

    OrphanedPostmaster(Path clusterDir, Duration timeout) {
        this.clusterDir = clusterDir;
        this.timeout = timeout;
    }

    /** Stops the postmaster running on the cluster when the pidlink that started it is no longer running. */
    void stopIfOrphaned() {
        Optional<ProcessHandle> postmaster = runningPostmaster();
        if (postmaster.isEmpty()) {
            return;
        }
        Path lockFile = clusterDir.resolve(OWNER_LOCK);
        try (FileOutputStream stream = new FileOutputStream(lockFile.toFile());
             FileLock ownerLock = tryLock(stream)) {
            if (ownerLock == null) {
                throw new IllegalStateException("Another running pidlink uses the data directory "
                        + clusterDir.getParent() + " (its PostgreSQL has process id " + postmaster.get().pid()
                        + "): stop it first, or give this one its own --data-dir");
            }
            log.warn("PostgreSQL (process {}) is still running on {}, left by a pidlink that is no longer running; "
                    + "stopping it", postmaster.get().pid(), clusterDir);
            stop(postmaster.get());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot check who uses " + lockFile, e);
        }
    }

    private static FileLock tryLock(FileOutputStream stream) throws IOException {
        try {
            return stream.getChannel().tryLock();
        } catch (OverlappingFileLockException heldInThisProcess) {
            return null;
        }
    }

    /** The live PostgreSQL named in {@code postmaster.pid}, if that file names one. */
    private Optional<ProcessHandle> runningPostmaster() {
        Path pidFile = clusterDir.resolve("postmaster.pid");
        List<String> lines;
        try {
            lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
        } catch (java.nio.file.NoSuchFileException none) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + pidFile, e);
        }
        if (lines.isEmpty() || !lines.getFirst().strip().matches("\\d+")) {
            return Optional.empty(); // written half-way by a dying postmaster: PostgreSQL replaces it itself
        }
        // A stale file naming a process id that now belongs to something else is PostgreSQL's to judge, not ours.
        return ProcessHandle.of(Long.parseLong(lines.getFirst().strip()))
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> Path.of(c).getFileName().toString().startsWith("postgres"))
                        .orElse(false));
    }

    /**
     * SIGTERM, PostgreSQL's smart shutdown: it waits for sessions to end, and the dead pidlink's sessions ended with
     * its sockets. ({@code pg_ctl} is no help here: it refuses to run as root, where zonky starts PostgreSQL in a user
     * namespace.)
     */
    private void stop(ProcessHandle postmaster) {
        postmaster.destroy();
        try {
            postmaster.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("PostgreSQL (process " + postmaster.pid() + ") left running on "
                    + clusterDir + " did not stop within " + timeout + "; stop it by hand", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping PostgreSQL on " + clusterDir, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot wait for PostgreSQL on " + clusterDir + " to stop", e);
        }
    }
}
