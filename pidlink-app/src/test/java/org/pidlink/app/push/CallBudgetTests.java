package org.pidlink.app.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pidlink.app.push.PushFixture.AUTO;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pidlink.app.claims.ClaimStatus;
import org.pidlink.app.orcid.CallClass;
import org.pidlink.app.testsupport.TestDatabase;
import org.pidlink.core.identifiers.OrcidId;
import org.pidlink.emulator.SettableClock;
import org.pidlink.emulator.junit.OrcidEmulatorExtension;

import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

/**
 * One ORCID budget for the whole system (issue 11): classes of work are served in a fixed order, each later class
 * keeps its minimum share, and the engine serves a fresh DOI before a backfill that was due earlier. The budget's
 * buckets run on a settable clock: time passes only when the test moves it, nothing is timed.
 */
class CallBudgetTests {

    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();

    @RegisterExtension
    static final OrcidEmulatorExtension ORCID = OrcidEmulatorExtension.builder().noRateLimit().build();

    final SettableClock clock = SettableClock.at(Instant.parse("2026-12-07T08:00:00Z"));
    final String client = "APP-" + UUID.randomUUID();
    SharedRateLimiter budget;
    PushFixture fx;

    @BeforeEach
    void setUp() {
        TimeMeter time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                Instant now = clock.instant();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
        budget = new SharedRateLimiter(DB.dataSource(), clock, 24, 40, Duration.ofSeconds(1), BudgetShares.DEFAULTS,
                time, new CompositeMeterRegistry());
        fx = new PushFixture(ORCID.emulator(), DB);
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    void laterClassesLeaveHeadroomForEarlierOnesAndInteractiveTakesTheLastToken() {
        // The bucket starts full: 28 of ORCID's 40 (a 500 ms reserve for transit jitter).
        int backfill = takeAll(CallClass.BACKFILL);
        assertThat(backfill).as("a backfill leaves 4 tokens, then takes its one share token")
                .isEqualTo(28 - (int) SharedRateLimiter.BACKFILL_HEADROOM + 1);
        assertThat(takeAll(CallClass.READ)).as("reads only get their share token").isEqualTo(1);
        assertThat(takeAll(CallClass.HOUSEKEEPING)).as("housekeeping only its share token").isEqualTo(1);
        assertThat(takeAll(CallClass.FRESH)).as("fresh work gets what the later classes left").isEqualTo(1);
        assertThat(budget.tryAcquire(client, CallClass.INTERACTIVE)).as("nothing is left now").isFalse();

        clock.advance(Duration.ofMillis(260)); // 6 new tokens (and a quarter)
        assertThat(takeAll(CallClass.BACKFILL)).as("6 tokens are within a backfill's headroom").isEqualTo(2);
        assertThat(takeAll(CallClass.INTERACTIVE)).isEqualTo(4);
    }

    @Test
    void underContinuousFreshDemandEveryLaterClassStillGetsItsMinimumShare() {
        Map<CallClass, Integer> granted = new EnumMap<>(CallClass.class);
        takeAll(CallClass.FRESH);
        // Ten seconds in steps of one token (1/24 s): fresh work takes everything the minimum shares leave.
        for (int step = 0; step < 240; step++) {
            clock.advance(Duration.ofNanos(1_000_000_000L / 24));
            for (CallClass callClass : List.of(CallClass.HOUSEKEEPING, CallClass.READ, CallClass.BACKFILL,
                    CallClass.FRESH)) {
                granted.merge(callClass, takeAll(callClass), Integer::sum);
            }
        }
        // Shares: 10 % backfill, 5 % reads, 2 % housekeeping of 24/s over 10 s, the rest fresh.
        assertThat(granted.get(CallClass.BACKFILL)).isBetween(22, 26);
        assertThat(granted.get(CallClass.READ)).isBetween(11, 14);
        assertThat(granted.get(CallClass.HOUSEKEEPING)).isBetween(4, 6);
        assertThat(granted.values().stream().mapToInt(Integer::intValue).sum()).as("never more than the budget")
                .isLessThanOrEqualTo(240 + 1);
    }

    @Test
    void aFreshDoiIsWrittenBeforeABackfillThatWasDueEarlier() {
        OrcidId backfilling = fx.connectedResearcher("Backfill");
        fx.access.revoke(backfilling, AUTO);
        List<Long> waiting = new ArrayList<>();
        for (int n = 1; n <= 250; n++) {
            waiting.add(fx.claim(backfilling, n));
        }
        // She connects: her 250 existing DOIs are a backfill.
        fx.access.grant(backfilling, AUTO, fx.token(backfilling), true);
        fx.permissionsChanged(backfilling, AUTO);
        fx.clock.advance(Duration.ofSeconds(1));
        OrcidId fresh = fx.connectedResearcher("Fresh");
        long doi = fx.claim(fresh, 999);
        PushEngine engine = fx.engine("budget");

        assertThat(engine.runOnce(CallClass.FRESH)).as("a worker kept for urgent work serves the fresh DOI").isTrue();
        assertThat(fx.view(doi).status()).isEqualTo(ClaimStatus.IN_ORCID);
        assertThat(engine.runOnce(CallClass.FRESH)).as("and never starts the backfill").isFalse();
        assertThat(fx.view(waiting.getFirst()).status()).isEqualTo(ClaimStatus.QUEUED);

        engine.runDueWork();
        assertThat(waiting).allSatisfy(id -> assertThat(fx.view(id).status()).isEqualTo(ClaimStatus.IN_ORCID));
        assertThat(fx.jdbc().queryForList("SELECT DISTINCT call_class FROM orcid_call WHERE orcid = ? AND method = 'POST'",
                String.class, backfilling.value())).containsExactly("backfill");
        assertThat(fx.jdbc().queryForList("SELECT DISTINCT call_class FROM orcid_call WHERE orcid = ? AND method = 'POST'",
                String.class, fresh.value())).containsExactly("fresh");
    }

    /** Takes tokens for {@code callClass} until the budget says no; returns how many. */
    private int takeAll(CallClass callClass) {
        int taken = 0;
        while (taken < 100 && budget.tryAcquire(client, callClass)) {
            taken++;
        }
        return taken;
    }
}
