package org.pidlink.app.intake.harvest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.pidlink.app.intake.harvest.DataCiteHarvester.SourceState;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The harvest's health ({@code harvest} in {@code /actuator/health}): DOWN once the source has failed for longer than
 * {@code pidlink.intake.harvest.unreachable-after}, counted from its last complete run (or from this instance's start
 * when it never had one), so that monitoring learns DOI updates are no longer arriving. A single failed run is not
 * unhealthy: the next run continues where the last complete one ended. The liveness and readiness probes do not
 * include it: restarting pidlink does not bring a registry back.
 */
final class HarvestHealth implements HealthIndicator {

    private final DataCiteHarvester harvester;
    private final Clock clock;
    private final Duration unreachableAfter;
    private final Instant started;

    HarvestHealth(DataCiteHarvester harvester, Clock clock, Duration unreachableAfter) {
        this.harvester = harvester;
        this.clock = clock;
        this.unreachableAfter = unreachableAfter;
        this.started = clock.instant();
    }

    @Override
    public Health health() {
        SourceState state = harvester.sourceState();
        Health.Builder health;
        if (state.lastError() == null) {
            health = Health.up();
        } else {
            Instant failingSince = state.lastSuccessAt() != null ? state.lastSuccessAt() : started;
            Duration failing = Duration.between(failingSince, clock.instant());
            health = failing.compareTo(unreachableAfter) > 0 ? Health.down() : Health.up();
            health.withDetail("lastError", state.lastError())
                    .withDetail("failingForSeconds", Math.max(0, failing.toSeconds()))
                    .withDetail("unreachableAfterSeconds", unreachableAfter.toSeconds());
        }
        health.withDetail("source", harvester.baseUrl().toString());
        if (state.lastRunAt() != null) {
            health.withDetail("lastRunAt", state.lastRunAt().toString());
        }
        if (state.lastSuccessAt() != null) {
            health.withDetail("lastSuccessAt", state.lastSuccessAt().toString());
        }
        return health.build();
    }
}
