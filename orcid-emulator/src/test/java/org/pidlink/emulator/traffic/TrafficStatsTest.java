package org.pidlink.emulator.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Per-client counts and the most requests admitted in any one-second window. */
class TrafficStatsTest {

    private static final long MS = 1_000_000L;

    @Test
    void countsByMethodTemplateAndStatusIncludingRefusals() {
        TrafficStats stats = new TrafficStats();
        stats.record("APP-1", "POST", "/v3.0/{orcid}/work", 201, true, 0);
        stats.record("APP-1", "POST", "/v3.0/{orcid}/work", 201, true, 5 * MS);
        stats.record("APP-1", "POST", "/v3.0/{orcid}/work", 503, false, 6 * MS);
        stats.record("APP-2", "GET", "/v3.0/{orcid}/works", 200, true, 7 * MS);
        @SuppressWarnings("unchecked")
        Map<String, Object> one = (Map<String, Object>) stats.snapshot().get("APP-1");
        assertThat(one.get("total")).isEqualTo(3L);
        List<Object> rows = List.copyOf((List<?>) one.get("requests"));
        assertThat(rows).containsExactly(
                Map.<String, Object>of("method", "POST", "path", "/v3.0/{orcid}/work", "status", 201, "count", 2L),
                Map.<String, Object>of("method", "POST", "path", "/v3.0/{orcid}/work", "status", 503, "count", 1L));
        assertThat(one.get("maxAdmittedPerSecond")).isEqualTo(2);
        assertThat(stats.snapshot()).containsKeys("APP-1", "APP-2");
    }

    @Test
    void maxPerSecondIsASlidingWindow() {
        TrafficStats stats = new TrafficStats();
        // 30 requests in the second half of second 0 and 30 in the first half of second 1: 60 within one second,
        // although no calendar second holds more than 30.
        for (int i = 0; i < 30; i++) {
            stats.record("c", "GET", "/x", 200, true, 500 * MS + i * 10 * MS);
        }
        for (int i = 0; i < 30; i++) {
            stats.record("c", "GET", "/x", 200, true, 1_000 * MS + i * 10 * MS);
        }
        // Much later, a slow trickle does not raise the maximum.
        for (int i = 0; i < 10; i++) {
            stats.record("c", "GET", "/x", 200, true, 10_000 * MS + i * 500 * MS);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> c = (Map<String, Object>) stats.snapshot().get("c");
        assertThat(c.get("maxAdmittedPerSecond")).isEqualTo(60);
    }
}
