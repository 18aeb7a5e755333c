package org.pidlink.app.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pidlink.app.push.PushFixture.doi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pidlink.app.claims.ClaimAction;
import org.pidlink.app.claims.ClaimStatus;
import org.pidlink.app.claims.ClaimView;
import org.pidlink.app.testsupport.TestDatabase;
import org.pidlink.core.identifiers.OrcidId;
import org.pidlink.emulator.junit.OrcidEmulatorExtension;
import org.pidlink.emulator.traffic.Faults;

/**
 * Several engines on one database, and an engine that dies at the worst moment: no work is lost or duplicated,
 * and one write at a time is in flight per ORCID record. Issue 6.
 */
class PushClusterIntegrationTests {

    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();

    @RegisterExtension
    static final OrcidEmulatorExtension ORCID = OrcidEmulatorExtension.builder().noRateLimit().build();

    PushFixture fx;

    @BeforeEach
    void setUp() {
        fx = new PushFixture(ORCID.emulator(), DB);
    }

    @AfterEach
    void tearDown() {
        ORCID.control().faults(Faults.NONE);
        fx.close();
    }

    /** What a killed JVM looks like from inside: nothing after this point runs, no finally cleans up. */
    static final class SimulatedCrash extends Error {
        SimulatedCrash() {
            super("worker killed", null, false, false);
        }
    }

    @Test
    void aWorkerKilledAfterItsBulkPostReachedOrcidNeverPostsTwice() {
        OrcidId josiah = fx.connectedResearcher("Josiah");
        List<Long> ids = new ArrayList<>();
        for (int n = 1; n <= 5; n++) {
            ids.add(fx.claim(josiah, n));
        }
        PushEngine dying = fx.engine("instance-a");
        dying.observer((orcid, action, claimIds) -> {
            if (action == ClaimAction.ADD) {
                throw new SimulatedCrash();
            }
        });

        assertThatThrownBy(dying::runDueWork).isInstanceOf(SimulatedCrash.class);
        assertThat(fx.worksOnOrcid(josiah)).hasSize(5);
        assertThat(ids).allSatisfy(id -> assertThat(fx.view(id).putCode()).isNull());

        PushEngine survivor = fx.engine("instance-b");
        assertThat(survivor.runDueWork()).as("the dead instance's lease is still live").isZero();
        fx.clock.advance(fx.settings.lease().plusSeconds(1));
        survivor.runDueWork();

        assertThat(fx.calls("POST", "/works")).isEqualTo(1);
        assertThat(fx.calls("GET", "/works")).isEqualTo(1);
        for (int n = 1; n <= 5; n++) {
            assertThat(fx.copiesOf(josiah, doi(n))).as("copies of work %d", n).isEqualTo(1);
        }
        assertThat(ids).allSatisfy(id -> {
            ClaimView claim = fx.view(id);
            assertThat(claim.status()).isEqualTo(ClaimStatus.IN_ORCID);
            assertThat(fx.worksOnOrcid(josiah)).anySatisfy(w -> assertThat(w.putCode()).isEqualTo(claim.putCode()));
        });
    }

    @Test
    void aWorkerKilledWhileTheWorkChangedRecoversThenUpdates() {
        OrcidId josiah = fx.connectedResearcher("Josiah");
        long id = fx.claim(josiah, 1);
        PushEngine dying = fx.engine("instance-a");
        dying.observer((orcid, action, claimIds) -> {
            throw new SimulatedCrash();
        });
        assertThatThrownBy(dying::runDueWork).isInstanceOf(SimulatedCrash.class);
        fx.claims.assertClaim(josiah, doi(1), PushFixture.AUTO, org.pidlink.app.claims.Provenance.AUTO_UPDATE,
                PushFixture.work(doi(1), "Work 1, revised"));

        fx.clock.advance(fx.settings.lease().plusSeconds(1));
        fx.engine("instance-b").runDueWork();

        assertThat(fx.copiesOf(josiah, doi(1))).isEqualTo(1);
        assertThat(fx.view(id).status()).isEqualTo(ClaimStatus.IN_ORCID);
        assertThat(fx.worksOnOrcid(josiah)).singleElement()
                .satisfies(w -> assertThat(w.work().title()).isEqualTo("Work 1, revised"));
    }

