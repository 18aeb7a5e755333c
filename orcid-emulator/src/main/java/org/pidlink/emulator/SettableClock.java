package org.pidlink.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock tests move by hand: give it to the emulator ({@code EmulatorSettings.builder().clock(...)}) to expire
 * tokens or refill ORCID's rate-limit buckets, and to the code under test to move its time too. Either stopped at an
 * instant ({@link #at}) or ticking with the system clock plus whatever it was moved by ({@link #ticking()}), for
 * code whose background work must keep going. Always UTC. Thread-safe.
 */
public final class SettableClock extends Clock {

    /** The fixed instant, or null when ticking. */
    private final AtomicReference<Instant> fixed;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    private SettableClock(Instant start) {
        this.fixed = new AtomicReference<>(start);
    }

    /** Stopped at {@code start}: time passes only when the test moves it. */
    public static SettableClock at(Instant start) {
        return new SettableClock(start);
    }

    /** The system's time, plus however far the test moves it. */
    public static SettableClock ticking() {
        return new SettableClock(null);
    }

    public void advance(Duration duration) {
        if (fixed.get() != null) {
            fixed.updateAndGet(now -> now.plus(duration));
        } else {
            offset.updateAndGet(o -> o.plus(duration));
        }
    }

    /** Stops the clock at {@code instant}. */
    public void set(Instant instant) {
        fixed.set(instant);
    }

    @Override
    public Instant instant() {
        Instant now = fixed.get();
        return now != null ? now : Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
