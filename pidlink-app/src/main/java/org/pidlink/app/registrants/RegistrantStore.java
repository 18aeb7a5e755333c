package org.pidlink.app.registrants;

import java.net.URI;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.pidlink.app.accounts.SecretSealer;
import org.pidlink.app.intake.DoiOwners;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Registrants, their prefixes, webhook secret (sealed) and API key, and how far their claim scan got. */
final class RegistrantStore {

    private static final String COLUMNS = """
            r.id, r.name, r.kind, r.datacite_client_id, r.webhook_url, r.api_key_id, r.created_by, r.created_at,
            ARRAY(SELECT p.prefix FROM registrant_prefix p WHERE p.registrant_id = r.id ORDER BY p.prefix) AS prefixes""";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final SecretSealer sealer;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    RegistrantStore(JdbcClient jdbc, TransactionTemplate tx, SecretSealer sealer, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.sealer = sealer;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What an administrator typed was refused; the message says why. */
    static final class RefusedException extends RuntimeException {
        RefusedException(String message) {
            super(message);
        }
    }

    /** The registrant as created, with its webhook secret shown once (null without a webhook). */
    record Created(Registrant registrant, @Nullable String webhookSecret) {
        @Override
        public String toString() {
            return "Created[" + registrant.name() + ", secret=[redacted]]";
        }
    }

    Created create(String name, RegistrantKind kind, @Nullable String dataciteClientId, String prefixes,
                   @Nullable String webhookUrl, String createdBy) {
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty()) {
            throw new RefusedException("Name the registrant (the data centre or publisher).");
        }
        List<String> valid = parsePrefixes(prefixes);
        String url = validWebhookUrl(webhookUrl);
        String secret = url == null ? null : newSecret();
        try {
            Long id = tx.execute(status -> {
                long created = jdbc.sql("""
                                INSERT INTO registrant (name, kind, datacite_client_id, webhook_url, webhook_secret,
                                                        webhook_key_id, created_by, created_at)
                                VALUES (:name, :kind, :client, :url, :secret, :keyId, :by, :at) RETURNING id""")
                        .param("name", cleanName).param("kind", kind.name())
                        .param("client", blankToNull(dataciteClientId)).param("url", url)
                        .param("secret", secret == null ? null : sealer.seal(secret, context(cleanName)))
                        .param("keyId", secret == null ? null : sealer.primaryKeyId())
                        .param("by", createdBy).param("at", Timestamp.from(clock.instant()))
                        .query(Long.class).single();
                addPrefixes(created, valid);
                return created;
            });
            return new Created(find(Objects.requireNonNull(id)).orElseThrow(), secret);
        } catch (DuplicateKeyException e) {
            throw new RefusedException("A registrant named '" + cleanName + "' exists already.");
        }
    }

    /** Adds prefixes to a registrant; a prefix of another registrant is refused (each DOI has one registrant). */
    void addPrefixes(long id, List<String> prefixes) {
        for (String prefix : prefixes) {
            Optional<String> holder = jdbc.sql("""
                            SELECT r.name FROM registrant_prefix p JOIN registrant r ON r.id = p.registrant_id
                            WHERE p.prefix = :prefix AND p.registrant_id <> :id""")
                    .param("prefix", prefix).param("id", id).query(String.class).optional();
            if (holder.isPresent()) {
                throw new RefusedException("The prefix " + prefix + " belongs to " + holder.get() + " already.");
            }
            jdbc.sql("INSERT INTO registrant_prefix (prefix, registrant_id) VALUES (:prefix, :id) ON CONFLICT DO NOTHING")
                    .param("prefix", prefix).param("id", id).update();
        }
    }

    boolean removePrefix(long id, String prefix) {
        return jdbc.sql("DELETE FROM registrant_prefix WHERE registrant_id = :id AND prefix = :prefix")
                .param("id", id).param("prefix", prefix == null ? "" : prefix.strip()).update() == 1;
    }

