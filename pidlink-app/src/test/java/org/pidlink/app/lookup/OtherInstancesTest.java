package org.pidlink.app.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pidlink.app.testsupport.Eventually.eventually;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pidlink.app.testsupport.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two instances on one database learn of each other's changes through {@code lookup_instance}, not of their own,
 * and an instance that cannot read the database treats every attempt as a change (nothing kept is used).
 */
class OtherInstancesTest {

    @RegisterExtension
    static final TestDatabase DATABASE = new TestDatabase();

    private static final Duration INTERVAL = Duration.ofMillis(50);

    private final JdbcClient jdbc = JdbcClient.create(DATABASE.dataSource());

    @BeforeEach
    void noInstancesYet() {
        jdbc.sql("DELETE FROM lookup_instance").update();
    }

    @Test
    void anotherInstancesChangeMovesTheNumberItsOwnDoesNot() throws Exception {
        AtomicLong changesOfA = new AtomicLong();
        AtomicLong changesOfB = new AtomicLong();
        try (OtherInstances a = new OtherInstances(jdbc, Clock.systemUTC(), changesOfA::get, INTERVAL);
             OtherInstances b = new OtherInstances(jdbc, Clock.systemUTC(), changesOfB::get, INTERVAL)) {
            eventually(() -> assertThat(jdbc.sql("SELECT count(*) FROM lookup_instance").query(Long.class).single())
                    .isEqualTo(2));
            Thread.sleep(INTERVAL.multipliedBy(4)); // each has read the other's first row
            long seenByA = a.changes();
            long seenByB = b.changes();

            changesOfA.addAndGet(3);
            eventually(() -> assertThat(b.changes()).as("B learns of A's change").isGreaterThan(seenByB));
            Thread.sleep(INTERVAL.multipliedBy(4));
            assertThat(a.changes()).as("A's own change is counted by A itself, not here").isEqualTo(seenByA);
            assertThat(jdbc.sql("SELECT changes FROM lookup_instance WHERE instance = :a").param("a", a.instance())
                    .query(Long.class).single()).isEqualTo(3);

            long seenByBAfter = b.changes();
            Thread.sleep(INTERVAL.multipliedBy(4));
            assertThat(b.changes()).as("nothing changed anywhere: answers stay kept").isEqualTo(seenByBAfter);
        }
    }

    @Test
    void withoutTheDatabaseEveryAttemptIsAChange() {
        DriverManagerDataSource nowhere =
                new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=1");
        try (OtherInstances lost =
                     new OtherInstances(JdbcClient.create(nowhere), Clock.systemUTC(), () -> 0, INTERVAL)) {
            eventually(() -> assertThat(lost.changes()).isGreaterThanOrEqualTo(3));
        }
    }

    @Test
    void rowsOfInstancesStoppedLongAgoAreForgotten() {
        jdbc.sql("INSERT INTO lookup_instance VALUES ('stopped', 7, now() - interval '2 days'), ('recent', 8, now())")
                .update();
        try (OtherInstances started = new OtherInstances(jdbc, Clock.systemUTC(), () -> 0, INTERVAL)) {
            eventually(() -> assertThat(jdbc.sql("SELECT instance FROM lookup_instance ORDER BY instance")
                    .query(String.class).list()).containsExactlyInAnyOrder("recent", started.instance()));
        }
    }
}
