package org.pidlink.app.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pidlink.app.push.PushFixture.AUTO;
import static org.pidlink.app.push.PushFixture.doi;
import static org.pidlink.app.push.PushFixture.work;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pidlink.app.claims.ClaimStatus;
import org.pidlink.app.claims.ClaimView;
import org.pidlink.app.testsupport.TestDatabase;
import org.pidlink.app.claims.Provenance;
import org.pidlink.app.claims.WorkPayload;
import org.pidlink.app.claims.WriteAccess;
import org.pidlink.core.identifiers.OrcidId;
import org.pidlink.emulator.control.ClientSpec;
import org.pidlink.emulator.junit.OrcidEmulatorExtension;
import org.pidlink.emulator.traffic.Faults;
import org.pidlink.orcid.client.OrcidClient;

/**
 * The push engine against the ORCID emulator (real HTTP) and PostgreSQL, ticked synchronously with a settable
 * clock: bulk additions, updates, deletions, and every error path of issue 6 through the emulator's faults.
 */
class PushEngineIntegrationTests {

    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();

    @RegisterExtension
    static final OrcidEmulatorExtension ORCID = OrcidEmulatorExtension.builder().noRateLimit().build();

    PushFixture fx;
    PushEngine engine;

    @BeforeEach
    void setUp() {
        fx = new PushFixture(ORCID.emulator(), DB);
        engine = fx.engine("instance-a");
    }

    @AfterEach
    void tearDown() {
        ORCID.control().faults(Faults.NONE);
        fx.close();
    }

    @Test
    void addsPendingWorksOfAResearcherInOneBulkCall() {
        OrcidId josiah = fx.connectedResearcher("Josiah");
        List<Long> ids = List.of(fx.claim(josiah, 1), fx.claim(josiah, 2), fx.claim(josiah, 3));

        engine.runDueWork();

        assertThat(fx.calls("POST", "/works")).isEqualTo(1);
        assertThat(ids).allSatisfy(id -> {
            ClaimView claim = fx.view(id);
            assertThat(claim.status()).isEqualTo(ClaimStatus.IN_ORCID);
            assertThat(claim.putCode()).isNotNull();
        });
        assertThat(fx.worksOnOrcid(josiah)).hasSize(3);
        assertThat(fx.jdbc().queryForObject("SELECT claim_ids FROM orcid_call WHERE method = 'POST'",
                java.sql.Array.class)).isNotNull();
    }

    @Test
    void writesNothingWhenUnchangedAndPutsWhenThePayloadChanges() {
        OrcidId josiah = fx.connectedResearcher("Josiah");
        long id = fx.claim(josiah, 1);
        engine.runDueWork();

        fx.claims.assertClaim(josiah, doi(1), AUTO, Provenance.AUTO_UPDATE, work(doi(1), "Work 1"));
        engine.runDueWork();
        assertThat(fx.view(id).status()).isEqualTo(ClaimStatus.UNCHANGED);
        assertThat(fx.calls("PUT", "/work/" + fx.view(id).putCode())).isZero();

        fx.claims.assertClaim(josiah, doi(1), AUTO, Provenance.AUTO_UPDATE, work(doi(1), "Work 1, revised"));
        engine.runDueWork();

        assertThat(fx.calls("PUT", "/work/" + fx.view(id).putCode())).isEqualTo(1);
        assertThat(fx.view(id).status()).isEqualTo(ClaimStatus.IN_ORCID);
        assertThat(fx.worksOnOrcid(josiah)).singleElement()
                .satisfies(w -> assertThat(w.work().title()).isEqualTo("Work 1, revised"));
    }

