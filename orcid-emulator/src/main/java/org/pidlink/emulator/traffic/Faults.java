package org.pidlink.emulator.traffic;

import java.util.List;

/**
 * Faults injected into member-API calls: with probability {@code errorRate} answer one of {@code statuses}
 * (picked at random) instead of handling the call; delay every call by {@code latencyMs}; with probability
 * {@code dropConnectionRate} cut the connection mid-response. {@code seed} makes the sequence repeatable.
 */
public record Faults(double errorRate, List<Integer> statuses, long latencyMs, double dropConnectionRate,
                     Long seed) {

    public static final Faults NONE = new Faults(0, List.of(500), 0, 0, null);

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
    }

    public boolean active() {
        return errorRate > 0 || latencyMs > 0 || dropConnectionRate > 0;
    }
}
