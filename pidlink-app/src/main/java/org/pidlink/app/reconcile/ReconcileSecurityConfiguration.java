package org.pidlink.app.reconcile;

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
 * ORCID's webhook callbacks carry no credentials, cookie or CSRF token: the secret in their path is their
 * authentication ({@link WebhookCallbackController}). This chain lets exactly those POSTs through, without a
 * session, before the browser chain (which would ask for a CSRF token and a sign-in).
 */
@Configuration(proxyBeanMethods = false)
class ReconcileSecurityConfiguration {

    /** Before the lookup (9), API-key (10) and browser chains. */
    static final int WEBHOOK_ORDER = 8;

    @Bean
    @Order(WEBHOOK_ORDER)
    SecurityFilterChain orcidWebhookChain(HttpSecurity http) throws Exception {
        return OpenEndpoints.chain(http,
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, WebhookRegistrar.CALLBACK_PATH + "*"),
                SessionCreationPolicy.STATELESS);
    }
}
