package org.pidlink.app.intake;

import java.util.EnumSet;
import java.util.Objects;

import org.pidlink.app.intake.api.ApiKeys;
import org.pidlink.app.intake.api.ApiPermission;

/**
 * API keys for registrants (the registrants feature): a key that may read and decide link suggestions only. The
 * caller of a request made with it is named by the key's source, so the registrants feature names each key's
 * source after its registrant. Keys are intake's (one table, one admin page), shown once, stored as a hash.
 */
public final class RegistrantKeys {

    private final ApiKeys keys;

    RegistrantKeys(ApiKeys keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /** A key just made; {@link #key()} is its only appearance in plaintext. */
    public record IssuedKey(long id, String key) {

        @Override
        public String toString() {
            return "IssuedKey[id=" + id + ", key=[redacted]]";
        }
    }

    /** A new key for {@code source} that may use {@code /api/v1/registrants/**} and nothing else. */
    public IssuedKey issue(String source, String label, String createdBy) {
        ApiKeys.CreatedKey created = keys.create(source, label, createdBy, EnumSet.of(ApiPermission.SUGGESTIONS));
        return new IssuedKey(created.id(), created.key());
    }

    /** Revokes a key; false when it was not active. */
    public boolean revoke(long id) {
        return keys.revoke(id);
    }
}
