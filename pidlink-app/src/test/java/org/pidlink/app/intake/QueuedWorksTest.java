package org.pidlink.app.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.pidlink.app.claims.WorkPayload;

class QueuedWorksTest {

    private static WorkPayload work(String title) {
        return WorkPayload.ofCanonicalJson("{\"title\":{\"title\":{\"value\":\"" + title + "\"}}}");
    }

    @Test
    void findsAQueuedWorkByItsHashUntilItIsDone() {
        QueuedWorks queued = new QueuedWorks();
        WorkPayload work = work("A");
        queued.queued(work);

        assertThat(queued.find(work.canonicalHash())).isSameAs(work);
        assertThat(queued.find(work("B").canonicalHash())).isNull();

        queued.done(List.of(work.canonicalHash()));
        assertThat(queued.find(work.canonicalHash())).isNull();
        assertThat(queued.size()).isZero();
    }

    @Test
    void keepsTheNewestWorksWithinItsBound() {
        WorkPayload a = work("A");
        WorkPayload b = work("B");
        WorkPayload c = work("C");
        // Room for two of them.
        QueuedWorks queued = new QueuedWorks(a.json().length() * 2L);
        queued.queued(a);
        queued.queued(b);
        queued.queued(c);

        assertThat(queued.find(a.canonicalHash())).as("the oldest made room").isNull();
        assertThat(queued.find(b.canonicalHash())).isSameAs(b);
        assertThat(queued.find(c.canonicalHash())).isSameAs(c);

        queued.done(List.of(b.canonicalHash()));
        queued.queued(a);
        assertThat(queued.find(a.canonicalHash())).as("room again once a work is done").isSameAs(a);
        assertThat(queued.find(c.canonicalHash())).isSameAs(c);
    }

    @Test
    void aWorkLargerThanTheBoundIsNotKept() {
        WorkPayload work = work("a title longer than the bound");
        QueuedWorks queued = new QueuedWorks(10);
        queued.queued(work);
        assertThat(queued.find(work.canonicalHash())).isNull();
        assertThat(queued.size()).isZero();
    }
}
