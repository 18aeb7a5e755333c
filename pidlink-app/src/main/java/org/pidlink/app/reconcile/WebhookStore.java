package org.pidlink.app.reconcile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;

import org.pidlink.app.accounts.SecretSealer;
import org.pidlink.core.identifiers.OrcidId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The researchers' webhooks: the callback secret only as its SHA-256 (to recognize a callback), the callback URL
 * (to unregister) sealed with the token vault's key, bound to the researcher's iD.
 */
@Repository
class WebhookStore {

    /** A researcher's webhook: the registration whose ORCID client registered it, and its callback URL. */
    record StoredWebhook(OrcidId orcid, String registrationId, String callback) {
        @Override
        public String toString() {
            // The callback URL carries the secret: it must not reach logs.
            return "StoredWebhook[orcid=" + orcid + ", registrationId=" + registrationId + ", callback=[redacted]]";
        }
    }

    private final JdbcClient jdbc;
    private final SecretSealer cipher;

    WebhookStore(JdbcClient jdbc, SecretSealer cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** Keeps the researcher's webhook (replacing one she had), not yet registered with ORCID. */
    void save(OrcidId orcid, String registrationId, String secret, String callback) {
        jdbc.sql("""
                INSERT INTO orcid_webhook (orcid, registration_id, token_hash, callback, key_id, created_at)
                VALUES (:orcid, :reg, :hash, :callback, :key, now())
                ON CONFLICT (orcid) DO UPDATE SET registration_id = EXCLUDED.registration_id,
                    token_hash = EXCLUDED.token_hash, callback = EXCLUDED.callback, key_id = EXCLUDED.key_id,
                    registered_at = NULL, created_at = EXCLUDED.created_at""")
                .param("orcid", orcid.value()).param("reg", registrationId).param("hash", hash(secret))
                .param("callback", cipher.seal(callback, context(orcid))).param("key", cipher.primaryKeyId()).update();
    }

    void registered(OrcidId orcid) {
        jdbc.sql("UPDATE orcid_webhook SET registered_at = now() WHERE orcid = :orcid")
                .param("orcid", orcid.value()).update();
    }

    Optional<StoredWebhook> find(OrcidId orcid) {
        return jdbc.sql("SELECT registration_id, callback FROM orcid_webhook WHERE orcid = :orcid")
                .param("orcid", orcid.value())
                .query((rs, n) -> new StoredWebhook(orcid, rs.getString(1), cipher.open(rs.getBytes(2), context(orcid))))
                .optional();
    }

    /** Whose webhook a callback secret belongs to. */
    Optional<OrcidId> ownerOf(String secret) {
        return jdbc.sql("SELECT orcid FROM orcid_webhook WHERE token_hash = :hash").param("hash", hash(secret))
                .query((rs, n) -> new OrcidId(rs.getString(1))).optional();
    }

    /** The researchers whose webhook ORCID accepted. */
    List<OrcidId> registeredOrcids() {
        return jdbc.sql("SELECT orcid FROM orcid_webhook WHERE registered_at IS NOT NULL")
                .query((rs, n) -> new OrcidId(rs.getString(1))).list();
    }

    void delete(OrcidId orcid) {
        jdbc.sql("DELETE FROM orcid_webhook WHERE orcid = :orcid").param("orcid", orcid.value()).update();
    }

    private static String context(OrcidId orcid) {
        return "orcid_webhook.callback:" + orcid.value();
    }

    static byte[] hash(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
