package org.pidlink.app.intake.api;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

import org.pidlink.app.system.ProblemType;

/**
 * The REST API's security ({@code /api/**}): API keys, no session, no CSRF (no cookies are used, so there is
 * nothing to forge), errors as {@code application/problem+json}. The browser's chain covers everything else.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    /** Before the browser chain, which excludes {@code /api/**} anyway. */
    static final int API_ORDER = 10;

    @Bean
    @Order(API_ORDER)
    SecurityFilterChain apiChain(HttpSecurity http, ApiKeys keys) throws Exception {
        Problems problems = new Problems();
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers("/api/v1/dois", "/api/v1/dois/**").hasAuthority(ApiPermission.DOIS.authority())
                        .requestMatchers("/api/v1/affiliations", "/api/v1/affiliations/**")
                        .hasAuthority(ApiPermission.AFFILIATIONS.authority())
                        .requestMatchers("/api/v1/registrants", "/api/v1/registrants/**")
                        .hasAuthority(ApiPermission.SUGGESTIONS.authority())
                        .requestMatchers("/api/v1/links").hasAuthority(ApiPermission.EXPORT.authority())
                        .anyRequest().hasAuthority(ApiKeyFilter.ROLE))
                .addFilterBefore(new ApiKeyFilter(keys, problems), BasicAuthenticationFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.requireExplicitSave(true))
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .anonymous(anonymous -> { })
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((request, response, e) -> problems.write(response,
                                ProblemType.API_KEY_REQUIRED, "An API key is required: send it as 'Authorization: Bearer <key>' or 'X-API-Key'."))
                        .accessDeniedHandler((request, response, e) -> problems.write(response,
                                ProblemType.FORBIDDEN, "This API key may not do this (ask an administrator for a key "
                                        + "with the permission it needs).")));
        return http.build();
    }
}
