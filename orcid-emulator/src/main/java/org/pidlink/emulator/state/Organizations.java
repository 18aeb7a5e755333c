package org.pidlink.emulator.state;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The emulator's stand-in for ORCID's disambiguated-organization table (orcid-api.md §11.3: matching is exact on
 * (identifier, source)). It starts with a small fixture of real organizations (those of ORCID's own samples and
 * independent tests, and some well-known ROR ids; {@code organizations.tsv}) and takes more through the control API.
 * Thread-safe.
 */
public final class Organizations {

    private final Map<String, KnownOrganization> byKey = new LinkedHashMap<>();
    private final List<KnownOrganization> added = new ArrayList<>();

    Organizations() {
        reset();
    }

    /** The fixture table, read once per JVM: it never changes. */
    private static final class Fixture {
        static final List<KnownOrganization> ROWS = load();

        private static List<KnownOrganization> load() {
            List<KnownOrganization> rows = new ArrayList<>();
            try (InputStream in = Organizations.class.getResourceAsStream("organizations.tsv")) {
                if (in == null) {
                    throw new IllegalStateException("missing resource organizations.tsv");
                }
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    String[] f = line.split("\t", -1);
                    rows.add(new KnownOrganization(f[0], f[1], f[2], empty(f[3]), empty(f[4]), empty(f[5])));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return List.copyOf(rows);
        }

        private static String empty(String s) {
            return s.isEmpty() ? null : s;
        }
    }

    public synchronized Optional<KnownOrganization> find(String source, String identifier) {
        return Optional.ofNullable(byKey.get(key(source, identifier)));
    }

    /** Adds (or replaces) a row; it lasts until a reset and is saved in the state file. */
    public synchronized void add(KnownOrganization org) {
        byKey.put(key(org.source(), org.identifier()), org);
        added.removeIf(o -> o.source().equals(org.source()) && o.identifier().equals(org.identifier()));
        added.add(org);
    }

    public synchronized List<KnownOrganization> all() {
        return List.copyOf(byKey.values());
    }

    /** The rows added beyond the fixture (what the state file keeps). */
    public synchronized List<KnownOrganization> added() {
        return List.copyOf(added);
    }

    /** Back to the fixture table. */
    public synchronized void reset() {
        byKey.clear();
        added.clear();
        for (KnownOrganization o : Fixture.ROWS) {
            byKey.put(key(o.source(), o.identifier()), o);
        }
    }

    private static String key(String source, String identifier) {
        return source + '\u0000' + identifier;
    }
}
