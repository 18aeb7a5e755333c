package org.pidlink.app.system;

import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
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
        return presented != null && ACCEPTED.matcher(presented).matches() ? presented : newId();
    }

    /**
     * A random (version 4) UUID from the thread's own generator: an id matches a report with the logs and guards
     * nothing, and {@link UUID#randomUUID()}'s one SecureRandom for the whole JVM (a lock and a read of the
     * kernel's random source each) showed in the public lookup's profile at thousands of requests a second.
     */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }
}
