package org.pidlink.app.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The lookup cache's change counter: moves on at each change and once more when the transaction ends. */
class ChangeCounterTest {

    private final ChangeCounter counter = new ChangeCounter();

    @Test
    void aTransactionOfManyChangesRegistersOneSynchronizationAndMovesOnAgainWhenItEnds() {
        for (int transaction = 1; transaction <= 2; transaction++) {
            long before = counter.value();
            TransactionSynchronizationManager.initSynchronization();
            try {
                for (int i = 0; i < 1_000; i++) {
                    counter.changed();
                }
                assertThat(counter.value()).isEqualTo(before + 1_000);
                assertThat(TransactionSynchronizationManager.getSynchronizations()).hasSize(1);
                TransactionSynchronizationManager.getSynchronizations()
                        .forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));
            } finally {
                TransactionSynchronizationManager.clearSynchronization();
            }
            assertThat(counter.value()).as("after the commit").isEqualTo(before + 1_001);
            assertThat(TransactionSynchronizationManager.hasResource(counter)).as("free for the next").isFalse();
        }
    }

    @Test
    void aChangeOutsideATransactionMovesItOnOnce() {
        counter.changed();
        assertThat(counter.value()).isEqualTo(1);
    }
}
