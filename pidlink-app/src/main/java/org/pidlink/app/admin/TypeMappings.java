package org.pidlink.app.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import org.pidlink.core.types.TypeMapping;
import org.pidlink.core.types.TypeMappingCsvException;
import org.pidlink.core.types.TypeMappingCsvException.LineError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ORCID work type mapping in force: the CSV administrators last uploaded (kept in PostgreSQL), or pidlink's
 * defaults. Thread-safe.
 *
 * <p>{@link #current()} is on intake's path for every DOI, so the parsed mapping is kept in memory. Instances
 * share one database, so the cache is keyed by the row's version number: an instance rereads that number (one
 * primary-key read) at most every {@link TypeMappingProperties#recheckEvery()}, and the CSV (parsed again) only
 * when the number moved. An upload is therefore in force at once on the instance that took it and within the
 * recheck interval on the others, at the cost of one tiny query per interval, whatever the intake rate. A plain
 * TTL on the parsed mapping would reparse the whole CSV every interval; asking the database at every call would
 * put a query on every DOI.
 */
public class TypeMappings {

    private static final Logger log = LoggerFactory.getLogger(TypeMappings.class);
    private static final String DEFAULTS_RESOURCE = "/org/pidlink/core/types/default-type-mapping.csv";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final long recheckNanos;
    private final String defaultsCsv;
    /** Held while the database is read, so that a burst of callers after the interval costs one query. */
    private final ReentrantLock refreshing = new ReentrantLock();
    private volatile Cached cached;

    public TypeMappings(DataSource dataSource, Clock clock, TypeMappingProperties properties) {
        this.jdbc = JdbcClient.create(dataSource);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.recheckNanos = properties.recheckEvery().toNanos();
        this.defaultsCsv = readDefaultsCsv();
    }

    private record Cached(StoredTypeMapping stored, long checkedAtNanos) {
    }

    /** The mapping to use now. */
    public TypeMapping current() {
        return stored().mapping();
    }

    /** The mapping to use now, with its CSV and who put it in place. */
    public StoredTypeMapping stored() {
        Cached seen = cached;
        if (seen != null && System.nanoTime() - seen.checkedAtNanos() < recheckNanos) {
            return seen.stored();
        }
        refreshing.lock();
        try {
            Cached now = cached;
            if (now != seen && now != null && System.nanoTime() - now.checkedAtNanos() < recheckNanos) {
                return now.stored();
            }
            long version = jdbc.sql("SELECT version FROM type_mapping").query(Long.class).optional().orElse(0L);
            StoredTypeMapping stored = now != null && now.stored().version() == version ? now.stored() : load();
            cached = new Cached(stored, System.nanoTime());
            return stored;
        } finally {
            refreshing.unlock();
        }
    }

    /**
     * Replaces the whole mapping with an uploaded CSV (UTF-8), only when every line of it is valid.
     *
     * @throws TypeMappingCsvException naming every bad line; the mapping in force is then unchanged
     */
    public StoredTypeMapping replace(byte[] csv, String replacedBy) {
        String text = utf8(csv);
        TypeMapping.parseCsv(new StringReader(text));
        return write(text, replacedBy);
    }

    /** Puts pidlink's built-in mapping back in force. */
    public StoredTypeMapping resetToDefaults(String resetBy) {
        return write(null, resetBy);
    }

    private StoredTypeMapping write(String csv, String by) {
        Objects.requireNonNull(by, "by");
        Instant at = clock.instant();
        long version = jdbc.sql("""
                        INSERT INTO type_mapping (id, version, csv, replaced_by, replaced_at)
                        VALUES (1, 1, :csv, :by, :at)
                        ON CONFLICT (id) DO UPDATE SET version = type_mapping.version + 1, csv = EXCLUDED.csv,
                            replaced_by = EXCLUDED.replaced_by, replaced_at = EXCLUDED.replaced_at
                        RETURNING version""")
                .param("csv", csv).param("by", by).param("at", Timestamp.from(at)).query(Long.class).single();
        StoredTypeMapping stored = toStored(version, csv, by, at);
        log.info("Type mapping {} by {} (version {}, {} rows)", csv == null ? "reset to the defaults" : "replaced",
                by, version, stored.mapping().rows().size());
        refreshing.lock();
        try {
            // A concurrent refresh may already hold a later version (written by another instance): keep that one.
            if (cached == null || cached.stored().version() < version) {
                cached = new Cached(stored, System.nanoTime());
            }
        } finally {
            refreshing.unlock();
        }
        return stored;
    }

    private StoredTypeMapping load() {
        return jdbc.sql("SELECT version, csv, replaced_by, replaced_at FROM type_mapping")
                .query(this::toStored).optional()
                .orElseGet(() -> new StoredTypeMapping(0, TypeMapping.defaults(), defaultsCsv, true, null, null,
                        List.of()));
    }

    private StoredTypeMapping toStored(ResultSet rs, int row) throws SQLException {
        return toStored(rs.getLong("version"), rs.getString("csv"), rs.getString("replaced_by"),
                rs.getTimestamp("replaced_at").toInstant());
    }

    private StoredTypeMapping toStored(long version, String csv, String by, Instant at) {
        if (csv == null) {
            return new StoredTypeMapping(version, TypeMapping.defaults(), defaultsCsv, true, by, at, List.of());
        }
        try {
            return new StoredTypeMapping(version, TypeMapping.parseCsv(new StringReader(csv)), csv, false, by, at,
                    List.of());
        } catch (TypeMappingCsvException e) {
            // Accepted when uploaded, refused by this pidlink (ORCID's type list changed): writing works with the
            // defaults beats stopping intake; the admin page shows why until a corrected file is uploaded.
            log.error("The stored type mapping (version {}) is no longer valid; using the defaults. {}", version,
                    e.getMessage());
            return new StoredTypeMapping(version, TypeMapping.defaults(), csv, true, by, at, e.errors());
        }
    }

    /** Decodes strictly: a file in another encoding is refused with the line of its first foreign byte. */
    static String utf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new TypeMappingCsvException(List.of(new LineError(line, null,
                    "the file is not UTF-8 text (byte " + (in.position() + 1)
                            + "); save it as \"CSV UTF-8\" and upload it again")));
        }
        decoder.flush(out);
        String text = out.flip().toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static String readDefaultsCsv() {
        try (InputStream in = TypeMapping.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
            return in == null ? TypeMapping.defaults().toCsv() : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
