package org.pidlink.app.reports;

import org.pidlink.app.push.PushWorker;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The push engine's health: DOWN only when this instance should run push workers and they are not running (a
 * busy or failing ORCID is not pidlink being unhealthy, and restarting would not help); the queue's figures are
 * details, shown only to those the health endpoint shows details to.
 */
final class PushHealth implements HealthIndicator {

    private final ObjectProvider<PushWorker> worker;
    private final QueueSnapshots snapshots;

    PushHealth(ObjectProvider<PushWorker> worker, QueueSnapshots snapshots) {
        this.worker = worker;
        this.snapshots = snapshots;
    }

    @Override
    public Health health() {
        PushWorker workers = worker.getIfAvailable();
        Health.Builder health;
        if (workers == null) {
            health = Health.up().withDetail("workers", "disabled on this instance (pidlink.push.enabled=false)");
        } else if (workers.running()) {
            health = Health.up().withDetail("workers", "running");
        } else {
            health = Health.down().withDetail("workers", "stopped");
        }
        try {
            QueueSnapshot queue = snapshots.current();
            health.withDetail("queued", queue.queued())
                    .withDetail("failing", queue.failing())
                    .withDetail("oldestDueAgeSeconds", queue.oldestDueAge().toSeconds());
        } catch (RuntimeException e) {
            // The database's own health says why; the workers' state is what this indicator answers for.
            health.withDetail("queue", "unavailable: " + e.getClass().getSimpleName());
        }
        return health.build();
    }
}
