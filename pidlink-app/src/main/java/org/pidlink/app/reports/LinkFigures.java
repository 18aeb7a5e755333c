package org.pidlink.app.reports;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.pidlink.app.claims.Links;
import org.pidlink.app.claims.WriteOrder;
import org.springframework.stereotype.Component;

/**
 * The aggregate figures of the links, kept for a few minutes: they scan the claim table (seconds at a million
 * links), and an administrator reloading the reports page should not scan it again each time. Thread-safe.
 */
@Component
class LinkFigures {

    static final Duration MAX_AGE = Duration.ofMinutes(5);
    /** "Near" ORCID's cap: at least 90% of it. */
    static final int NEAR_CAP = WriteOrder.ORCID_MAX_WORKS / 10 * 9;
    static final int MAX_NEAR_CAP = 100;

    private final Links links;
    private final Clock clock;
    private final AtomicReference<Links.Figures> last = new AtomicReference<>();

    LinkFigures(Links links, Clock clock) {
        this.links = links;
        this.clock = clock;
    }

    /** The figures, computed again when older than {@link #MAX_AGE} or when {@code fresh} is asked for. */
    Links.Figures current(boolean fresh) {
        Links.Figures figures = last.get();
        if (!fresh && figures != null && !figures.computedAt().plus(MAX_AGE).isBefore(clock.instant())) {
            return figures;
        }
        Links.Figures computed = links.figures(NEAR_CAP, MAX_NEAR_CAP);
        last.set(computed);
        return computed;
    }
}
