package org.pidlink.app.intake.api;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.pidlink.app.intake.api.ApiKeys.ApiClient;
import org.pidlink.app.system.ProblemType;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API calls by key: {@code Authorization: Bearer <key>} or {@code X-API-Key: <key>}. A request
 * without a key goes on unauthenticated (and is refused by authorization); a wrong key is refused here.
 */
final class ApiKeyFilter extends OncePerRequestFilter {

    static final String ROLE = "ROLE_API_CLIENT";

    private final ApiKeys keys;
    private final Problems problems;

    ApiKeyFilter(ApiKeys keys, Problems problems) {
        this.keys = keys;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = presentedKey(request);
        if (presented == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiClient> client = keys.authenticate(presented);
        if (client.isEmpty()) {
            problems.write(response, ProblemType.API_KEY_INVALID,
                    "The API key is not valid (unknown or revoked). Ask a pidlink administrator for a key.");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new ApiKeyAuthentication(client.get()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static String presentedKey(HttpServletRequest request) {
        String header = request.getHeader("X-API-Key");
        if (header != null && !header.isBlank()) {
            return header.strip();
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).strip();
        }
        return null;
    }

    /** An authenticated API client; its principal is the {@link ApiClient}, never the key. */
    static final class ApiKeyAuthentication extends AbstractAuthenticationToken {

        private final ApiClient client;

        ApiKeyAuthentication(ApiClient client) {
            super(authorities(client));
            this.client = client;
            setAuthenticated(true);
        }

        private static List<SimpleGrantedAuthority> authorities(ApiClient client) {
            List<SimpleGrantedAuthority> authorities = new java.util.ArrayList<>();
            authorities.add(new SimpleGrantedAuthority(ROLE));
            client.permissions().forEach(p -> authorities.add(new SimpleGrantedAuthority(p.authority())));
            return authorities;
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public ApiClient getPrincipal() {
            return client;
        }

        @Override
        public String getName() {
            return client.source();
        }
    }
}
