package org.pidlink.emulator.oauth;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.Supplier;
import org.pidlink.emulator.EmulatorContext;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The emulator's RS256 key: one RSA-2048 pair per emulator instance, generated on first use so that emulators
 * that never sign anything start fast. Its {@code kid} is the RFC 7638 thumbprint. Signs compact JWS by hand
 * with the JDK's {@link Signature}: the emulator needs no JOSE library.
 */
public final class SigningKey {

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private final Supplier<JsonMapper> json;
    private volatile Material material;

    private record Material(KeyPair pair, String kid, String n, String e) {
    }

    public SigningKey(Supplier<JsonMapper> json) {
        this.json = json;
    }

    /** This emulator's key. */
    public static SigningKey of(EmulatorContext ctx) {
        return ctx.shared(SigningKey.class, () -> new SigningKey(ctx::json));
    }

    private Material material() {
        Material m = material;
        if (m == null) {
            synchronized (this) {
                m = material;
                if (m == null) {
                    m = generate();
                    material = m;
                }
            }
        }
        return m;
    }

    private static Material generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            KeyPair pair = g.generateKeyPair();
            RSAPublicKey pub = (RSAPublicKey) pair.getPublic();
            String n = B64URL.encodeToString(unsigned(pub.getModulus()));
            String e = B64URL.encodeToString(unsigned(pub.getPublicExponent()));
            // RFC 7638: the required members in lexicographic order, no whitespace.
            String canonical = "{\"e\":\"" + e + "\",\"kty\":\"RSA\",\"n\":\"" + n + "\"}";
            String kid = B64URL.encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.US_ASCII)));
            return new Material(pair, kid, n, e);
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException("RSA and SHA-256 are part of every JDK", ex);
        }
    }

    /** A big-endian magnitude without the sign byte, as JWK wants it (RFC 7518 §6.3.1). */
    private static byte[] unsigned(BigInteger v) {
        byte[] b = v.toByteArray();
        return b.length > 1 && b[0] == 0 ? Arrays.copyOfRange(b, 1, b.length) : b;
    }

    public String kid() {
        return material().kid();
    }

    /** The public key as ORCID publishes it: kty, e, use, kid, n (no {@code alg}, orcid-api.md §2.6). */
    public ObjectNode publicJwk() {
        Material m = material();
        ObjectNode k = json.get().createObjectNode();
        k.put("kty", "RSA");
        k.put("e", m.e());
        k.put("use", "sig");
        k.put("kid", m.kid());
        k.put("n", m.n());
        return k;
    }

    /** A compact RS256 JWS of {@code claims} with the header {@code {"kid":…,"alg":"RS256"}}. */
    public String sign(ObjectNode claims) {
        Material m = material();
        ObjectNode header = json.get().createObjectNode();
        header.put("kid", m.kid());
        header.put("alg", "RS256");
        String input = B64URL.encodeToString(json.get().writeValueAsBytes(header)) + "."
                + B64URL.encodeToString(json.get().writeValueAsBytes(claims));
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(m.pair().getPrivate());
            s.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + B64URL.encodeToString(s.sign());
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException("cannot sign with RS256", ex);
        }
    }

    /** OIDC's at_hash: the left half of SHA-256 of the access token, base64url (OIDC Core §3.2.2.9). */
    public static String halfHash(String value) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
            return B64URL.encodeToString(Arrays.copyOf(d, d.length / 2));
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