    @Test
    void deletesTheWorkWhenTheClaimStopsQualifying() {
        OrcidId josiah = fx.connectedResearcher("Josiah");
        long id = fx.claim(josiah, 1);
        engine.runDueWork();

        fx.claims.withdraw(josiah, doi(1), AUTO, Provenance.AUTO_UPDATE, "the DOI is no longer findable");
        engine.runDueWork();

        assertThat(fx.view(id).status()).isEqualTo(ClaimStatus.DELETED_FROM_ORCID);
        assertThat(fx.view(id).putCode()).isNull();
        assertThat(fx.worksOnOrcid(josiah)).isEmpty();
    }

    @Test
    void removesAllOfAResearchersWorksOnRequest() {
        OrcidId josiah = fx.connectedResearcher("Josiah");
        fx.claim(josiah, 1);
        fx.claim(josiah, 2);
        engine.runDueWork();
        assertThat(fx.worksOnOrcid(josiah)).hasSize(2);

        fx.claims.removeAllFromOrcid(josiah);
        engine.runDueWork();

        assertThat(fx.worksOnOrcid(josiah)).isEmpty();
        assertThat(fx.claims.forResearcher(josiah)).allSatisfy(c -> {
            assertThat(c.status()).isEqualTo(ClaimStatus.DELETED_FROM_ORCID);
            assertThat(c.keptOut()).isTrue();
        });
    }

    @Test
    void drainingOneResearcherRemovesHerWorksAtOnceAndSaysWhenSomethingIsLeft() {
        OrcidId josiah = fx.connectedResearcher("Josiah");
        OrcidId other = fx.connectedResearcher("Other");
        fx.claim(josiah, 1);
        fx.claim(josiah, 2);
        long others = fx.claim(other, 3);
        engine.runDueWork();

        fx.claims.removeAllFromOrcid(josiah);
        fx.claim(other, 4);
        assertThat(engine.drain(josiah, Duration.ofSeconds(30))).isTrue();

        assertThat(fx.worksOnOrcid(josiah)).isEmpty();
        assertThat(fx.view(others).status()).isEqualTo(ClaimStatus.IN_ORCID);
        assertThat(fx.worksOnOrcid(other)).as("only her queue was drained").hasSize(1);

        fx.claims.assertClaim(josiah, doi(5), AUTO, Provenance.SEARCH_AND_LINK, work(doi(5), "Work 5"));
        ORCID.control().faults(new Faults(1.0, List.of(500), 0, 0, 7L));
        assertThat(engine.drain(josiah, Duration.ofSeconds(30))).isFalse();
    }

    @Test
    void a401WithoutOrcidsWordIsRetriedAndRevokesNothing() {
        OrcidId ines = fx.connectedResearcher("Ines");
        long id = fx.claim(ines, 1);
        // A proxy or ORCID's edge answers 401 with an HTML page: not ORCID saying the token is invalid.
        ORCID.control().faults(new Faults(1.0, List.of(401), 0, 0, 7L, Faults.ErrorBody.HTML));

        engine.runDueWork();

        assertThat(fx.view(id).status()).isEqualTo(ClaimStatus.FAILED_WILL_RETRY);
        assertThat(fx.view(id).statusReason()).contains("401");
        assertThat(fx.access.find(ines, AUTO)).as("nothing revoked").isInstanceOf(WriteAccess.Granted.class);

        ORCID.control().faults(Faults.NONE);
        fx.claims.retry(id);
        engine.runDueWork();
        assertThat(fx.view(id).status()).isEqualTo(ClaimStatus.IN_ORCID);
        assertThat(fx.copiesOf(ines, doi(1))).isEqualTo(1);
    }

