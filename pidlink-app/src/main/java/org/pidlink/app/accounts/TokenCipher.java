package org.pidlink.app.accounts;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;

/**
 * Seals tokens with AES-256-GCM from a Tink keyset. Each ciphertext is bound to its context (iD, registration and
 * column) as associated data, so a ciphertext copied to another row does not open. Tink prefixes every ciphertext
 * with the id of the key that made it, which is how a key rotation finds what still needs re-encrypting.
 */
final class TokenCipher implements SecretSealer {

    private static final byte TINK_PREFIX = 0x01;

    static {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Aead aead;
    private final long primaryKeyId;

    TokenCipher(KeysetHandle keyset) {
        try {
            this.aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new VaultException("the token keyset holds no usable AEAD key", e);
        }
        this.primaryKeyId = Integer.toUnsignedLong(keyset.getPrimary().getId());
    }

    @Override
    public byte[] seal(String plaintext, String context) {
        try {
            return aead.encrypt(plaintext.getBytes(StandardCharsets.UTF_8), context.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new VaultException("cannot encrypt a token", e);
        }
    }

    @Override
    public String open(byte[] ciphertext, String context) {
        try {
            return new String(aead.decrypt(ciphertext, context.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new VaultException("cannot decrypt a token (key " + keyIdOf(ciphertext)
                    + "): the keyset lacks its key, or the ciphertext was moved or altered", e);
        }
    }

    /** The id of the key new ciphertexts are sealed with. */
    @Override
    public long primaryKeyId() {
        return primaryKeyId;
    }

    /** The id of the key that sealed a ciphertext (Tink's 5-byte prefix), or -1 when it has no such prefix. */
    public static long keyIdOf(byte[] ciphertext) {
        if (ciphertext == null || ciphertext.length < 5 || ciphertext[0] != TINK_PREFIX) {
            return -1;
        }
        return Integer.toUnsignedLong(ByteBuffer.wrap(ciphertext, 1, 4).getInt());
    }

    @Override
    public String toString() {
        return "TokenCipher[AES256-GCM, primaryKeyId=" + primaryKeyId + "]";
    }
}
