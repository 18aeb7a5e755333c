package org.pidlink.app.lookup;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * Conditional GETs on the public lookup: every cacheable answer carries an {@code ETag} (a hash of its body), and a
 * client or cache that sends it back in {@code If-None-Match} gets {@code 304 Not Modified} without the body. Together
 * with the answers' {@code Cache-Control: public, max-age=60} ({@link LookupController}) a cache revalidates after a
 * minute instead of fetching again. Answers that must not be stored (an administrator's) get no ETag.
 */
@Configuration(proxyBeanMethods = false)
class LookupCaching {

    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> lookupEtags() {
        FilterRegistrationBean<ShallowEtagHeaderFilter> registration =
                new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
        registration.addUrlPatterns("/api/v1/lookup/*");
        registration.setName("lookupEtags");
        return registration;
    }
}
