package org.pidlink.app.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.pidlink.app.orcid.OrcidRegistrations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.google.crypto.tink.KeysetHandle;

class TokenVaultRotationTest extends AccountsTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Researchers researchers;

    @Test
    void rotationReEncryptsEveryTokenWithTheNewPrimaryKey() {
        Person person = newResearcher("Barbara", "McClintock");
        Researcher researcher = researchers.signedIn(person.orcid(), person.name(), false, clock.instant());
        KeysetHandle old = VaultKeysets.generate();
        TokenVault before = new TokenVault(jdbc, new TokenCipher(old));
        before.store(researcher.id(), person.orcid(), OrcidRegistrations.AUTO_UPDATE, "APP-TEST", person.name(),
                new GrantedTokens("access-before-rotation", "refresh-before-rotation", "/activities/update", null));
        byte[] sealedBefore = sealedAccessToken(person);

        TokenCipher rotated = new TokenCipher(VaultKeysets.rotate(old));
        TokenVault after = new TokenVault(jdbc, rotated);
        assertThat(after.reencrypt()).isPositive();

        assertThat(jdbc.sql("SELECT key_id FROM orcid_permission WHERE orcid = :o").param("o", person.orcid().value())
                .query(Long.class).single()).isEqualTo(rotated.primaryKeyId());
        assertThat(sealedAccessToken(person)).isNotEqualTo(sealedBefore);
        GrantedTokens opened = after.open(person.orcid(), OrcidRegistrations.AUTO_UPDATE).orElseThrow();
        assertThat(opened.accessToken()).isEqualTo("access-before-rotation");
        assertThat(opened.refreshToken()).isEqualTo("refresh-before-rotation");
        assertThatThrownBy(() -> before.open(person.orcid(), OrcidRegistrations.AUTO_UPDATE))
                .as("sealed with the new key, which the old keyset lacks").isInstanceOf(VaultException.class);
    }

    private byte[] sealedAccessToken(Person person) {
        return jdbc.sql("SELECT access_token FROM orcid_permission WHERE orcid = :o").param("o", person.orcid().value())
                .query(byte[].class).single();
    }
}
