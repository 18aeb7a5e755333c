package org.pidlink.app.database;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A number that grows whenever this instance changed some data, so that a cache of answers made from that data
 * (the public lookup's) knows an answer it keeps may be out of date. It grows when the change is made and again
 * when the transaction it was made in ends: a reader that read the counter and then the data between the two
 * (seeing the data as it was before the commit) still finds the counter moved on afterwards.
 */
public final class ChangeCounter {

    private final AtomicLong changes = new AtomicLong();

    /** Something changed (in the current transaction, if one runs). */
    public void changed() {
        changes.incrementAndGet();
        // Once per transaction, however many changes it makes (a batch of intake makes thousands): bound to the
        // transaction as a resource keyed by this counter until the transaction ends.
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && !TransactionSynchronizationManager.hasResource(this)) {
            TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(ChangeCounter.this);
                    changes.incrementAndGet();
                }
            });
        }
    }

    /** The count so far: an answer made after reading {@code n} is current as long as this is still {@code n}. */
    public long value() {
        return changes.get();
    }
}