    @Test
    void a401PausesTheResearcherAndMakesNoFurtherCallsWithThatToken() {
        OrcidId josiah = fx.connectedResearcher("Josiah");
        long first = fx.claim(josiah, 1);
        ORCID.control().revoke(josiah.value(), fx.member.clientId());

        engine.runDueWork();
        long second = fx.claim(josiah, 2);
        engine.runDueWork();

        assertThat(fx.view(first).status()).isEqualTo(ClaimStatus.PERMISSION_REVOKED);
        assertThat(fx.view(second).status()).isEqualTo(ClaimStatus.PERMISSION_REVOKED);
        assertThat(fx.access.find(josiah, AUTO)).isInstanceOf(WriteAccess.Revoked.class);
        assertThat(fx.calls("POST", "/works")).isEqualTo(1);

        // She grants permission again: the paused claims are written.
        fx.access.grant(josiah, AUTO, fx.token(josiah), true);
        fx.permissionsChanged(josiah, AUTO);
        engine.runDueWork();
        assertThat(fx.view(first).status()).isEqualTo(ClaimStatus.IN_ORCID);
        assertThat(fx.view(second).status()).isEqualTo(ClaimStatus.IN_ORCID);
    }

    @Test
    void a404OnPutMeansTheResearcherRemovedItAndItStaysRemovedUntilPutBack() {
        OrcidId josiah = fx.connectedResearcher("Josiah");
        long id = fx.claim(josiah, 1);
        engine.runDueWork();
        ORCID.control().deleteWork(josiah.value(), fx.view(id).putCode());

        fx.claims.assertClaim(josiah, doi(1), AUTO, Provenance.AUTO_UPDATE, work(doi(1), "Work 1, revised"));
        engine.runDueWork();

        ClaimView removed = fx.view(id);
        assertThat(removed.status()).isEqualTo(ClaimStatus.REMOVED_BY_RESEARCHER);
        assertThat(removed.orcidMessage()).contains("404");
        fx.claims.assertClaim(josiah, doi(1), AUTO, Provenance.AUTO_UPDATE, work(doi(1), "Work 1, third"));
        engine.runDueWork();
        assertThat(fx.worksOnOrcid(josiah)).isEmpty();

        fx.claims.putBack(id);
        engine.runDueWork();
        assertThat(fx.view(id).status()).isEqualTo(ClaimStatus.IN_ORCID);
        assertThat(fx.copiesOf(josiah, doi(1))).isEqualTo(1);
    }

    @Test
    void a404OnDeleteIsRecordedAsRemovedByTheResearcher() {
        OrcidId josiah = fx.connectedResearcher("Josiah");
        long id = fx.claim(josiah, 1);
        engine.runDueWork();
        ORCID.control().deleteWork(josiah.value(), fx.view(id).putCode());

        fx.claims.withdraw(josiah, doi(1), AUTO, Provenance.AUTO_UPDATE, "link removed");
        engine.runDueWork();

        assertThat(fx.view(id).status()).isEqualTo(ClaimStatus.REMOVED_BY_RESEARCHER);
        assertThat(fx.calls("DELETE", "/work/%")).isEqualTo(1);
    }

    @Test
    void a409DuplicateAdoptsThePutCodeNamedByOrcidAndUpdates() {
        OrcidId josiah = fx.connectedResearcher("Josiah");
        // The work is on the record already, written by our client, but pidlink has no claim for it (lost state).
        long existing = fx.orcid.works().createWork(josiah, fx.token(josiah), work(doi(1), "Old title").json())
                .orElseThrow();
        long id = fx.claim(josiah, 1);

        engine.runDueWork();

        assertThat(fx.view(id).putCode()).isEqualTo(existing);
        assertThat(fx.view(id).status()).isEqualTo(ClaimStatus.IN_ORCID);
        assertThat(fx.copiesOf(josiah, doi(1))).isEqualTo(1);
        assertThat(fx.worksOnOrcid(josiah)).singleElement()
                .satisfies(w -> assertThat(w.work().title()).isEqualTo("Work 1"));
    }

