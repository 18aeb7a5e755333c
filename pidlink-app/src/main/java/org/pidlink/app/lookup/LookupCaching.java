package org.pidlink.app.lookup;

import java.time.Clock;

import org.pidlink.app.accounts.Researchers;
import org.pidlink.app.claims.Claims;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public lookup's answers are kept serialized, with their ETag ({@link LookupAnswers}), and its plain anonymous
 * requests are answered ahead of Spring Security and Spring MVC ({@link LookupFastPath}). Every cacheable answer
 * carries an {@code ETag}; a client or cache that sends it back in {@code If-None-Match} gets {@code 304 Not
 * Modified} without the body. Together with the answers' {@code Cache-Control: public, max-age=60}
 * ({@link LookupController}) a cache revalidates after a minute instead of fetching again.
 */
@Configuration(proxyBeanMethods = false)
class LookupCaching {

    /**
     * After the request id and the request's metrics (Spring Boot's observation filter, highest precedence + 1),
     * before Spring Security's filters (order -100) and the session limits (-110).
     */
    static final int FAST_PATH_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    @Bean
    LookupAnswers lookupAnswers(Claims claims, Researchers researchers, JsonMapper json, LookupProperties properties,
                                Clock clock, ObjectProvider<JdbcClient> jdbc) {
        return new LookupAnswers(claims, researchers, json, properties, clock, jdbc.getIfAvailable());
    }

    @Bean
    FilterRegistrationBean<LookupFastPath> lookupFastPath(LookupAnswers answers) {
        FilterRegistrationBean<LookupFastPath> registration = new FilterRegistrationBean<>(new LookupFastPath(answers));
        registration.addUrlPatterns("/api/v1/lookup/*");
        registration.setName("lookupFastPath");
        registration.setOrder(FAST_PATH_ORDER);
        return registration;
    }
}