    /** A new webhook URL and secret (the secret shown once); a blank URL turns the webhook off. */
    @Nullable String setWebhook(long id, @Nullable String webhookUrl) {
        Registrant registrant = find(id).orElseThrow(() -> new RefusedException("There is no registrant " + id + "."));
        String url = validWebhookUrl(webhookUrl);
        String secret = url == null ? null : newSecret();
        jdbc.sql("""
                        UPDATE registrant SET webhook_url = :url, webhook_secret = :secret, webhook_key_id = :keyId
                        WHERE id = :id""")
                .param("url", url).param("secret", secret == null ? null : sealer.seal(secret, context(registrant.name())))
                .param("keyId", secret == null ? null : sealer.primaryKeyId()).param("id", id).update();
        return secret;
    }

    /** The webhook's URL and secret, opened in memory to sign a delivery. */
    Optional<Webhook> webhook(long id) {
        return jdbc.sql("SELECT name, webhook_url, webhook_secret FROM registrant WHERE id = :id AND webhook_url IS NOT NULL")
                .param("id", id)
                .query((rs, n) -> new Webhook(URI.create(rs.getString("webhook_url")),
                        sealer.open(rs.getBytes("webhook_secret"), context(rs.getString("name")))))
                .optional();
    }

    record Webhook(URI url, String secret) {
        @Override
        public String toString() {
            return "Webhook[" + url + ", secret=[redacted]]";
        }
    }

    void setApiKey(long id, @Nullable Long keyId) {
        jdbc.sql("UPDATE registrant SET api_key_id = :key WHERE id = :id").param("key", keyId).param("id", id).update();
    }

    Optional<Registrant> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM registrant r WHERE r.id = :id").param("id", id)
                .query((rs, n) -> map(rs)).optional();
    }

    /** The registrant whose API key made a request: the key's source names it. */
    Optional<Registrant> byKeySource(String source) {
        if (source == null || !source.startsWith("registrant-")) {
            return Optional.empty();
        }
        try {
            return find(Long.parseLong(source.substring("registrant-".length())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    List<Registrant> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM registrant r ORDER BY r.name").query((rs, n) -> map(rs)).list();
    }

    /** Where the scan of a registrant's claims got to. */
    record Checkpoint(Instant updatedAt, long id) {
    }

    Checkpoint checkpoint(long id) {
        return jdbc.sql("SELECT scanned_until, scanned_id FROM registrant WHERE id = :id").param("id", id)
                .query((rs, n) -> new Checkpoint(rs.getTimestamp(1).toInstant(), rs.getLong(2))).single();
    }

    void advance(long id, Checkpoint to) {
        jdbc.sql("UPDATE registrant SET scanned_until = :at, scanned_id = :claim WHERE id = :id")
                .param("at", Timestamp.from(to.updatedAt())).param("claim", to.id()).param("id", id).update();
    }

    /** Prefixes as typed ("10.5072, 10.1234" or one a line), each checked. */
    static List<String> parsePrefixes(@Nullable String input) {
        Set<String> prefixes = new LinkedHashSet<>();
        for (String part : (input == null ? "" : input).split("[,;\\s]+")) {
            if (!part.isBlank()) {
                try {
                    prefixes.add(DoiOwners.validPrefix(part));
                } catch (IllegalArgumentException e) {
                    throw new RefusedException(e.getMessage() + ".");
                }
            }
        }
        if (prefixes.isEmpty()) {
            throw new RefusedException("Give the DOI prefixes the registrant owns (e.g. 10.5072).");
        }
        return new ArrayList<>(prefixes);
    }

    private static @Nullable String validWebhookUrl(@Nullable String input) {
        String url = blankToNull(input);
        if (url == null) {
            return null;
        }
        try {
            URI uri = URI.create(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
                throw new IllegalArgumentException();
            }
            return uri.toString();
        } catch (IllegalArgumentException e) {
            throw new RefusedException("'" + url + "' is not a web address pidlink can POST to (https://…).");
        }
    }

    private String newSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return "whsec_" + HexFormat.of().formatHex(bytes);
    }

    private static String context(String registrantName) {
        return "registrant-webhook:" + registrantName;
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Registrant map(ResultSet rs) throws SQLException {
        Array prefixes = rs.getArray("prefixes");
        long key = rs.getLong("api_key_id");
        Long apiKeyId = rs.wasNull() ? null : key;
        return new Registrant(rs.getLong("id"), rs.getString("name"), RegistrantKind.valueOf(rs.getString("kind")),
                rs.getString("datacite_client_id"), Arrays.asList((String[]) prefixes.getArray()),
                rs.getString("webhook_url"), apiKeyId, rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant());
    }
}
