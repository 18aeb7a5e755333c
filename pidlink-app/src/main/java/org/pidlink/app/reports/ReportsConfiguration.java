package org.pidlink.app.reports;

import java.time.Clock;
import java.time.Duration;

import org.pidlink.app.claims.ClaimsOverview;
import org.pidlink.app.push.PushWorker;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The database-backed meters, the push engine's health ({@code push} in {@code /actuator/health}), the reports. */
@Configuration(proxyBeanMethods = false)
class ReportsConfiguration {

    /** Scrapes and health checks within this time share one query. */
    private static final Duration SNAPSHOT_MAX_AGE = Duration.ofSeconds(5);

    @Bean
    QueueSnapshots queueSnapshots(ClaimsOverview claims, Clock clock) {
        return new QueueSnapshots(claims, clock, SNAPSHOT_MAX_AGE);
    }

    @Bean
    PushMeters pushMeters(QueueSnapshots snapshots) {
        return new PushMeters(snapshots);
    }

    @Bean
    PushHealth pushHealthIndicator(ObjectProvider<PushWorker> worker, QueueSnapshots snapshots) {
        return new PushHealth(worker, snapshots);
    }
}
