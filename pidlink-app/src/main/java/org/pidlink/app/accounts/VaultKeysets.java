package org.pidlink.app.accounts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

import org.pidlink.app.database.OwnerOnlyFiles;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

/** Reads, generates and rotates Tink AEAD keysets in their JSON form. */
final class VaultKeysets {

    static {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private VaultKeysets() {
    }

    public static KeysetHandle parse(String json) {
        try {
            return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new VaultException("the token keyset is not a Tink JSON keyset", e);
        }
    }

    public static String toJson(KeysetHandle keyset) {
        try {
            return TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new VaultException("cannot serialize the token keyset", e);
        }
    }

    /** A new keyset holding one AES-256-GCM key. */
    public static KeysetHandle generate() {
        try {
            return KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
        } catch (GeneralSecurityException e) {
            throw new VaultException("cannot generate a token keyset", e);
        }
    }

    /** {@code keyset} plus a new AES-256-GCM key that becomes the primary; the old keys stay to open old ciphertexts. */
    public static KeysetHandle rotate(KeysetHandle keyset) {
        try {
            return KeysetHandle.newBuilder(keyset)
                    .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                            .withRandomId().makePrimary())
                    .build();
        } catch (GeneralSecurityException e) {
            throw new VaultException("cannot rotate the token keyset", e);
        }
    }

    /** Reads the keyset in {@code file}, or creates it (readable by the owner only) with a new key. */
    public static KeysetHandle readOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return parse(Files.readString(file, StandardCharsets.UTF_8));
            }
            KeysetHandle keyset = generate();
            OwnerOnlyFiles.write(file, toJson(keyset));
            return keyset;
        } catch (IOException e) {
            throw new VaultException("cannot read or create the token keyset " + file, e);
        }
    }
}
