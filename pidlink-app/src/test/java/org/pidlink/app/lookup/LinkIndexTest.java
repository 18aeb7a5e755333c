package org.pidlink.app.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pidlink.app.claims.ClaimLink;
import org.pidlink.app.claims.Claims;
import org.pidlink.app.claims.LinkChanges;
import org.pidlink.app.claims.Links;
import org.pidlink.app.claims.StandaloneClaims;
import org.pidlink.app.claims.WriteAccess;
import org.pidlink.app.claims.WriteAccessSource;
import org.pidlink.app.testsupport.TestDatabase;
import org.pidlink.core.identifiers.Doi;
import org.pidlink.core.identifiers.OrcidId;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The DOIs' links kept in memory for the public lookup answer as {@code Claims.linksOfDoi} does, without asking the
 * database, and stay exact: a change committed elsewhere (another instance: here, plain SQL on another connection)
 * is read from the database once told; a change of this instance is read from the database until the index caught
 * up with it; a TRUNCATE reads everything again; with more links than kept, every answer asks the database.
 */
class LinkIndexTest {

    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();

    private static final Timestamp NOW = Timestamp.from(Instant.parse("2026-12-07T06:00:00Z"));
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final AtomicLong localChanges = new AtomicLong();
    private final AtomicInteger databaseReads = new AtomicInteger();
    private JdbcTemplate jdbc;
    private Claims claims;
    private LinkChanges changes;
    private LinkIndex index;

    @BeforeEach
    void claims() {
        jdbc = DB.jdbc();
        claims = StandaloneClaims.create(DB.dataSource(), Clock.systemUTC(), new WriteAccessSource() {
            @Override
            public WriteAccess find(OrcidId orcid, String registrationId) {
                return new WriteAccess.Missing("not needed here");
            }

            @Override
            public void markRevoked(OrcidId orcid, String registrationId, String reason) {
            }
        }, (orcid, queue) -> { }).claims();
        // Several researchers and registrations on one DOI, inserted out of the order the lookup lists them in.
        claim("0000-0002-0000-0001", "10.5555/index.1", "search-link", "IN_ORCID");
        claim("0000-0001-0000-0002", "10.5555/index.1", "auto-update", "QUEUED");
        claim("0000-0001-0000-0002", "10.5555/index.1", "AUTO-update", "IN_ORCID");
        claim("0000-0001-0000-0002", "10.5555/index.2", "auto-update", "RECORD_FULL");
    }

    @AfterEach
    void stop() {
        if (changes != null) {
            changes.close();
            index.close();
        }
    }

    @Test
    void answersEveryDoiAsTheDatabaseWouldWithoutAskingIt() {
        LinkIndex index = started(1_000);

        for (String doi : List.of("10.5555/index.1", "10.5555/index.2", "10.5555/none")) {
            assertThat(index.links(doi, fromDatabase(doi))).as(doi).isEqualTo(database(doi));
        }
        assertThat(databaseReads).hasValue(0);
        assertThat(index.dois()).isEqualTo(2);
    }

    @Test
    void aChangeCommittedOnAnotherInstanceIsReadFromTheDatabaseOnceToldAndKeptAgain() {
        LinkIndex index = started(1_000);

        jdbc.update("UPDATE claim SET status = 'IN_ORCID', updated_at = ? WHERE doi = '10.5555/index.2'",
                Timestamp.from(Instant.parse("2026-12-07T07:00:00Z")));
        claim("0000-0003-0000-0003", "10.5555/index.3", "auto-update", "IN_ORCID"); // a DOI it did not know

        awaitAnswer(index, "10.5555/index.2", links -> links.getFirst().status().inOrcid());
        awaitAnswer(index, "10.5555/index.3", links -> links.size() == 1);
        int reads = databaseReads.get();
        assertThat(index.links("10.5555/index.2", fromDatabase("10.5555/index.2")))
                .isEqualTo(database("10.5555/index.2"));
        assertThat(databaseReads).as("kept again after the read").hasValue(reads);

        jdbc.update("DELETE FROM claim WHERE doi = '10.5555/index.3'");
        awaitAnswer(index, "10.5555/index.3", List::isEmpty);
    }

