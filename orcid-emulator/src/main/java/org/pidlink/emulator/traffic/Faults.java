package org.pidlink.emulator.traffic;

import java.util.List;
import java.util.Locale;

/**
 * Faults injected into member-API calls: with probability {@code errorRate} answer one of {@code statuses}
 * (picked at random) instead of handling the call, with an {@code errorBody} as a proxy or ORCID's edge sends it;
 * delay every call by {@code latencyMs}; with probability {@code dropConnectionRate} cut the connection
 * mid-response. {@code seed} makes the sequence repeatable. A 401 among {@code statuses} is the edge's or a proxy's
 * 401, not ORCID's: an HTML page (or nothing), never ORCID's {@code invalid_token} JSON.
 */
public record Faults(double errorRate, List<Integer> statuses, long latencyMs, double dropConnectionRate,
                     Long seed, ErrorBody errorBody) {

    public static final Faults NONE = new Faults(0, List.of(500), 0, 0, null);

    /** What an injected error answer carries. */
    public enum ErrorBody {
        /** An HTML error page ({@code text/html}), as nginx, a load balancer or a captive proxy sends it. */
        HTML,
        /** No body at all. */
        EMPTY;

        public static ErrorBody fromJson(String value) {
            if (value == null || value.isBlank()) {
                return HTML;
            }
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("errorBody must be html or empty; got " + value);
            }
        }
    }

    public Faults(double errorRate, List<Integer> statuses, long latencyMs, double dropConnectionRate, Long seed) {
        this(errorRate, statuses, latencyMs, dropConnectionRate, seed, ErrorBody.HTML);
    }

    public Faults {
        if (errorRate < 0 || errorRate > 1 || dropConnectionRate < 0 || dropConnectionRate > 1) {
            throw new IllegalArgumentException("errorRate and dropConnectionRate must be between 0 and 1");
        }
        if (latencyMs < 0) {
            throw new IllegalArgumentException("latencyMs must be >= 0");
        }
        statuses = statuses == null || statuses.isEmpty() ? List.of(500) : List.copyOf(statuses);
        for (int s : statuses) {
            if (s < 400 || s > 599) {
                throw new IllegalArgumentException("statuses must be HTTP error statuses (400-599); got " + s);
            }
        }
        errorBody = errorBody == null ? ErrorBody.HTML : errorBody;
    }

    public boolean active() {
        return errorRate > 0 || latencyMs > 0 || dropConnectionRate > 0;
    }
}
