package org.pidlink.app.claims;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ORCID v3.0 work to write for a claim, as JSON (without put-code), and the canonical hash of its
 * content: two payloads with the same hash are the same work, so nothing is written when the hash equals
 * the one last written.
 *
 * @param json          the work document, {@code application/vnd.orcid+json} v3.0, without {@code put-code}
 * @param canonicalHash a hash of the work's canonical form (e.g. from {@code org.pidlink.core.work})
 */
public record WorkPayload(String json, String canonicalHash) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public WorkPayload {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(canonicalHash, "canonicalHash");
        if (json.isBlank()) {
            throw new IllegalArgumentException("the work JSON is blank");
        }
        if (canonicalHash.isBlank()) {
            throw new IllegalArgumentException("the canonical hash is blank");
        }
        requireWorkObject(json);
    }

    /**
     * A payload that is not a JSON object, or that names a put-code, would fail the whole bulk request it rides in
     * (or the POST would be refused): it is refused here, where the caller can still be told.
     */
    private static void requireWorkObject(String json) {
        // Streamed, not read into a tree: the work of a large collaboration is megabytes of contributors, and only
        // its top level matters here.
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("the work must be a JSON object");
            }
            for (JsonToken token = parser.nextToken(); token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("put-code".equals(name) && value != JsonToken.VALUE_NULL) {
                    throw new IllegalArgumentException(
                            "the work must not carry a put-code: the push engine manages put-codes");
                }
                parser.skipChildren();
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw new IllegalArgumentException("the work is not one JSON object");
            }
        } catch (JacksonException e) {
            throw new IllegalArgumentException("the work is not JSON: " + e.getOriginalMessage(), e);
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
