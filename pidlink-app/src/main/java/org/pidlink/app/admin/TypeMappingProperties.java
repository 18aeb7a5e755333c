package org.pidlink.app.admin;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code pidlink.admin.type-mapping}.
 *
 * @param recheckEvery how long an instance uses the mapping it holds before it reads the mapping's version number
 *                     again: an upload on another instance takes effect here within this time (on the instance
 *                     that took the upload, at once)
 */
@ConfigurationProperties("pidlink.admin.type-mapping")
public record TypeMappingProperties(Duration recheckEvery) {

    public TypeMappingProperties {
        if (recheckEvery == null) {
            recheckEvery = Duration.ofSeconds(1);
        }
        if (recheckEvery.isNegative()) {
            throw new IllegalArgumentException("pidlink.admin.type-mapping.recheck-every must not be negative");
        }
    }
}
