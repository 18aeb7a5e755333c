package org.pidlink.app.system;

import org.pidlink.app.accounts.PermissionRequests;
import org.pidlink.app.accounts.SignInService;
import org.pidlink.app.accounts.VaultAuthorizedClients;
import org.pidlink.app.accounts.VerifiedGrants;
import org.pidlink.app.orcid.OrcidClientRegistrationRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;

/**
 * The browser's security: sign in with ORCID (OpenID Connect), the permission flow, CSRF on every form, roles.
 * {@code /api/**} is left to the API's own chain (API keys), which has its own order.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** After any API chain (which matches only {@code /api/**}), before nothing else. */
    static final int BROWSER_ORDER = 100;

    @Bean
    @Order(BROWSER_ORDER)
    SecurityFilterChain browserChain(HttpSecurity http, OrcidClientRegistrationRepository clientRegistrations,
                                     SignInService signIn, VerifiedGrants verifiedGrants,
                                     VaultAuthorizedClients authorizedClients) throws Exception {
        OAuth2AuthorizationRequestResolver resolver = PermissionRequests.resolver(clientRegistrations);
        SignInFailureHandler failures = new SignInFailureHandler();
        ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter> explainFailures = new ObjectPostProcessor<>() {
            @Override
            public <O extends OAuth2AuthorizationRequestRedirectFilter> O postProcess(O filter) {
                filter.setAuthenticationFailureHandler(failures);
                return filter;
            }
        };
        http.securityMatcher(new NegatedRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/api/**")))
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers("/", "/signin", "/signin/**", "/error", "/researchers/**", "/css/**",
                                "/img/**", "/favicon.ico", "/actuator/health", "/actuator/health/**",
                                "/actuator/info", "/oauth2/authorization/orcid", "/login/oauth2/code/**").permitAll()
                        .requestMatchers("/admin/**", "/actuator/**").hasRole("ADMIN")
                        .anyRequest().hasRole("RESEARCHER"))
                .oauth2Login(login -> login
                        .clientRegistrationRepository(clientRegistrations)
                        .authorizedClientRepository(authorizedClients)
                        .loginPage("/signin")
                        .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(resolver))
                        .tokenEndpoint(token -> token.accessTokenResponseClient(verifiedGrants))
                        .userInfoEndpoint(userInfo -> userInfo.oidcUserService(signIn))
                        .defaultSuccessUrl("/profile")
                        .failureHandler(failures)
                        .withObjectPostProcessor(explainFailures))
                .oauth2Client(client -> client
                        .clientRegistrationRepository(clientRegistrations)
                        .authorizedClientRepository(authorizedClients)
                        .authorizationCodeGrant(grant -> grant
                                .authorizationRequestResolver(resolver)
                                .accessTokenResponseClient(verifiedGrants))
                        .withObjectPostProcessor(explainFailures))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/signin")))
                // No session for visitors: the page to return to after sign-in waits in a cookie, and CSRF tokens
                // are kept only in a session that exists already (SessionCsrfTokens). The sign-in flow keeps its
                // OAuth state in a session, bounded by SessionLimits.
                .requestCache(cache -> cache.requestCache(new CookieRequestCache()))
                .csrf(csrf -> csrf.csrfTokenRepository(new SessionCsrfTokens()))
                .logout(logout -> logout.logoutUrl("/signout").logoutSuccessUrl("/?signedOut"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                                        + "form-action 'self' http: https:; frame-ancestors 'none'; base-uri 'self'"))
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
        return http.build();
    }
}
