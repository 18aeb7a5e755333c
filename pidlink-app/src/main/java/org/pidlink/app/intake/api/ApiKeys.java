package org.pidlink.app.intake.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * API keys of metadata sources. Administrators create one per source; the key is shown once and only its
 * SHA-256 is stored (a key is 256 random bits, so a fast hash is as good as a slow one). Thread-safe.
 */
public final class ApiKeys {

    static final String PREFIX = "pidlink_";
    /** Accepted keys are remembered this long, so that a burst of requests costs one lookup. */
    private static final Duration CACHE_FOR = Duration.ofSeconds(10);
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Cached> accepted = new ConcurrentHashMap<>();

    public ApiKeys(DataSource dataSource, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Who called: the key's id and the source it was created for. */
    public record ApiClient(long keyId, String source, Set<ApiPermission> permissions) {
        public ApiClient {
            permissions = Set.copyOf(permissions);
        }
    }

    /**
     * A key just created; {@link #key()} is its only appearance in plaintext.
     */
    public record CreatedKey(long id, String source, String label, String key) {

        @Override
        public String toString() {
            return "CreatedKey[id=" + id + ", source=" + source + ", key=[redacted]]";
        }
    }

    /** A key as administrators see it: never the key itself. */
    public record ApiKeyView(long id, String source, String label, String prefix, String createdBy, Instant createdAt,
                             Instant lastUsedAt, Instant revokedAt, Set<ApiPermission> permissions) {

        /** "dois, affiliations": what the key may do, for the admin page. */
        public String permissionNames() {
            return ApiPermission.format(permissions).replace(",", ", ");
        }

        public boolean active() {
            return revokedAt == null;
        }
    }

    /** The name of the source behind a key, as DOIs are owned and reported: {@code api:<source>}. */
    public static String owner(String source) {
        return "api:" + source;
    }

    /** A key by its id, revoked or not. */
    public Optional<ApiKeyView> find(long id) {
        return jdbc.sql("""
                SELECT id, source, label, key_prefix, created_by, created_at, last_used_at, revoked_at, permissions
                FROM api_key WHERE id = :id""").param("id", id).query((rs, n) -> view(rs)).optional();
    }

    /** A key that may send DOI metadata. */
    public CreatedKey create(String source, String label, String createdBy) {
        return create(source, label, createdBy, EnumSet.of(ApiPermission.DOIS));
    }

    public CreatedKey create(String source, String label, String createdBy, Set<ApiPermission> permissions) {
        if (permissions.isEmpty()) {
            throw new IllegalArgumentException("a key needs at least one permission");
        }
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("a key needs the name of the source that uses it");
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        long id = jdbc.sql("""
                        INSERT INTO api_key (source, label, key_prefix, key_hash, created_by, created_at, permissions)
                        VALUES (:source, :label, :prefix, :hash, :by, :at, :permissions) RETURNING id""")
                .param("permissions", ApiPermission.format(permissions))
                .param("source", source.strip()).param("label", label == null || label.isBlank() ? null : label.strip())
                .param("prefix", key.substring(0, PREFIX.length() + 6)).param("hash", hash(key))
                .param("by", createdBy).param("at", Timestamp.from(clock.instant()))
                .query(Long.class).single();
        return new CreatedKey(id, source.strip(), label, key);
    }

    /** The client a presented key belongs to, when it is a key pidlink issued and has not revoked. */
    public Optional<ApiClient> authenticate(String presented) {
        if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 200) {
            return Optional.empty();
        }
        String hash = hash(presented);
        Instant now = clock.instant();
        Cached cached = accepted.get(hash);
        if (cached != null && cached.until().isAfter(now)) {
            return Optional.of(cached.client());
        }
        Optional<ApiClient> client = jdbc.sql("""
                        SELECT id, source, last_used_at, permissions FROM api_key WHERE key_hash = :hash AND revoked_at IS NULL""")
                .param("hash", hash).query((rs, n) -> {
                    Timestamp lastUsed = rs.getTimestamp("last_used_at");
                    long id = rs.getLong("id");
                    if (lastUsed == null || lastUsed.toInstant().plus(TOUCH_EVERY).isBefore(now)) {
                        touch(id, now);
                    }
                    return new ApiClient(id, rs.getString("source"), ApiPermission.parse(rs.getString("permissions")));
                }).optional();
        client.ifPresentOrElse(c -> accepted.put(hash, new Cached(c, now.plus(CACHE_FOR))), () -> accepted.remove(hash));
        return client;
    }

    /** Revokes a key; answers false when there is no such active key. */
    public boolean revoke(long id) {
        boolean revoked = jdbc.sql("UPDATE api_key SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL")
                .param("at", Timestamp.from(clock.instant())).param("id", id).update() == 1;
        accepted.clear();
        return revoked;
    }

    /** Revokes every active key of a source (the demo key of an earlier start). */
    int revokeSource(String source) {
        int revoked = jdbc.sql("UPDATE api_key SET revoked_at = :at WHERE source = :source AND revoked_at IS NULL")
                .param("at", Timestamp.from(clock.instant())).param("source", source).update();
        accepted.clear();
        return revoked;
    }

    public List<ApiKeyView> all() {
        return jdbc.sql("""
                SELECT id, source, label, key_prefix, created_by, created_at, last_used_at, revoked_at, permissions FROM api_key
                ORDER BY revoked_at IS NOT NULL, source, id""").query((rs, n) -> view(rs)).list();
    }

    private void touch(long id, Instant now) {
        jdbc.sql("UPDATE api_key SET last_used_at = :at WHERE id = :id").param("at", Timestamp.from(now))
                .param("id", id).update();
    }

    private static ApiKeyView view(ResultSet rs) throws SQLException {
        return new ApiKeyView(rs.getLong("id"), rs.getString("source"), rs.getString("label"),
                rs.getString("key_prefix"), rs.getString("created_by"), instant(rs, "created_at"),
                instant(rs, "last_used_at"), instant(rs, "revoked_at"), ApiPermission.parse(rs.getString("permissions")));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private record Cached(ApiClient client, Instant until) {
    }
}
