package org.pidlink.app.claims;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The ORCID v3.0 work to write for a claim, as JSON (without put-code), and the canonical hash of its
 * content: two payloads with the same hash are the same work, so nothing is written when the hash equals
 * the one last written.
 *
 * @param json          the work document, {@code application/vnd.orcid+json} v3.0, without {@code put-code}
 * @param canonicalHash a hash of the work's canonical form (e.g. from {@code org.pidlink.core.work})
 */
public record WorkPayload(String json, String canonicalHash) {

    public WorkPayload {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(canonicalHash, "canonicalHash");
        if (json.isBlank()) {
            throw new IllegalArgumentException("the work JSON is blank");
        }
        if (canonicalHash.isBlank()) {
            throw new IllegalArgumentException("the canonical hash is blank");
        }
    }

    /**
     * A payload whose JSON is already canonical (stable key order, no insignificant whitespace): its hash is
     * the SHA-256 of the JSON itself.
     */
    public static WorkPayload ofCanonicalJson(String canonicalJson) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonicalJson.getBytes(StandardCharsets.UTF_8));
            return new WorkPayload(canonicalJson, "sha256:" + HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
