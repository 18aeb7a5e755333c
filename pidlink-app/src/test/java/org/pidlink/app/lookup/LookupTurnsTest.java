package org.pidlink.app.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.pidlink.app.accounts.Researchers;
import org.pidlink.app.claims.Claims;
import org.pidlink.core.identifiers.Doi;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lookup answers read from the database take turns: never more at once than {@code pidlink.lookup.queries-at-once},
 * and every one is answered. The database is stood in for by the claims and accounts this feature asks (a slow
 * query is what the test needs to control), as in {@link LookupControllerSliceTest}.
 */
class LookupTurnsTest {

    @Test
    void noMoreAnswersAreReadAtOnceThanAllowedAndEveryOneIsAnswered() throws Exception {
        AtomicInteger reading = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch manyWaiting = new CountDownLatch(1);
        Claims claims = mock(Claims.class);
        when(claims.linksOfDoi(any(), anyBoolean())).thenAnswer(call -> {
            most.accumulateAndGet(reading.incrementAndGet(), Math::max);
            manyWaiting.await(5, TimeUnit.SECONDS);
            Thread.sleep(5);
            reading.decrementAndGet();
            return List.of();
        });
        Researchers researchers = mock(Researchers.class);
        when(researchers.findAll(any())).thenReturn(Map.of());
        LookupAnswers answers = new LookupAnswers(claims, researchers, JsonMapper.builder().build(),
                new LookupProperties(new LookupProperties.Cache(Duration.ZERO, DataSize.ofMegabytes(1)), 3),
                Clock.systemUTC());

        List<Future<LookupAnswers.Answer>> asked = new ArrayList<>();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 20; i++) {
                Doi doi = Doi.parse("10.5555/turn-" + i);
                asked.add(clients.submit(() -> answers.doi(doi, false, false)));
            }
            // Three reading, the rest waiting their turn: held there until all 17 wait, then let go.
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (answers.waitingForATurn() < 17 && System.nanoTime() < until) {
                Thread.sleep(5);
            }
            assertThat(reading.get()).isEqualTo(3);
            assertThat(answers.waitingForATurn()).isEqualTo(17);
            manyWaiting.countDown();
            for (Future<LookupAnswers.Answer> answer : asked) {
                assertThat(new String(answer.get(10, TimeUnit.SECONDS).json())).contains("\"links\":[]");
            }
        }
        assertThat(most.get()).isEqualTo(3);
    }
}