    @Test
    void a400FailsPermanentlyWithOrcidsMessage() {
        OrcidId josiah = fx.connectedResearcher("Josiah");
        long good = fx.claim(josiah, 1);
        long bad = fx.claims.assertClaim(josiah, doi(2), AUTO, Provenance.AUTO_UPDATE, WorkPayload.ofCanonicalJson(
                "{\"type\":\"data-set\",\"external-ids\":{\"external-id\":[{\"external-id-type\":\"doi\","
                        + "\"external-id-value\":\"" + doi(2) + "\",\"external-id-relationship\":\"self\"}]}}"))
                .claimId();

        engine.runDueWork();

        assertThat(fx.view(good).status()).isEqualTo(ClaimStatus.IN_ORCID);
        ClaimView failed = fx.view(bad);
        assertThat(failed.status()).isEqualTo(ClaimStatus.FAILED_PERMANENTLY);
        assertThat(failed.orcidMessage()).isNotBlank();
        assertThat(fx.calls("POST", "/works")).isEqualTo(1);
    }

    @Test
    void a403NotOursFailsPermanently() {
        OrcidId josiah = fx.connectedResearcher("Josiah");
        var other = ORCID.control().createClient(ClientSpec.member("another member"));
        OrcidClient otherClient = fx.client(other);
        String otherToken = ORCID.control().token(josiah.value(), other.clientId(), PushFixture.SCOPES).accessToken();
        long theirs = otherClient.works().createWork(josiah, otherToken, work(doi(1), "Theirs").json()).orElseThrow();
        long id = fx.claim(josiah, 1);
        engine.runDueWork();
        // Our put-code got mixed up with another source's work (and ours is gone, so no duplicate hides the 403).
        ORCID.control().deleteWork(josiah.value(), fx.view(id).putCode());
        fx.jdbc().update("UPDATE claim SET put_code = ? WHERE id = ?", theirs, id);
        fx.claims.assertClaim(josiah, doi(1), AUTO, Provenance.AUTO_UPDATE, work(doi(1), "Work 1, revised"));

        engine.runDueWork();

        ClaimView claim = fx.view(id);
        assertThat(claim.status()).isEqualTo(ClaimStatus.FAILED_PERMANENTLY);
        assertThat(claim.statusReason()).contains("not pidlink's");
        assertThat(ORCID.control().works(josiah.value())).anySatisfy(w -> assertThat(w.work().title()).isEqualTo("Theirs"));
    }

    @Test
    void a409ForADeactivatedRecordStopsEverythingForThatRecord() {
        OrcidId josiah = fx.connectedResearcher("Josiah");
        long first = fx.claim(josiah, 1);
        long second = fx.claim(josiah, 2);
        ORCID.control().setState(josiah.value(), "deactivated", null);

        engine.runDueWork();

        assertThat(List.of(fx.view(first), fx.view(second))).allSatisfy(c -> {
            assertThat(c.status()).isEqualTo(ClaimStatus.FAILED_PERMANENTLY);
            assertThat(c.statusReason()).contains("deactivated");
        });
        assertThat(fx.calls("POST", "/works")).isEqualTo(1);
    }

    @Test
    void serverErrorsAreRetriedWithBackoffThenFailPermanentlyWithAnAdminRetry() {
        OrcidId josiah = fx.connectedResearcher("Josiah");
        long id = fx.claim(josiah, 1);
        ORCID.control().faults(new Faults(1.0, List.of(500, 502), 0, 0, 7L));

        engine.runDueWork();
        ClaimView retrying = fx.view(id);
        assertThat(retrying.status()).isEqualTo(ClaimStatus.FAILED_WILL_RETRY);
        assertThat(retrying.attempts()).isEqualTo(1);
        assertThat(retrying.nextAttemptAt()).isAfter(fx.clock.instant());
        // Not due yet: nothing happens.
        assertThat(engine.runDueWork()).isZero();

        for (int attempt = 2; attempt <= fx.settings.maxAttempts(); attempt++) {
            fx.clock.set(fx.view(id).nextAttemptAt());
            engine.runDueWork();
        }
        ClaimView failed = fx.view(id);
        assertThat(failed.status()).isEqualTo(ClaimStatus.FAILED_PERMANENTLY);
        assertThat(failed.statusReason()).contains("gave up after " + fx.settings.maxAttempts() + " attempts");

        ORCID.control().faults(Faults.NONE);
        fx.claims.retry(id);
        engine.runDueWork();
        assertThat(fx.view(id).status()).isEqualTo(ClaimStatus.IN_ORCID);
        assertThat(fx.copiesOf(josiah, doi(1))).isEqualTo(1);
    }

