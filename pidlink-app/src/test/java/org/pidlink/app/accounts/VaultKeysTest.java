package org.pidlink.app.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pidlink.app.orcid.OrcidPreset;

import com.google.crypto.tink.KeysetHandle;

class VaultKeysTest {

    @Test
    void sealedTokensOpenOnlyInTheirOwnContext() {
        TokenCipher cipher = new TokenCipher(VaultKeysets.generate());
        byte[] sealed = cipher.seal("f5af9f51-07e6-4332-8f1a-c0c11c1e3728", "a");

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("f5af9f51");
        assertThat(cipher.open(sealed, "a")).isEqualTo("f5af9f51-07e6-4332-8f1a-c0c11c1e3728");
        assertThat(TokenCipher.keyIdOf(sealed)).isEqualTo(cipher.primaryKeyId());
        assertThatThrownBy(() -> cipher.open(sealed, "b")).isInstanceOf(VaultException.class)
                .hasMessageContaining("moved or altered").hasMessageNotContaining("f5af9f51");
    }

    @Test
    void aRotatedKeysetOpensOldTokensAndSealsWithTheNewKey() {
        KeysetHandle old = VaultKeysets.generate();
        TokenCipher before = new TokenCipher(old);
        byte[] sealed = before.seal("token", "ctx");
        KeysetHandle rotated = VaultKeysets.parse(VaultKeysets.toJson(VaultKeysets.rotate(old)));
        TokenCipher after = new TokenCipher(rotated);

        assertThat(after.primaryKeyId()).isNotEqualTo(before.primaryKeyId());
        assertThat(after.open(sealed, "ctx")).isEqualTo("token");
        assertThat(TokenCipher.keyIdOf(after.seal("token", "ctx"))).isEqualTo(after.primaryKeyId());
        assertThatThrownBy(() -> new TokenCipher(VaultKeysets.generate()).open(sealed, "ctx"))
                .isInstanceOf(VaultException.class);
    }

    @Test
    void productionRefusesToStartWithoutAConfiguredKey(@TempDir Path dataDir) {
        assertThatThrownBy(() -> VaultConfiguration.keyset(new VaultProperties(null, null), OrcidPreset.PRODUCTION, dataDir))
                .isInstanceOf(VaultException.class).hasMessageContaining("pidlink.vault.keyset");
        assertThat(dataDir.resolve(VaultConfiguration.KEYSET_FILE_NAME)).doesNotExist();

        String json = VaultKeysets.toJson(VaultKeysets.generate());
        assertThat(VaultConfiguration.keyset(new VaultProperties(json, null), OrcidPreset.PRODUCTION, dataDir)
                .getPrimary().getId()).isEqualTo(VaultKeysets.parse(json).getPrimary().getId());
        assertThatThrownBy(() -> VaultConfiguration.keyset(new VaultProperties("{not a keyset", null),
                OrcidPreset.PRODUCTION, dataDir)).isInstanceOf(VaultException.class);
    }

    @Test
    void outsideProductionTheKeyIsKeptInTheDataDirReadableByItsOwnerOnly(@TempDir Path dataDir) throws Exception {
        KeysetHandle first = VaultConfiguration.keyset(new VaultProperties(null, null), OrcidPreset.EMULATOR, dataDir);
        Path file = dataDir.resolve(VaultConfiguration.KEYSET_FILE_NAME);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        KeysetHandle again = VaultConfiguration.keyset(new VaultProperties(null, null), OrcidPreset.EMULATOR, dataDir);
        assertThat(again.getPrimary().getId()).isEqualTo(first.getPrimary().getId());
    }
}
