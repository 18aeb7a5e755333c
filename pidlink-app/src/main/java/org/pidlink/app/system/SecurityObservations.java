package org.pidlink.app.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * Spring Security observes nothing of its own: it would wrap every filter of every chain, and every authorization,
 * in a Micrometer observation of its own, about a tenth of the CPU a public lookup costs (issue 12's JFR profile of
 * {@code bench aggregate}), for timers nobody reads. Requests are still observed as a whole
 * ({@code http.server.requests}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityObservations {

    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }
}