    @Test
    void backoffGrowsWithEachAttempt() {
        OrcidId josiah = fx.connectedResearcher("Josiah");
        long id = fx.claim(josiah, 1);
        ORCID.control().faults(new Faults(1.0, List.of(500), 0, 0, 7L));
        Duration previous = Duration.ZERO;
        for (int attempt = 1; attempt <= 4; attempt++) {
            engine.runDueWork();
            Duration wait = Duration.between(fx.clock.instant(), fx.view(id).nextAttemptAt());
            assertThat(wait).isGreaterThanOrEqualTo(fx.settings.backoffBase().multipliedBy(1L << (attempt - 1)).dividedBy(2));
            assertThat(wait).isGreaterThan(previous.dividedBy(2));
            previous = wait;
            fx.clock.set(fx.view(id).nextAttemptAt());
        }
    }

    @Test
    void a503SlowsEveryoneDownAndTheCallIsRetried() {
        OrcidId josiah = fx.connectedResearcher("Josiah");
        long id = fx.claim(josiah, 1);
        ORCID.control().faults(new Faults(1.0, List.of(503), 0, 0, 7L));

        engine.runDueWork();

        assertThat(fx.rateLimiter.http503(fx.member.clientId())).isEqualTo(fx.settings.rateLimitedRetries() + 1L);
        assertThat(fx.calls("POST", "/works")).isEqualTo(fx.settings.rateLimitedRetries() + 1);
        assertThat(fx.jdbc().queryForObject("SELECT cool_off_until FROM push_client", Timestamp.class).toInstant())
                .isAfter(fx.clock.instant());
        assertThat(fx.view(id).status()).isEqualTo(ClaimStatus.FAILED_WILL_RETRY);

        ORCID.control().faults(Faults.NONE);
        fx.clock.set(fx.view(id).nextAttemptAt());
        engine.runDueWork();
        assertThat(fx.view(id).status()).isEqualTo(ClaimStatus.IN_ORCID);
        assertThat(fx.copiesOf(josiah, doi(1))).isEqualTo(1);
    }

    @Test
    void aDroppedConnectionDuringAPostIsRecoveredByReadingTheRecordBeforeRetrying() {
        OrcidId josiah = fx.connectedResearcher("Josiah");
        long id = fx.claim(josiah, 1);
        ORCID.control().faults(new Faults(0, List.of(500), 0, 1.0, 7L));

        engine.runDueWork();
        assertThat(fx.view(id).status()).isEqualTo(ClaimStatus.FAILED_WILL_RETRY);
        assertThat(fx.jdbc().queryForObject("SELECT post_attempted_hash IS NOT NULL FROM claim WHERE id = ?",
                Boolean.class, id)).isTrue();

        ORCID.control().faults(Faults.NONE);
        fx.clock.set(fx.view(id).nextAttemptAt());
        engine.runDueWork();

        assertThat(fx.calls("GET", "/works")).isEqualTo(1);
        assertThat(fx.view(id).status()).isEqualTo(ClaimStatus.IN_ORCID);
        assertThat(fx.copiesOf(josiah, doi(1))).isEqualTo(1);
    }

