package org.pidlink.emulator.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Saves the state to a JSON file and loads it back (clients, researchers with their works and affiliations, tokens,
 * organizations added to the fixture table; secrets as
 * hashes; and the modules' {@link StateSection}s, e.g. inbox notifications and webhooks, under
 * {@code sections}). Authorization codes are not saved: they are short-lived by design. Writes go through a temporary
 * file (flushed to disk) and an atomic move, so a crash never leaves half a file. Changes made after a save are in
 * the {@link StateJournal}.
 */
public final class StateFile {

    /** The file's shape. */
    record Snapshot(int version, long lastPutCode, List<Client> clients, List<SavedResearcher> researchers,
                    List<Token> tokens, Map<String, JsonNode> sections, List<KnownOrganization> organizations) {
    }

    /** {@code affiliations} is null in files written before affiliations existed. */
    record SavedResearcher(String orcid, String givenNames, String familyName, String creditName, String email,
                           String passwordHash, RecordState state, String primaryOrcid, Visibility defaultVisibility,
                           Instant lastModified, List<StoredWork> works, List<StoredAffiliation> affiliations) {
    }

    private StateFile() {
    }

    public static void save(EmulatorState state, JsonMapper json, Path file) {
        List<SavedResearcher> rs = new ArrayList<>();
        for (Researcher r : state.researcherMap().values()) {
            rs.add(new SavedResearcher(r.orcid(), r.givenNames(), r.familyName(), r.creditName(), r.email(),
                    r.passwordHash(), r.state(), r.primaryOrcid(), r.defaultVisibility(), r.lastModified(), r.works(),
                    r.affiliations()));
        }
        Map<String, JsonNode> sections = new TreeMap<>();
        state.sectionMap().forEach((name, section) -> sections.put(name, json.valueToTree(section.snapshot())));
        Snapshot s = new Snapshot(1, state.putCodeCounter().get(), List.copyOf(state.clientMap().values()), rs,
                List.copyOf(state.tokenMap().values()), sections, state.organizations().added());
        try {
            Path abs = file.toAbsolutePath();
            if (abs.getParent() != null) {
                Files.createDirectories(abs.getParent());
            }
            Path tmp = abs.resolveSibling(abs.getFileName() + ".tmp");
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = ByteBuffer.wrap(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(s));
                while (bytes.hasRemaining()) {
                    out.write(bytes);
                }
                out.force(true);
            }
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            forceDirectory(abs.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save emulator state to " + file, e);
        }
    }

    /** Makes a rename in {@code dir} durable (the journal it replaces is deleted next). */
    private static void forceDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException notOnThisSystem) {
            // Windows cannot open a directory; its rename is as durable as it gets.
        }
    }

    public static void load(EmulatorState state, JsonMapper json, Path file) {
        Snapshot s;
        try {
            s = json.readValue(Files.readAllBytes(file), Snapshot.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read emulator state from " + file, e);
        }
        if (s.version() != 1) {
            throw new IllegalArgumentException(file + ": unsupported state file version " + s.version());
        }
        state.reset();
        s.clients().forEach(c -> state.clientMap().put(c.clientId(), c));
        for (SavedResearcher sr : s.researchers()) {
            Researcher r = new Researcher(sr.orcid(), sr.givenNames(), sr.familyName(), sr.creditName(), sr.email(),
                    sr.passwordHash(), sr.defaultVisibility(), sr.lastModified());
            r.state(sr.state(), sr.primaryOrcid());
            synchronized (r) {
                RecordWorks works = r.worksForUpdate();
                sr.works().forEach(works::put);
                works.takeChanges(); // loaded, not changed: nothing for the journal
                if (sr.affiliations() != null) {
                    sr.affiliations().forEach(a -> r.affiliationsForUpdate().put(a));
                }
            }
            state.researcherMap().put(r.orcid(), r);
        }
        for (Token t : s.tokens()) {
            state.tokenMap().put(t.accessHash(), t);
            state.refreshMap().put(t.refreshHash(), t.accessHash());
        }
        if (s.organizations() != null) {
            s.organizations().forEach(state.organizations()::add);
        }
        state.putCodeCounter().set(Math.max(state.putCodeCounter().get(), s.lastPutCode()));
        // Files written before sections existed have none; a section nobody registers now is ignored.
        Map<String, JsonNode> saved = s.sections() == null ? Map.of() : s.sections();
        state.sectionMap().forEach((name, section) -> {
            JsonNode node = saved.get(name);
            if (node != null && !node.isNull()) {
                section.restore(node, json);
            }
        });
    }
}
