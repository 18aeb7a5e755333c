package org.pidlink.app.reports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Lets Prometheus scrape {@code GET /actuator/prometheus} with HTTP Basic as the configured scrape user
 * ({@link ScrapeProperties}), without a browser session. The chain matches that one endpoint only, so the credential
 * opens nothing else; a signed-in administrator's session still reads it too. Without a configured user there is
 * no such chain and the browser chain keeps the endpoint for administrators.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${pidlink.metrics.scrape.username:}'.isBlank()")
class ScrapeSecurityConfiguration {

    /** Before every other chain; it matches one path. */
    static final int SCRAPE_ORDER = 5;
    static final String ROLE_SCRAPER = "ROLE_METRICS_SCRAPER";

    @Bean
    @Order(SCRAPE_ORDER)
    SecurityFilterChain prometheusScrapeChain(HttpSecurity http, ScrapeProperties scrape) throws Exception {
        http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/actuator/prometheus"))
                .authorizeHttpRequests(authorize -> authorize.anyRequest().hasAnyAuthority(ROLE_SCRAPER, "ROLE_ADMIN"))
                .httpBasic(basic -> basic.realmName("pidlink metrics"))
                .authenticationManager(new ProviderManager(new ScrapeUser(scrape)))
                // Reads an administrator's session; never creates one for a scraper.
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable());
        return http.build();
    }

    /** The one scrape user; the password is compared in constant time, as SHA-256 digests. */
    private static final class ScrapeUser implements AuthenticationProvider {

        private final String username;
        private final byte[] passwordDigest;

        ScrapeUser(ScrapeProperties scrape) {
            this.username = scrape.username();
            this.passwordDigest = digest(scrape.password());
        }

        @Override
        public Authentication authenticate(Authentication presented) {
            String password = presented.getCredentials() == null ? "" : presented.getCredentials().toString();
            boolean userMatches = MessageDigest.isEqual(digest(presented.getName()), digest(username));
            if (!(MessageDigest.isEqual(digest(password), passwordDigest) & userMatches)) {
                throw new BadCredentialsException("wrong metrics scrape credential");
            }
            return UsernamePasswordAuthenticationToken.authenticated(username, null,
                    List.of(new SimpleGrantedAuthority(ROLE_SCRAPER)));
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
        }

        private static byte[] digest(String s) {
            try {
                return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is missing from this JVM", e);
            }
        }
    }
}
