package org.pidlink.app.reports;

import java.util.concurrent.TimeUnit;

import org.pidlink.app.claims.ClaimStatus;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Gauges read from the database: {@code pidlink.claims} per status, {@code pidlink.push.queue.depth} and
 * {@code pidlink.push.queue.oldest.due} (how long the longest-waiting due write has waited). All read one cached
 * {@link QueueSnapshot}, so a scrape costs at most one grouped query.
 */
final class PushMeters implements MeterBinder {

    private final QueueSnapshots snapshots;

    PushMeters(QueueSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (ClaimStatus status : ClaimStatus.values()) {
            Gauge.builder("pidlink.claims", snapshots, s -> s.current().claims(status))
                    .description("Claims by status").tag("status", status.name()).register(registry);
        }
        Gauge.builder("pidlink.push.queue.depth", snapshots, s -> s.current().queued())
                .description("Claims with a write queued (due, waiting for a retry, or held)").register(registry);
        TimeGauge.builder("pidlink.push.queue.oldest.due", snapshots, TimeUnit.MILLISECONDS,
                        s -> s.current().oldestDueAge().toMillis())
                .description("How long the longest-waiting due write has been due").register(registry);
    }
}
