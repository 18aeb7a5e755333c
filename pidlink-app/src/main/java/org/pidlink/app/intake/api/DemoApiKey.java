package org.pidlink.app.intake.api;

import org.pidlink.app.intake.IntakeProperties;
import org.pidlink.app.orcid.OrcidPreset;
import org.pidlink.app.orcid.OrcidRegistrations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * With the embedded ORCID emulator (a local demo, never a real ORCID), an API key for the source {@code demo}
 * is created at every start and printed, so that {@code ./pidlink serve} can be fed DOIs at once. The previous
 * start's demo key is revoked.
 */
@Component
class DemoApiKey {

    static final String SOURCE = "demo";
    private static final Logger log = LoggerFactory.getLogger(DemoApiKey.class);

    private final ApiKeys keys;
    private final OrcidRegistrations registrations;
    private final IntakeProperties properties;

    DemoApiKey(ApiKeys keys, OrcidRegistrations registrations, IntakeProperties properties) {
        this.keys = keys;
        this.registrations = registrations;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void create() {
        if (!properties.demoKey() || registrations.preset() != OrcidPreset.EMULATOR) {
            return;
        }
        keys.revokeSource(SOURCE);
        ApiKeys.CreatedKey key = keys.create(SOURCE, "created at start (emulator preset)", "pidlink");
        // Printed on purpose: a local demo against the embedded emulator, revoked at the next start.
        log.info("Demo API key for POST /api/v1/dois (emulator preset only): {}", key.key());
    }
}
