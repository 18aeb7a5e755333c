package org.pidlink.app.system;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every HTTP request an id: the {@code X-Request-Id} a proxy in front of pidlink sent (when it is a plain
 * token, so that nobody can write into the logs through it), otherwise a new one. It is in the logs of everything
 * the request does (MDC key {@value #MDC_KEY}: a field of the JSON logs, in brackets in the text logs) and answered
 * in the response's {@code X-Request-Id}, so that a user's report and the logs can be matched.
 */
public final class RequestIds extends OncePerRequestFilter {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "request_id";
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = idOf(request.getHeader(HEADER));
        response.setHeader(HEADER, id);
        MDC.put(MDC_KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    static String idOf(String presented) {
        return presented != null && ACCEPTED.matcher(presented).matches() ? presented : UUID.randomUUID().toString();
    }
}
