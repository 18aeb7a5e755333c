package org.pidlink.app.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.pidlink.core.identifiers.OrcidId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code orcid_permission} table: ORCID tokens per iD and registration, sealed by {@link TokenCipher}.
 * Plaintext tokens exist only in memory, in {@link GrantedTokens} and {@link WritePermission}.
 */
@Repository
class TokenVault {

    private static final Logger log = LoggerFactory.getLogger(TokenVault.class);
    private static final String VIEW_COLUMNS = "orcid, registration_id, researcher_id, client_id, name, scope, "
            + "expires_at, status, status_reason, granted_at, updated_at, refreshed_at";

    private final JdbcClient jdbc;
    private final TokenCipher cipher;

    public TokenVault(JdbcClient jdbc, TokenCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /**
     * Stores a researcher's tokens for a registration. Refuses ({@link PermissionHeldElsewhereException}) when
     * another account holds an active permission for the iD: one writer per iD.
     */
    void store(long researcherId, OrcidId orcid, String registrationId, String clientId, String name,
               GrantedTokens tokens) {
        int stored = jdbc.sql("""
                        INSERT INTO orcid_permission (orcid, registration_id, researcher_id, client_id, name, scope,
                            access_token, refresh_token, key_id, expires_at, status, status_reason)
                        VALUES (:orcid, :registration, :researcher, :client, :name, :scope, :access, :refresh, :key,
                            :expires, 'ACTIVE', NULL)
                        ON CONFLICT (orcid, registration_id) DO UPDATE SET researcher_id = excluded.researcher_id,
                            client_id = excluded.client_id, name = excluded.name, scope = excluded.scope,
                            access_token = excluded.access_token, refresh_token = excluded.refresh_token,
                            key_id = excluded.key_id, expires_at = excluded.expires_at, status = 'ACTIVE',
                            status_reason = NULL, granted_at = now(), updated_at = now(), refreshed_at = NULL
                        WHERE orcid_permission.researcher_id = excluded.researcher_id
                           OR orcid_permission.status <> 'ACTIVE'""")
                .param("orcid", orcid.value()).param("registration", registrationId).param("researcher", researcherId)
                .param("client", clientId).param("name", name).param("scope", tokens.scope())
                .param("access", cipher.seal(tokens.accessToken(), context(orcid, registrationId, "access")))
                .param("refresh", tokens.refreshToken() == null ? null
                        : cipher.seal(tokens.refreshToken(), context(orcid, registrationId, "refresh")))
                .param("key", cipher.primaryKeyId())
                .param("expires", tokens.expiresAt() == null ? null : Timestamp.from(tokens.expiresAt()))
                .update();
        if (stored == 0) {
            throw new PermissionHeldElsewhereException(orcid, registrationId);
        }
    }

    /** Replaces the tokens of an existing permission (after a refresh), keeping its holder and status. */
    void replaceTokens(OrcidId orcid, String registrationId, GrantedTokens tokens) {
        jdbc.sql("""
                        UPDATE orcid_permission SET access_token = :access, refresh_token = :refresh, key_id = :key,
                            scope = :scope, expires_at = :expires, updated_at = now(), refreshed_at = now()
                        WHERE orcid = :orcid AND registration_id = :registration""")
                .param("orcid", orcid.value()).param("registration", registrationId)
                .param("access", cipher.seal(tokens.accessToken(), context(orcid, registrationId, "access")))
                .param("refresh", tokens.refreshToken() == null ? null
                        : cipher.seal(tokens.refreshToken(), context(orcid, registrationId, "refresh")))
                .param("key", cipher.primaryKeyId()).param("scope", tokens.scope())
                .param("expires", tokens.expiresAt() == null ? null : Timestamp.from(tokens.expiresAt()))
                .update();
    }

    /** The permission as people may see it, without tokens. */
    public Optional<StoredPermission> find(OrcidId orcid, String registrationId) {
        return jdbc.sql("SELECT " + VIEW_COLUMNS + " FROM orcid_permission WHERE orcid = :orcid AND registration_id = :r")
                .param("orcid", orcid.value()).param("r", registrationId).query(TokenVault::view).optional();
    }

    /** Which of these iDs hold a stored permission for the registration (one query, however many iDs). */
    public Set<OrcidId> holding(Collection<OrcidId> orcids, String registrationId) {
        if (orcids.isEmpty()) {
            return Set.of();
        }
        return jdbc.sql("SELECT orcid FROM orcid_permission WHERE registration_id = :r AND orcid = ANY(:orcids)")
                .param("r", registrationId).param("orcids", orcids.stream().map(OrcidId::value).toArray(String[]::new))
                .query((rs, n) -> new OrcidId(rs.getString("orcid"))).set();
    }

    /** The permission's tokens, decrypted. */
    Optional<GrantedTokens> open(OrcidId orcid, String registrationId) {
        return jdbc.sql("""
                        SELECT access_token, refresh_token, scope, expires_at FROM orcid_permission
                        WHERE orcid = :orcid AND registration_id = :r""")
                .param("orcid", orcid.value()).param("r", registrationId)
                .query((rs, row) -> new GrantedTokens(
                        cipher.open(rs.getBytes("access_token"), context(orcid, registrationId, "access")),
                        rs.getBytes("refresh_token") == null ? null
                                : cipher.open(rs.getBytes("refresh_token"), context(orcid, registrationId, "refresh")),
                        rs.getString("scope"), Researchers.instant(rs, "expires_at")))
                .optional();
    }

    public List<StoredPermission> ofResearcher(long researcherId) {
        return jdbc.sql("SELECT " + VIEW_COLUMNS + " FROM orcid_permission WHERE researcher_id = :id ORDER BY registration_id")
                .param("id", researcherId).query(TokenVault::view).list();
    }

    /** Every permission, for administrators: who holds write permission for which iD. */
    public List<StoredPermission> all() {
        return jdbc.sql("SELECT " + VIEW_COLUMNS + " FROM orcid_permission ORDER BY orcid, registration_id")
                .query(TokenVault::view).list();
    }

    /** Marks an active permission revoked; answers whether it was active. */
    boolean markRevoked(OrcidId orcid, String registrationId, String reason) {
        return jdbc.sql("""
                        UPDATE orcid_permission SET status = 'REVOKED', status_reason = :reason, updated_at = now()
                        WHERE orcid = :orcid AND registration_id = :r AND status = 'ACTIVE'""")
                .param("orcid", orcid.value()).param("r", registrationId).param("reason", reason).update() > 0;
    }

    /** Erases a permission and its tokens. */
    void delete(OrcidId orcid, String registrationId) {
        jdbc.sql("DELETE FROM orcid_permission WHERE orcid = :orcid AND registration_id = :r")
                .param("orcid", orcid.value()).param("r", registrationId).update();
    }

    /**
     * Re-encrypts every token sealed by a key other than the primary (after a key rotation). Each row is
     * rewritten only if nobody changed it meanwhile, so this is safe while pidlink runs on several instances.
     *
     * @return how many permissions were re-encrypted
     */
    public int reencrypt() {
        List<OrcidAndRegistration> stale = jdbc.sql(
                        "SELECT orcid, registration_id, key_id FROM orcid_permission WHERE key_id <> :primary")
                .param("primary", cipher.primaryKeyId())
                .query((rs, row) -> new OrcidAndRegistration(new OrcidId(rs.getString("orcid")),
                        rs.getString("registration_id"), rs.getLong("key_id")))
                .list();
        int done = 0;
        for (OrcidAndRegistration row : stale) {
            Optional<GrantedTokens> tokens;
            try {
                tokens = open(row.orcid(), row.registrationId());
            } catch (VaultException e) {
                // The keyset lost the key: this researcher must reconnect; the others are still re-encrypted.
                log.error("Cannot re-encrypt the ORCID token {} of {}: {}", row.registrationId(), row.orcid(),
                        e.getMessage());
                continue;
            }
            if (tokens.isEmpty()) {
                continue;
            }
            GrantedTokens t = tokens.get();
            done += jdbc.sql("""
                            UPDATE orcid_permission SET access_token = :access, refresh_token = :refresh, key_id = :key
                            WHERE orcid = :orcid AND registration_id = :r AND key_id = :oldKey""")
                    .param("orcid", row.orcid().value()).param("r", row.registrationId())
                    .param("access", cipher.seal(t.accessToken(), context(row.orcid(), row.registrationId(), "access")))
                    .param("refresh", t.refreshToken() == null ? null
                            : cipher.seal(t.refreshToken(), context(row.orcid(), row.registrationId(), "refresh")))
                    .param("key", cipher.primaryKeyId()).param("oldKey", row.keyId())
                    .update();
        }
        if (done > 0) {
            log.info("Re-encrypted the ORCID tokens of {} permissions with key {}", done, cipher.primaryKeyId());
        }
        return done;
    }

    private record OrcidAndRegistration(OrcidId orcid, String registrationId, long keyId) {
    }

    /** Binds a ciphertext to its row and column, so that it does not open anywhere else. */
    private static String context(OrcidId orcid, String registrationId, String column) {
        return "pidlink-orcid-token/v1/" + orcid.value() + "/" + registrationId + "/" + column;
    }

    private static StoredPermission view(ResultSet rs, int row) throws SQLException {
        return new StoredPermission(new OrcidId(rs.getString("orcid")), rs.getString("registration_id"),
                rs.getLong("researcher_id"), rs.getString("client_id"), rs.getString("name"), rs.getString("scope"),
                Researchers.instant(rs, "expires_at"), PermissionStatus.valueOf(rs.getString("status")),
                rs.getString("status_reason"), Researchers.instant(rs, "granted_at"),
                Researchers.instant(rs, "updated_at"), Researchers.instant(rs, "refreshed_at"));
    }
}
