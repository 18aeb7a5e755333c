package org.pidlink.app.lookup;

import org.pidlink.app.system.OpenEndpoints;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The public lookup needs no API key: it is answered to anyone, for {@code GET} only. It runs before the API-key
 * chain (which covers the rest of {@code /api/**}) and reads, never creates, the browser's session, so that a
 * signed-in administrator also sees researchers who keep out of public lookups.
 */
@Configuration(proxyBeanMethods = false)
class LookupSecurityConfiguration {

    /** Before the API-key chain ({@code /api/**}, order 10), whose matcher is wider. */
    static final int LOOKUP_ORDER = 9;

    @Bean
    @Order(LOOKUP_ORDER)
    SecurityFilterChain lookupChain(HttpSecurity http) throws Exception {
        // NEVER, not STATELESS: a signed-in administrator's session is read to show every researcher.
        return OpenEndpoints.chain(http,
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/api/v1/lookup/**"),
                SessionCreationPolicy.NEVER);
    }
}