    @Test
    void aTimedOutPostThatOrcidCarriedOutAnywayIsFoundByTheRecoveryRead() {
        OrcidId josiah = fx.connectedResearcher("Josiah");
        long id = fx.claim(josiah, 1);
        // ORCID is slow: it stores the work, but only after pidlink stopped waiting.
        ORCID.control().faults(new Faults(0, List.of(500), 700, 0, 7L));

        fx.engineWithTimeout("impatient", Duration.ofMillis(200)).runDueWork();
        ClaimView timedOut = fx.view(id);
        assertThat(timedOut.status()).isEqualTo(ClaimStatus.FAILED_WILL_RETRY);
        assertThat(timedOut.statusReason()).contains("did not answer in time");

        ORCID.control().faults(Faults.NONE);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (fx.worksOnOrcid(josiah).isEmpty() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
        assertThat(fx.worksOnOrcid(josiah)).as("ORCID carried out the POST after the timeout").hasSize(1);
        fx.clock.set(timedOut.nextAttemptAt());
        engine.runDueWork();

        assertThat(fx.view(id).status()).isEqualTo(ClaimStatus.IN_ORCID);
        assertThat(fx.copiesOf(josiah, doi(1))).isEqualTo(1);
        assertThat(fx.calls("POST", "/works")).isEqualTo(1);
        assertThat(fx.calls("GET", "/works")).isEqualTo(1);
    }

    @Test
    void waitsForAutoUpdateAndBackfillsWhenTheResearcherTurnsItOn() {
        OrcidId lin = new OrcidId(ORCID.control().createResearcher(
                org.pidlink.emulator.control.ResearcherSpec.of("Lin", "Tester")).orcid());
        String token = fx.token(lin);
        fx.access.grant(lin, AUTO, token, false);
        long id = fx.claim(lin, 1);
        engine.runDueWork();
        assertThat(fx.view(id).status()).isEqualTo(ClaimStatus.WAITING_FOR_PERMISSION);
        assertThat(fx.worksOnOrcid(lin)).isEmpty();

        fx.access.grant(lin, AUTO, token, true);
        fx.permissionsChanged(lin, null);
        engine.runDueWork();

        assertThat(fx.view(id).status()).isEqualTo(ClaimStatus.IN_ORCID);
    }

    @Test
    void deletionsComeBeforeUpdatesAndAdditionsForOneResearcher() {
        OrcidId josiah = fx.connectedResearcher("Josiah");
        fx.claim(josiah, 1);
        fx.claim(josiah, 2);
        engine.runDueWork();
        fx.claims.assertClaim(josiah, doi(1), AUTO, Provenance.AUTO_UPDATE, work(doi(1), "Work 1, revised"));
        fx.claim(josiah, 3);
        fx.claims.withdraw(josiah, doi(2), AUTO, Provenance.AUTO_UPDATE, "gone");

        engine.runDueWork();

        List<String> methods = fx.jdbc().queryForList(
                "SELECT method FROM orcid_call WHERE id > (SELECT min(id) FROM orcid_call) ORDER BY id", String.class);
        assertThat(methods).containsExactly("DELETE", "POST", "PUT");
    }

    @Test
    void servesResearchersFairlyRoundRobin() {
        OrcidId busy = fx.connectedResearcher("Busy");
        for (int n = 0; n < 250; n++) {
            fx.claim(busy, n);
        }
        OrcidId quiet = fx.connectedResearcher("Quiet");
        fx.claim(quiet, 1000);

        engine.runDueWork();

        List<String> order = fx.jdbc().queryForList("SELECT orcid FROM orcid_call ORDER BY id", String.class);
        assertThat(order).hasSize(4);
        assertThat(order.subList(0, 2)).contains(quiet.value());
        assertThat(fx.worksOnOrcid(busy)).hasSize(250);
    }

    @Test
    void syncNowServesTheResearcherFirst() {
        OrcidId first = fx.connectedResearcher("First");
        fx.claim(first, 1);
        OrcidId second = fx.connectedResearcher("Second");
        fx.claim(second, 2);

        fx.claims.syncNow(second);
        engine.runOnce();

        assertThat(fx.jdbc().queryForObject("SELECT orcid FROM orcid_call ORDER BY id LIMIT 1", String.class))
                .isEqualTo(second.value());
    }
}