    @Test
    void aDoiToldChangedIsReadAgainWithoutBeingAskedFor() {
        LinkIndex index = started(1_000);

        jdbc.update("UPDATE claim SET status = 'DISMISSED' WHERE doi = '10.5555/index.1'");

        // Never asked for: kept again with the change by the index's own reading.
        await(() -> index.kept("10.5555/index.1")
                .filter(l -> l.stream().allMatch(c -> c.status().name().equals("DISMISSED"))).isPresent());
        assertThat(index.links("10.5555/index.1", fromDatabase("10.5555/index.1")))
                .isEqualTo(database("10.5555/index.1"));
        assertThat(databaseReads).hasValue(0);
    }

    @Test
    void aDoiReadAgainWithItsLinksAsTheyWereKeepsTheSameObjects() {
        LinkIndex index = started(1_000);
        List<ClaimLink> before = index.kept("10.5555/index.1").orElseThrow();

        jdbc.update("UPDATE claim SET attempts = attempts + 1 WHERE doi = '10.5555/index.1'"); // no link column

        await(() -> index.kept("10.5555/index.1").isEmpty()); // told, marked stale
        await(() -> index.kept("10.5555/index.1").isPresent()); // read again
        assertThat(index.kept("10.5555/index.1").orElseThrow()).isSameAs(before);
        assertThat(databaseReads).hasValue(0);
    }

    @Test
    void aChangeOfThisInstanceIsReadFromTheDatabaseUntilTheIndexCaughtUpWithIt() {
        LinkIndex index = started(1_000);

        // Claims.changes() moved on: a change made here, committed, perhaps not told yet.
        jdbc.update("UPDATE claim SET status = 'DELETED_FROM_ORCID' WHERE doi = '10.5555/index.2'");
        localChanges.incrementAndGet();
        assertThat(index.answering()).isFalse();
        assertThat(index.links("10.5555/index.2", fromDatabase("10.5555/index.2")).getFirst().status().name())
                .isEqualTo("DELETED_FROM_ORCID");
        assertThat(databaseReads).hasValue(1);

        await(index::answering);
        assertThat(index.links("10.5555/index.2", fromDatabase("10.5555/index.2")))
                .isEqualTo(database("10.5555/index.2"));
    }

    @Test
    void aTruncateReadsEverythingAgain() {
        LinkIndex index = started(1_000);

        jdbc.execute("TRUNCATE claim");
        claim("0000-0001-0000-0002", "10.5555/index.4", "auto-update", "IN_ORCID");

        awaitAnswer(index, "10.5555/index.1", List::isEmpty);
        awaitAnswer(index, "10.5555/index.4", links -> links.size() == 1);
        assertThat(index.dois()).isEqualTo(1);
    }

    @Test
    void withMoreLinksThanKeptEveryAnswerAsksTheDatabase() throws InterruptedException {
        LinkIndex index = started(3);
        Thread.sleep(500); // time to have read and caught up, were it keeping them

        assertThat(index.answering()).isFalse();
        assertThat(index.links("10.5555/index.1", fromDatabase("10.5555/index.1")))
                .isEqualTo(database("10.5555/index.1"));
        assertThat(databaseReads).hasValue(1);
        assertThat(index.dois()).isZero();
    }

    private LinkIndex started(long maxLinks) {
        index = new LinkIndex(Links.of(DB.dataSource(), Clock.systemUTC()), claims::linksOfDois, localChanges::get,
                maxLinks);
        changes = LinkChanges.start(DB.dataSource(), localChanges::get, index);
        if (maxLinks >= 4) {
            await(index::answering);
        }
        return index;
    }

    private void claim(String orcid, String doi, String registration, String status) {
        jdbc.update("""
                INSERT INTO claim (orcid, doi, registration_id, provenance, payload_hash, status, named_as,
                                   created_at, updated_at)
                VALUES (?, ?, ?, '{AUTO_UPDATE}', 'h', ?, 'creator', ?, ?)""", orcid, doi, registration, status,
                NOW, NOW);
    }

    private List<ClaimLink> database(String doi) {
        return claims.linksOfDoi(Doi.parse(doi), false);
    }

    private Supplier<List<ClaimLink>> fromDatabase(String doi) {
        return () -> {
            databaseReads.incrementAndGet();
            return database(doi);
        };
    }

    private void awaitAnswer(LinkIndex index, String doi, java.util.function.Predicate<List<ClaimLink>> expected) {
        await(() -> expected.test(index.links(doi, fromDatabase(doi))));
        assertThat(index.links(doi, fromDatabase(doi))).isEqualTo(database(doi));
    }

    private static void await(Supplier<Boolean> condition) {
        long until = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.get()) {
            assertThat(System.nanoTime()).as("waited %s", PATIENCE).isLessThan(until);
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }
}
