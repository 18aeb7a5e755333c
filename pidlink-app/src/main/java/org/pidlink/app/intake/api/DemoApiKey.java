package org.pidlink.app.intake.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.pidlink.app.accounts.SecretFiles;
import org.pidlink.app.database.EmbeddedPostgresProperties;
import org.pidlink.app.intake.IntakeProperties;
import org.pidlink.app.orcid.OrcidPreset;
import org.pidlink.app.orcid.OrcidRegistrations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * With the embedded ORCID emulator (a local demo, never a real ORCID), an API key for the source {@code demo} is
 * printed at start, so that {@code ./pidlink serve} can be fed DOIs at once. It is kept in the data directory
 * ({@value #FILE}, readable by its owner only) and stays valid across restarts with the same data directory, so
 * that scripts written against the demo keep working; a new one is made when the stored one is gone or revoked.
 */
@Component
class DemoApiKey {

    static final String SOURCE = "demo";
    static final String FILE = "demo-api-key";
    private static final Logger log = LoggerFactory.getLogger(DemoApiKey.class);

    private final ApiKeys keys;
    private final OrcidRegistrations registrations;
    private final IntakeProperties properties;
    private final Path file;

    DemoApiKey(ApiKeys keys, OrcidRegistrations registrations, IntakeProperties properties,
               EmbeddedPostgresProperties data) {
        this.keys = keys;
        this.registrations = registrations;
        this.properties = properties;
        this.file = data.dataDir().resolve(FILE);
    }

    @EventListener(ApplicationReadyEvent.class)
    void started() {
        key();
    }

    /** The demo key, kept or new and printed; empty when there is none (not the emulator preset, or turned off). */
    Optional<String> key() {
        if (!properties.demoKey() || registrations.preset() != OrcidPreset.EMULATOR) {
            return Optional.empty();
        }
        Optional<String> kept = stored().filter(key -> keys.authenticate(key).isPresent());
        String key = kept.orElseGet(this::replace);
        // Printed on purpose: a local demo against the embedded emulator.
        log.info("Demo API key for POST /api/v1/dois (emulator preset only; {} in {}): {}",
                kept.isPresent() ? "kept" : "new, kept", file, key);
        return Optional.of(key);
    }

    private String replace() {
        keys.revokeSource(SOURCE);
        String key = keys.create(SOURCE, "demo key (emulator preset), kept in the data directory", "pidlink").key();
        try {
            SecretFiles.write(file, key + "\n");
        } catch (IOException e) {
            log.warn("Could not keep the demo API key in {} ({}): the next start makes a new one", file,
                    e.getMessage());
        }
        return key;
    }

    private Optional<String> stored() {
        try {
            return Files.exists(file) ? Optional.of(Files.readString(file).strip()) : Optional.empty();
        } catch (IOException e) {
            log.warn("Could not read the demo API key in {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }
}
