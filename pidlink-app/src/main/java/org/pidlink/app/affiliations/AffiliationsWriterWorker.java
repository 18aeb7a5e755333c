package org.pidlink.app.affiliations;

import java.time.Duration;

import org.pidlink.app.background.BackgroundWorker;

/** The writer's background thread: one, since every turn makes one call and the rate limit is shared anyway. */
final class AffiliationsWriterWorker implements AutoCloseable {

    private final BackgroundWorker worker;

    AffiliationsWriterWorker(AffiliationWriter writer, Duration pollInterval) {
        this.worker = new BackgroundWorker("affiliations", 1, pollInterval, (slot, slots) -> writer.runOnce());
    }

    void start() {
        worker.start();
    }

    void wakeAfterCommit() {
        worker.wakeAfterCommit();
    }

    @Override
    public void close() {
        worker.close();
    }
}
