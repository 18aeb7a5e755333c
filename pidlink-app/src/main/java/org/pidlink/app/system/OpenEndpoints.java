package org.pidlink.app.system;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * A security chain for endpoints that anyone may call without signing in, a CSRF token or an API key (the public
 * lookup, ORCID's webhook callbacks). Each feature gives its own narrow matcher and order, before the API-key and
 * browser chains; everything else about such a chain is the same, so it is built here once.
 */
public final class OpenEndpoints {

    private OpenEndpoints() {
    }

    public static SecurityFilterChain chain(HttpSecurity http, RequestMatcher endpoints, SessionCreationPolicy sessions)
            throws Exception {
        http.securityMatcher(endpoints)
                .authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(sessions))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable());
        return http.build();
    }
}
