package org.pidlink.emulator.traffic;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.pidlink.emulator.EmulatorSettings.RateLimit;

/**
 * ORCID's edge limit, per client: a token bucket of {@code burst} requests refilled at {@code perSecond}.
 * A request that finds the bucket empty is refused (the caller answers 503). Reconfigurable at run time;
 * reconfiguring refills every bucket.
 */
public final class RateLimiter {

    private final Clock clock;
    private volatile RateLimit limit;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(Clock clock, RateLimit limit) {
        this.clock = clock;
        this.limit = limit;
    }

    public RateLimit limit() {
        return limit;
    }

    public void configure(RateLimit newLimit) {
        this.limit = newLimit;
        buckets.clear();
    }

    /** Takes one request from the client's bucket; false means over the limit. */
    public boolean tryAcquire(String clientKey) {
        RateLimit l = limit;
        if (!l.enabled()) {
            return true;
        }
        Bucket b = buckets.computeIfAbsent(clientKey, k -> new Bucket(l.burst(), micros()));
        return b.tryTake(l, micros());
    }

    private long micros() {
        java.time.Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    private static final class Bucket {
        private double tokens;
        private long lastMicros;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.lastMicros = now;
        }

        synchronized boolean tryTake(RateLimit l, long now) {
            if (now > lastMicros) {
                tokens = Math.min(l.burst(), tokens + (now - lastMicros) * l.perSecond() / 1_000_000.0);
                lastMicros = now;
            }
            if (tokens >= 1.0) {
                tokens -= 1.0;
                return true;
            }
            return false;
        }
    }
}