    @Test
    void aRecoveryReadRefusedWith401KeepsTheCrashMarkersSoTheWorkIsStillNeverPostedTwice() {
        OrcidId josiah = fx.connectedResearcher("Josiah");
        long id = fx.claim(josiah, 1);
        PushEngine dying = fx.engine("instance-a");
        dying.observer((orcid, action, claimIds) -> {
            throw new SimulatedCrash();
        });
        assertThatThrownBy(dying::runDueWork).isInstanceOf(SimulatedCrash.class);
        ORCID.control().revoke(josiah.value(), fx.member.clientId());
        fx.clock.advance(fx.settings.lease().plusSeconds(1));
        PushEngine survivor = fx.engine("instance-b");

        survivor.runDueWork();
        assertThat(fx.view(id).status()).isEqualTo(ClaimStatus.PERMISSION_REVOKED);
        assertThat(fx.jdbc().queryForObject("SELECT post_attempted_hash IS NOT NULL FROM claim WHERE id = ?",
                Boolean.class, id)).isTrue();

        fx.access.grant(josiah, PushFixture.AUTO, fx.token(josiah), true);
        fx.permissionsChanged(josiah, PushFixture.AUTO);
        survivor.runDueWork();

        assertThat(fx.view(id).status()).isEqualTo(ClaimStatus.IN_ORCID);
        assertThat(fx.copiesOf(josiah, doi(1))).isEqualTo(1);
        assertThat(fx.calls("POST", "/works")).isEqualTo(1);
    }

    @Test
    void twoInstancesShareTheQueueWithoutDuplicatesAndOneWriteInFlightPerRecord() throws Exception {
        // A little latency so that overlapping writes would show if the leases did not prevent them.
        ORCID.control().faults(new Faults(0, List.of(500), 3, 0, null));
        List<OrcidId> researchers = new ArrayList<>();
        for (int r = 0; r < 12; r++) {
            OrcidId researcher = fx.connectedResearcher("R" + r);
            researchers.add(researcher);
            for (int n = 0; n < 25 + r * 10; n++) {
                fx.claim(researcher, n);
            }
        }
        int claims = fx.jdbc().queryForObject("SELECT count(*) FROM claim", Integer.class);
        List<PushEngine> engines = List.of(fx.engine("instance-a"), fx.engine("instance-b"));

        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                PushEngine engine = engines.get(t % 2);
                running.add(threads.submit(() -> untilNothingIsQueued(engine)));
            }
            for (Future<?> f : running) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(fx.jdbc().queryForObject("SELECT count(*) FROM claim WHERE status = 'IN_ORCID'", Integer.class))
                .isEqualTo(claims);
        for (int r = 0; r < researchers.size(); r++) {
            OrcidId researcher = researchers.get(r);
            assertThat(fx.worksOnOrcid(researcher)).hasSize(25 + r * 10);
            for (int n = 0; n < 25 + r * 10; n++) {
                assertThat(fx.copiesOf(researcher, doi(n))).isEqualTo(1);
            }
        }
        Integer overlapping = fx.jdbc().queryForObject("""
                SELECT count(*) FROM orcid_call a JOIN orcid_call b ON a.orcid = b.orcid AND a.id < b.id
                WHERE tstzrange(a.called_at, a.called_at + a.latency_ms * interval '1 millisecond')
                   && tstzrange(b.called_at, b.called_at + b.latency_ms * interval '1 millisecond')""",
                Integer.class);
        assertThat(overlapping).as("calls in flight at once for one ORCID record").isZero();
    }

    private void untilNothingIsQueued(PushEngine engine) {
        long deadline = System.nanoTime() + Duration.ofSeconds(110).toNanos();
        while (System.nanoTime() < deadline) {
            if (engine.runDueWork() == 0) {
                Integer queued = fx.jdbc().queryForObject(
                        "SELECT count(*) FROM claim WHERE queued_action IS NOT NULL", Integer.class);
                if (queued == 0) {
                    return;
                }
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        throw new AssertionError("the queue did not drain in time");
    }
}
