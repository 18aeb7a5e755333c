package org.pidlink.app.accounts;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.pidlink.app.database.EmbeddedPostgresProperties;
import org.pidlink.app.orcid.OrcidPreset;
import org.pidlink.app.orcid.OrcidProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import com.google.crypto.tink.KeysetHandle;

/**
 * Where the token key comes from: configuration, or (not in production) a keyset pidlink keeps in its data
 * directory. At start, tokens sealed by an older key are re-encrypted with the primary.
 */
@Configuration(proxyBeanMethods = false)
class VaultConfiguration {

    static final String KEYSET_FILE_NAME = "token-keyset.json";
    private static final Logger log = LoggerFactory.getLogger(VaultConfiguration.class);

    @Bean
    TokenCipher tokenCipher(VaultProperties vault, OrcidProperties orcid, EmbeddedPostgresProperties data) {
        return new TokenCipher(keyset(vault, orcid.preset(), data.dataDir()));
    }

    static KeysetHandle keyset(VaultProperties vault, OrcidPreset preset, Path dataDir) {
        try {
            if (vault.keyset() != null && !vault.keyset().isBlank()) {
                return VaultKeysets.parse(vault.keyset());
            }
            if (vault.keysetFile() != null) {
                if (!Files.isReadable(vault.keysetFile())) {
                    throw new VaultException("pidlink.vault.keyset-file " + vault.keysetFile() + " cannot be read");
                }
                return VaultKeysets.parse(Files.readString(vault.keysetFile(), StandardCharsets.UTF_8));
            }
        } catch (java.io.IOException e) {
            throw new VaultException("cannot read pidlink.vault.keyset-file " + vault.keysetFile(), e);
        }
        if (preset == OrcidPreset.PRODUCTION) {
            throw new VaultException("With ORCID production, pidlink needs the key that encrypts ORCID tokens: set "
                    + "pidlink.vault.keyset (a Tink AEAD keyset in JSON) or pidlink.vault.keyset-file, and keep it "
                    + "apart from the database backups");
        }
        Path file = dataDir.resolve(KEYSET_FILE_NAME);
        log.info("Encrypting ORCID tokens with the keyset in {} (set pidlink.vault.keyset to choose one)", file);
        return VaultKeysets.readOrCreate(file);
    }

    @EventListener(ApplicationReadyEvent.class)
    void reencryptAfterRotation(ApplicationReadyEvent event) {
        event.getApplicationContext().getBean(TokenVault.class).reencrypt();
    }
}
