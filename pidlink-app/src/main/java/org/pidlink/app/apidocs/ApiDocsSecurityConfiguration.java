package org.pidlink.app.apidocs;

import org.pidlink.app.system.OpenEndpoints;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * The API's description is public, like the API's shape on any documentation site: the OpenAPI document, Swagger
 * UI and the problem-type pages, for {@code GET} only and without a session. Nothing else is opened.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsSecurityConfiguration {

    /** Before the webhook (8), lookup (9), API-key (10) and browser (100) chains; its matcher is narrow. */
    static final int API_DOCS_ORDER = 7;

    @Bean
    @Order(API_DOCS_ORDER)
    SecurityFilterChain apiDocsChain(HttpSecurity http) throws Exception {
        PathPatternRequestMatcher.Builder get = PathPatternRequestMatcher.withDefaults();
        return OpenEndpoints.chain(http, new OrRequestMatcher(
                        get.matcher(HttpMethod.GET, "/v3/api-docs"),
                        get.matcher(HttpMethod.GET, "/v3/api-docs.yaml"),
                        get.matcher(HttpMethod.GET, "/v3/api-docs/**"),
                        get.matcher(HttpMethod.GET, "/swagger-ui.html"),
                        get.matcher(HttpMethod.GET, "/swagger-ui/**"),
                        get.matcher(HttpMethod.GET, "/problems/*")),
                SessionCreationPolicy.STATELESS);
    }
}
