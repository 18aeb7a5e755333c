package org.pidlink.emulator.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The emulator's write-ahead journal beside its state file, so that no change is lost when the emulator's process
 * dies without a clean stop ({@code kill -9}): every change is appended as one JSON line holding the changed entity
 * whole (a client, a researcher's profile, the works one request added or removed, a token, an item of a module's
 * {@link StateSection}), and a request's answer waits until its lines are on disk ({@link #awaitDurable}, group
 * commit: concurrent requests share one {@code fsync}).
 *
 * <p>At start the state file is loaded and the journal replayed over it; then the state is saved whole and the
 * replayed journal deleted ({@link #compact}), as at a clean stop and whenever the journal grows past
 * {@link #COMPACT_AFTER_BYTES}. Replaying is idempotent (every line sets an entity to a value, or removes it), so a
 * crash in the middle of a compaction loses nothing either. A lock file keeps a second emulator off the same files.
 *
 * <p>Lines are written after the change they record is visible, under the lock that orders changes to that entity,
 * so that a line left in a journal about to be deleted is always in the snapshot that replaces it.
 */
public final class StateJournal implements AutoCloseable {

    /** Past this size, the current journal file is folded into the state file. */
    static final long COMPACT_AFTER_BYTES = 64L * 1024 * 1024;
    private static final Logger LOG = Logger.getLogger(StateJournal.class.getName());
    private static final StateJournal NONE = new StateJournal();

    /** One line: its type, the section it belongs to (type "section"), and the value. */
    record Line(String t, String section, Object v) {
    }

    /** A researcher without her works (those are journaled one by one). */
    record Profile(String orcid, String givenNames, String familyName, String creditName, String email,
                   String passwordHash, RecordState state, String primaryOrcid, Visibility defaultVisibility,
                   Instant lastModified) {
    }

    /** What one change of a record's works did: works added or replaced whole, put-codes removed. */
    record Works(String orcid, Instant lastModified, List<StoredWork> put, List<Long> removed) {
    }

    private final Path stateFile;
    private final JsonMapper json;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final ThreadLocal<long[]> lastAppended = ThreadLocal.withInitial(() -> new long[1]);
    private final AtomicBoolean compacting = new AtomicBoolean();
    private final Object compaction = new Object();
    private volatile JournalWriter writer;
    private volatile EmulatorState state;

    private StateJournal() {
        this.stateFile = null;
        this.json = null;
        this.lockChannel = null;
        this.lock = null;
    }

    private StateJournal(Path stateFile, JsonMapper json, FileChannel lockChannel, FileLock lock) {
        this.stateFile = stateFile;
        this.json = json;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** A journal that records nothing: the emulator without a state file. */
    public static StateJournal none() {
        return NONE;
    }

    /**
     * Takes the journal of {@code stateFile} (files {@code stateFile.journal.N} beside it), refusing when another
     * running emulator has it. Nothing is recorded until {@link #start}.
     */
    public static StateJournal open(Path stateFile, JsonMapper json) {
        Path file = stateFile.toAbsolutePath();
        Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
        try {
            Files.createDirectories(file.getParent());
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException inThisProcess) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("another running ORCID emulator uses the state file " + file);
            }
            return new StateJournal(file, json, channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock the emulator's state file " + file, e);
        }
    }

    boolean enabled() {
        return writer != null;
    }

    // ---- recording ---------------------------------------------------------------------------------------------

    void client(Client client) {
        append("client", null, client);
    }

    void researcher(Researcher r) {
        if (enabled()) {
            append("researcher", null, new Profile(r.orcid(), r.givenNames(), r.familyName(), r.creditName(),
                    r.email(), r.passwordHash(), r.state(), r.primaryOrcid(), r.defaultVisibility(), r.lastModified()));
        }
    }

    void works(String orcid, Instant lastModified, RecordWorks.Changes changes) {
        if (enabled() && !changes.isEmpty()) {
            append("works", null, new Works(orcid, lastModified, changes.put(), changes.removed()));
        }
    }

    void token(Token token) {
        append("token", null, token);
    }

    void reset() {
        append("reset", null, null);
    }

    /**
     * Records a change of a module's section: {@code entry} is what {@link StateSection#replay} gets back. Call it
     * after the change is visible and under the lock that orders changes to the same item.
     */
    public void section(String name, Object entry) {
        append("section", name, entry);
    }

    private void append(String type, String section, Object value) {
        JournalWriter w = writer;
        if (w == null) {
            return;
        }
        byte[] line;
        try {
            byte[] body = json.writeValueAsBytes(new Line(type, section, value));
            line = new byte[body.length + 1];
            System.arraycopy(body, 0, line, 0, body.length);
            line[body.length] = '\n';
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot journal a " + type + " change", e);
        }
        lastAppended.get()[0] = w.append(line);
        if (w.currentFileSize() > COMPACT_AFTER_BYTES && compacting.compareAndSet(false, true)) {
            Thread.ofVirtual().name("orcid-emulator-compaction").start(() -> {
                try {
                    compact();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "cannot fold the emulator's journal into " + stateFile, e);
                } finally {
                    compacting.set(false);
                }
            });
        }
    }

    /** Blocks until every change this thread recorded is on disk; the emulator answers a request after this. */
    public void awaitDurable() {
        JournalWriter w = writer;
        if (w == null) {
            return;
        }
        long[] mine = lastAppended.get();
        if (mine[0] > 0) {
            w.awaitDurable(mine[0]);
            mine[0] = 0;
        }
    }

    // ---- start, replay, compaction -----------------------------------------------------------------------------

    /**
     * Replays the journal files left by an emulator that did not stop cleanly onto {@code state} (already loaded
     * from the state file, if any), then starts recording into a new file.
     *
     * @return whether anything was replayed
     */
    public boolean start(EmulatorState loaded) {
        TreeMap<Long, Path> existing = journalFiles();
        for (Path file : existing.values()) {
            replay(file, loaded);
        }
        long next = existing.isEmpty() ? 1 : existing.lastKey() + 1;
        this.state = loaded;
        this.writer = new JournalWriter(this::journalFile, next);
        return !existing.isEmpty();
    }

    /** Saves the state whole to the state file and deletes the journal files it now holds. */
    public void compact() {
        synchronized (compaction) {
            JournalWriter w = writer;
            if (w == null) {
                return;
            }
            long upTo = w.rotate();
            StateFile.save(state, json, stateFile);
            for (Map.Entry<Long, Path> file : journalFiles().entrySet()) {
                if (file.getKey() <= upTo) {
                    try {
                        Files.deleteIfExists(file.getValue());
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot delete " + file.getValue(), e);
                    }
                }
            }
        }
    }

    /** Folds the journal into the state file, stops recording and releases the files. */
    @Override
    public void close() {
        if (this == NONE) {
            return;
        }
        try {
            if (writer != null) {
                compact();
                writer.close();
                writer = null;
                deleteEmptyJournals();
            }
        } finally {
            try {
                lock.release();
                lockChannel.close();
            } catch (IOException e) {
                LOG.log(Level.WARNING, "cannot release the lock of " + stateFile, e);
            }
        }
    }

    private void deleteEmptyJournals() {
        for (Path file : journalFiles().values()) {
            try {
                if (Files.size(file) == 0) {
                    Files.delete(file);
                }
            } catch (IOException e) {
                LOG.log(Level.WARNING, "cannot delete " + file, e);
            }
        }
    }

    private Path journalFile(long number) {
        return stateFile.resolveSibling(stateFile.getFileName() + ".journal." + number);
    }

    private TreeMap<Long, Path> journalFiles() {
        String prefix = stateFile.getFileName() + ".journal.";
        TreeMap<Long, Path> files = new TreeMap<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(stateFile.getParent(), prefix + "*")) {
            for (Path p : dir) {
                String suffix = p.getFileName().toString().substring(prefix.length());
                if (suffix.matches("\\d{1,18}")) {
                    files.put(Long.parseLong(suffix), p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the emulator's journal beside " + stateFile, e);
        }
        return files;
    }

    private void replay(Path file, EmulatorState target) {
        List<String> lines;
        try {
            lines = new ArrayList<>(List.of(Files.readString(file, StandardCharsets.UTF_8).split("\n", -1)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the emulator's journal " + file, e);
        }
        // The text after the last newline is a line the dying process did not finish: it was never acknowledged.
        String unfinished = lines.removeLast();
        if (!unfinished.isEmpty()) {
            LOG.warning(() -> file + " ends in an unfinished line (" + unfinished.length() + " bytes), ignored");
        }
        for (int i = 0; i < lines.size(); i++) {
            try {
                apply(json.readTree(lines.get(i)), target);
            } catch (JacksonException | IllegalArgumentException e) {
                throw new IllegalStateException(file + ", line " + (i + 1) + ": not a journal line the emulator can"
                        + " replay (" + e.getMessage() + ")", e);
            }
        }
    }

    private void apply(JsonNode line, EmulatorState target) {
        JsonNode value = line.path("v");
        switch (line.path("t").asString()) {
            case "client" -> {
                Client c = json.treeToValue(value, Client.class);
                target.clientMap().put(c.clientId(), c);
            }
            case "researcher" -> {
                Profile p = json.treeToValue(value, Profile.class);
                Researcher r = target.researcherMap().computeIfAbsent(p.orcid(), id -> new Researcher(id,
                        p.givenNames(), p.familyName(), p.creditName(), p.email(), p.passwordHash(),
                        p.defaultVisibility(), p.lastModified()));
                r.names(p.givenNames(), p.familyName(), p.creditName());
                r.email(p.email());
                r.passwordHash(p.passwordHash());
                r.state(p.state(), p.primaryOrcid());
                r.defaultVisibility(p.defaultVisibility());
                r.touch(p.lastModified());
            }
            case "works" -> {
                Works w = json.treeToValue(value, Works.class);
                Researcher r = target.researcherMap().get(w.orcid());
                if (r == null) {
                    throw new IllegalArgumentException("works of an unknown researcher " + w.orcid());
                }
                synchronized (r) {
                    RecordWorks works = r.worksForUpdate();
                    w.put().forEach(works::put);
                    w.removed().forEach(works::remove);
                    works.takeChanges();
                }
                r.touch(w.lastModified());
                long highest = w.put().stream().mapToLong(StoredWork::putCode).max().orElse(0);
                target.putCodeCounter().accumulateAndGet(highest, Math::max);
            }
            case "token" -> {
                Token t = json.treeToValue(value, Token.class);
                target.tokenMap().put(t.accessHash(), t);
                target.refreshMap().put(t.refreshHash(), t.accessHash());
            }
            case "reset" -> target.reset();
            case "section" -> {
                StateSection section = target.sectionMap().get(line.path("section").asString());
                if (section == null) {
                    throw new IllegalArgumentException("no state section " + line.path("section"));
                }
                section.replay(value, json);
            }
            default -> throw new IllegalArgumentException("unknown line type " + line.path("t"));
        }
    }
}
