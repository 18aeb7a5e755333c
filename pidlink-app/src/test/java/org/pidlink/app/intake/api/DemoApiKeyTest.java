package org.pidlink.app.intake.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pidlink.app.database.EmbeddedPostgresProperties;
import org.pidlink.app.intake.IntakeProperties;
import org.pidlink.app.orcid.OrcidRegistrations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The demo API key stays valid across restarts with the same data directory (each start is a new
 * {@link DemoApiKey} on the same database), is kept readable by its owner only, and is replaced when revoked.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"pidlink.orcid.emulator.port=0", "pidlink.intake.poll-interval=200ms"})
@ActiveProfiles("test")
class DemoApiKeyTest {

    @Autowired
    ApiKeys keys;

    @Autowired
    OrcidRegistrations registrations;

    @Autowired
    IntakeProperties properties;

    @TempDir
    Path dataDir;

    @Test
    void theDemoKeyOfADataDirectoryStaysValidAcrossRestarts() throws Exception {
        String first = start().key().orElseThrow();
        Path file = dataDir.resolve(DemoApiKey.FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

        String second = start().key().orElseThrow();
        assertThat(second).as("the same key after a restart").isEqualTo(first);
        assertThat(keys.authenticate(first)).isPresent();

        keys.revokeSource(DemoApiKey.SOURCE);
        String third = start().key().orElseThrow();
        assertThat(third).as("a revoked key is replaced").isNotEqualTo(first);
        assertThat(keys.authenticate(third)).isPresent();
        assertThat(Files.readString(file).strip()).isEqualTo(third);
    }

    private DemoApiKey start() {
        return new DemoApiKey(keys, registrations, properties, new EmbeddedPostgresProperties(dataDir, false));
    }
}
