package org.pidlink.app.system;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The ceilings on browser sessions ({@link SessionProperties}), in front of Spring Security's filters. */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

    /** Before Spring Security's filter chain (order -100), so that its session creations are counted too. */
    static final int FILTER_ORDER = -110;

    @Bean
    SessionLimits sessionLimits(SessionProperties properties) {
        return new SessionLimits(properties);
    }

    @Bean
    FilterRegistrationBean<SessionLimitFilter> sessionLimitFilter(SessionLimits limits, SessionProperties properties) {
        FilterRegistrationBean<SessionLimitFilter> registration =
                new FilterRegistrationBean<>(new SessionLimitFilter(limits, properties.signInTimeout()));
        registration.setOrder(FILTER_ORDER);
        return registration;
    }
}
