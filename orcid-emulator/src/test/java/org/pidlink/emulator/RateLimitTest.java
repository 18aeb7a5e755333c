package org.pidlink.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.pidlink.emulator.EmulatorSettings.RateLimit;
import org.pidlink.emulator.traffic.RateLimiter;

/** ORCID's edge limit as a token bucket on an injected clock: 24/s, burst 40 (orcid-api.md §8). */
class RateLimitTest {

    @Test
    void admitsTheBurstThenTheRateAndIsPerClient() {
        Clock frozen = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        RateLimiter limiter = new RateLimiter(frozen, RateLimit.ORCID);
        int admitted = 0;
        for (int i = 0; i < 100; i++) {
            if (limiter.tryAcquire("APP-A")) {
                admitted++;
            }
        }
        assertThat(admitted).isEqualTo(40);
        assertThat(limiter.tryAcquire("APP-B")).isTrue();
    }

    @Test
    void refillsAtTheRate() {
        SettableClock clock = SettableClock.at(Instant.parse("2026-01-01T00:00:00Z"));
        RateLimiter limiter = new RateLimiter(clock, RateLimit.ORCID);
        while (limiter.tryAcquire("c")) {
            // drain the burst
        }
        clock.advance(java.time.Duration.ofMillis(500));
        int refilled = 0;
        while (limiter.tryAcquire("c")) {
            refilled++;
        }
        assertThat(refilled).isEqualTo(12);
    }

    @Test
    void offAdmitsEverything() {
        RateLimiter limiter = new RateLimiter(Clock.systemUTC(), RateLimit.OFF);
        for (int i = 0; i < 10_000; i++) {
            assertThat(limiter.tryAcquire("c")).isTrue();
        }
    }
}
