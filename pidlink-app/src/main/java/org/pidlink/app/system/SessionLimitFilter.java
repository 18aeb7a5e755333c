package org.pidlink.app.system;

import java.io.IOException;
import java.time.Duration;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Runs before Spring Security, so that every session anything creates passes {@link SessionLimits}: a new session
 * gets the short sign-in timeout, and once its sign-in completed, the server's idle timeout
 * ({@code server.servlet.session.timeout}).
 */
final class SessionLimitFilter extends OncePerRequestFilter {

    private final SessionLimits limits;
    private final Duration signInTimeout;

    SessionLimitFilter(SessionLimits limits, Duration signInTimeout) {
        this.limits = limits;
        this.signInTimeout = signInTimeout;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(new Limited(request), response);
        } catch (SessionLimits.Exceeded e) {
            if (!response.isCommitted()) {
                response.resetBuffer();
                response.setHeader("Retry-After", Long.toString(signInTimeout.toSeconds()));
                response.sendError(HttpStatus.TOO_MANY_REQUESTS.value(), e.getMessage());
            }
            return;
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            int idle = request.getServletContext().getSessionTimeout() * 60;
            if (session.getMaxInactiveInterval() != idle && SessionLimits.signedIn().test(session)) {
                session.setMaxInactiveInterval(idle);
            }
        }
    }

    /** The request, whose {@code getSession} asks {@link SessionLimits} before it creates a session. */
    private final class Limited extends HttpServletRequestWrapper {

        Limited(HttpServletRequest request) {
            super(request);
        }

        @Override
        public HttpSession getSession() {
            return getSession(true);
        }

        @Override
        public HttpSession getSession(boolean create) {
            HttpSession existing = super.getSession(false);
            if (existing != null || !create) {
                return existing;
            }
            String address = getRemoteAddr();
            limits.makeRoom(address);
            HttpSession created = super.getSession(true);
            created.setMaxInactiveInterval((int) signInTimeout.toSeconds());
            limits.add(created, address);
            return created;
        }
    }
}
