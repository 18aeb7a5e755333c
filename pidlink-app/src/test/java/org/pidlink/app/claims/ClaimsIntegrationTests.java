package org.pidlink.app.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.pidlink.app.testsupport.TestDatabase;
import org.pidlink.app.testsupport.GrantedAccess;
import org.pidlink.emulator.SettableClock;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pidlink.app.orcid.CallClass;
import org.pidlink.app.push.PushSettings;
import org.pidlink.app.push.StandalonePush;
import org.pidlink.core.identifiers.Doi;
import org.pidlink.core.identifiers.OrcidId;
import org.springframework.jdbc.core.JdbcTemplate;

/** Claims against PostgreSQL, without ORCID: what gets queued, held, withdrawn and kept out. Issue 6. */
class ClaimsIntegrationTests {

    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();

    static final OrcidId JOSIAH = OrcidId.parse("0000-0002-1825-0097");
    static final OrcidId LIN = OrcidId.parse("0000-0001-5109-3700");
    static final Doi DOI = Doi.parse("10.5281/zenodo.1234");
    static final String AUTO = "auto-update";

    final SettableClock clock = SettableClock.at(Instant.parse("2026-11-21T08:00:00Z"));
    final GrantedAccess access = new GrantedAccess();
    Claims claims;
    JdbcTemplate jdbc;

    @BeforeEach
    void setUp() {
        claims = StandalonePush.create(DB.dataSource(), clock, PushSettings.defaults("test"), access).claims().claims();
        jdbc = DB.jdbc();
    }

    static WorkPayload work(String title) {
        return WorkPayload.ofCanonicalJson("{\"title\":{\"title\":{\"value\":\"" + title + "\"}},\"type\":\"data-set\","
                + "\"external-ids\":{\"external-id\":[{\"external-id-type\":\"doi\",\"external-id-value\":\""
                + DOI.value() + "\",\"external-id-relationship\":\"self\"}]}}");
    }

    @Test
    void queuesTheAdditionOfANewClaimAndSchedulesTheResearcher() {
        access.grant(JOSIAH, AUTO, "token", true);

        ClaimResult result = claims.assertClaim(JOSIAH, DOI, AUTO, Provenance.AUTO_UPDATE, work("Data"));

        assertThat(result.created()).isTrue();
        assertThat(result.queued()).isTrue();
        assertThat(result.status()).isEqualTo(ClaimStatus.QUEUED);
        ClaimView view = claims.forResearcher(JOSIAH).getFirst();
        assertThat(view.title()).isEqualTo("Data");
        assertThat(view.queuedAction()).isEqualTo(ClaimAction.ADD);
        assertThat(jdbc.queryForObject("SELECT priority FROM push_researcher WHERE orcid = ? AND due_at IS NOT NULL",
                Integer.class, JOSIAH.value())).as("a fresh DOI from intake is fresh work")
                .isEqualTo(CallClass.FRESH.ordinal());
    }

    @Test
    void theWriteProgressCountsWhatIsOnOrcidAndWhatMayBeWrittenNowButNotWhatWaitsForPermission() {
        OrcidId waiting = LIN;
        access.grant(JOSIAH, AUTO, "token", true);
        for (int n = 0; n < 3; n++) {
            claims.assertClaim(JOSIAH, Doi.parse("10.5281/zenodo.77" + n), AUTO, Provenance.AUTO_UPDATE, work("W" + n));
        }
        claims.assertClaim(waiting, DOI, AUTO, Provenance.AUTO_UPDATE, work("Held"));

        assertThat(claims.writeProgress(JOSIAH)).isEqualTo(new WriteProgress(0, 3));
        assertThat(claims.writeProgress(JOSIAH).writing()).isTrue();
        assertThat(claims.writeProgress(waiting)).as("held for permission: nothing is being written")
                .isEqualTo(new WriteProgress(0, 0));
    }

    @Test
    void keepsOneClaimPerTripleWithEverySourceThatAssertedIt() {
        access.grant(JOSIAH, AUTO, "token", true);
        claims.assertClaim(JOSIAH, DOI, AUTO, Provenance.AUTO_UPDATE, work("Data"));
        ClaimResult again = claims.assertClaim(JOSIAH, DOI, AUTO, Provenance.SEARCH_AND_LINK, work("Data"));

        assertThat(again.created()).isFalse();
        assertThat(claims.forResearcher(JOSIAH)).singleElement()
                .satisfies(c -> assertThat(c.provenance()).containsExactlyInAnyOrder(Provenance.AUTO_UPDATE,
                        Provenance.SEARCH_AND_LINK));
        claims.assertClaim(JOSIAH, DOI, "search-link", Provenance.SEARCH_AND_LINK, work("Data"));
        assertThat(claims.forResearcher(JOSIAH)).hasSize(2);
        assertThat(claims.orcidsForDoi(DOI)).containsExactly(JOSIAH);
    }

    @Test
    void registrationsSharingOneOrcidClientShareTheirClaims() {
        Claims shared = StandaloneClaims.create(DB.dataSource(), clock, access,
                (orcid, queue) -> { }, registration -> "search-link".equals(registration) ? AUTO : registration).claims();
        access.grant(JOSIAH, AUTO, "token", true);

        shared.assertClaim(JOSIAH, DOI, AUTO, Provenance.AUTO_UPDATE, work("Data"));
        shared.assertClaim(JOSIAH, DOI, "search-link", Provenance.SEARCH_AND_LINK, work("Data"));

        assertThat(shared.forResearcher(JOSIAH)).singleElement().satisfies(c -> {
            assertThat(c.registrationId()).isEqualTo(AUTO);
            assertThat(c.provenance()).containsExactlyInAnyOrder(Provenance.AUTO_UPDATE, Provenance.SEARCH_AND_LINK);
        });
        shared.withdraw(JOSIAH, DOI, "search-link", Provenance.SEARCH_AND_LINK, "unlinked");
        assertThat(shared.forResearcher(JOSIAH).getFirst().provenance()).containsExactly(Provenance.AUTO_UPDATE);
    }

    @Test
    void waitsForPermissionWhenNotConnectedOrRevokedOrAutoUpdateIsOff() {
        assertThat(claims.assertClaim(JOSIAH, DOI, AUTO, Provenance.AUTO_UPDATE, work("Data")).status())
                .isEqualTo(ClaimStatus.WAITING_FOR_PERMISSION);

        access.revoke(LIN, AUTO);
        assertThat(claims.assertClaim(LIN, DOI, AUTO, Provenance.AUTO_UPDATE, work("Data")).status())
                .isEqualTo(ClaimStatus.PERMISSION_REVOKED);

        OrcidId third = OrcidId.parse("0000-0002-9079-593X");
        access.grant(third, AUTO, "token", false);
        assertThat(claims.assertClaim(third, DOI, AUTO, Provenance.AUTO_UPDATE, work("Data")).status())
                .isEqualTo(ClaimStatus.WAITING_FOR_PERMISSION);
        // The researcher linking it themselves is consent enough, auto-update or not.
        assertThat(claims.assertClaim(third, DOI, AUTO, Provenance.SEARCH_AND_LINK, work("Data")).status())
                .isEqualTo(ClaimStatus.QUEUED);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM claim WHERE due_at IS NOT NULL", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void releasesHeldClaimsWhenPermissionIsGranted() {
        claims.assertClaim(JOSIAH, DOI, AUTO, Provenance.AUTO_UPDATE, work("Data"));
        access.grant(JOSIAH, AUTO, "token", true);

        claims.permissionsChanged(JOSIAH, AUTO);

        assertThat(claims.forResearcher(JOSIAH).getFirst().status()).isEqualTo(ClaimStatus.QUEUED);
        assertThat(jdbc.queryForObject("SELECT due_at IS NOT NULL FROM push_researcher WHERE orcid = ?",
                Boolean.class, JOSIAH.value())).isTrue();
    }

    @Test
    void writesNothingWhenThePayloadHashEqualsTheLastOneWritten() {
        access.grant(JOSIAH, AUTO, "token", true);
        long id = claims.assertClaim(JOSIAH, DOI, AUTO, Provenance.AUTO_UPDATE, work("Data")).claimId();
        markWritten(id, work("Data").canonicalHash());

        ClaimResult same = claims.assertClaim(JOSIAH, DOI, AUTO, Provenance.AUTO_UPDATE, work("Data"));
        assertThat(same.status()).isEqualTo(ClaimStatus.UNCHANGED);
        assertThat(same.queued()).isFalse();

        ClaimResult changed = claims.assertClaim(JOSIAH, DOI, AUTO, Provenance.AUTO_UPDATE, work("Data, v2"));
        assertThat(changed.queued()).isTrue();
        assertThat(claims.find(id).orElseThrow().queuedAction()).isEqualTo(ClaimAction.UPDATE);
    }

    @Test
    void withdrawingTheLastProvenanceDeletesAWrittenWorkAndForgetsAnUnwrittenOne() {
        access.grant(JOSIAH, AUTO, "token", true);
        long written = claims.assertClaim(JOSIAH, DOI, AUTO, Provenance.AUTO_UPDATE, work("Data")).claimId();
        claims.assertClaim(JOSIAH, DOI, AUTO, Provenance.IMPORT, work("Data"));
        markWritten(written, work("Data").canonicalHash());
        Doi other = Doi.parse("10.5281/zenodo.999");
        claims.assertClaim(JOSIAH, other, AUTO, Provenance.AUTO_UPDATE, work("Other"));

        claims.withdraw(JOSIAH, DOI, AUTO, Provenance.AUTO_UPDATE, "the link was removed from the metadata");
        assertThat(claims.find(written).orElseThrow().queuedAction()).isNull();

        claims.withdraw(JOSIAH, DOI, AUTO, Provenance.IMPORT, "removed from the import");
        ClaimView leaving = claims.find(written).orElseThrow();
        assertThat(leaving.queuedAction()).isEqualTo(ClaimAction.DELETE);
        assertThat(leaving.statusReason()).contains("removed from the import");

        claims.withdraw(JOSIAH, other, AUTO, Provenance.AUTO_UPDATE, "DOI no longer findable");
        assertThat(claims.forResearcher(JOSIAH)).extracting(ClaimView::doi).containsExactly(DOI.value());
    }

    @Test
    void removeAllKeepsWorksOutUntilTheResearcherPutsThemBack() {
        access.grant(JOSIAH, AUTO, "token", true);
        long id = claims.assertClaim(JOSIAH, DOI, AUTO, Provenance.AUTO_UPDATE, work("Data")).claimId();
        markWritten(id, work("Data").canonicalHash());

        assertThat(claims.removeAllFromOrcid(JOSIAH)).isEqualTo(1);
        assertThat(claims.find(id).orElseThrow().queuedAction()).isEqualTo(ClaimAction.DELETE);
        jdbc.update("UPDATE claim SET put_code = NULL, queued_action = NULL, due_at = NULL, "
                + "status = 'DELETED_FROM_ORCID' WHERE id = ?", id);

        ClaimResult reasserted = claims.assertClaim(JOSIAH, DOI, AUTO, Provenance.AUTO_UPDATE, work("Data v2"));
        assertThat(reasserted.queued()).isFalse();
        assertThat(reasserted.status()).isEqualTo(ClaimStatus.DELETED_FROM_ORCID);

        ClaimView back = claims.putBack(id);
        assertThat(back.keptOut()).isFalse();
        assertThat(back.status()).isEqualTo(ClaimStatus.QUEUED);
        assertThat(back.queuedAction()).isEqualTo(ClaimAction.ADD);
        assertThat(jdbc.queryForObject("SELECT sync_now FROM push_researcher WHERE orcid = ?", Boolean.class,
                JOSIAH.value())).isTrue();
    }

    @Test
    void syncNowBringsRetriesForwardAndPutsTheResearcherFirst() {
        access.grant(JOSIAH, AUTO, "token", true);
        long id = claims.assertClaim(JOSIAH, DOI, AUTO, Provenance.AUTO_UPDATE, work("Data")).claimId();
        jdbc.update("UPDATE claim SET status = 'FAILED_WILL_RETRY', due_at = ? WHERE id = ?",
                java.sql.Timestamp.from(clock.instant().plusSeconds(3600)), id);

        claims.syncNow(JOSIAH);

        assertThat(jdbc.queryForObject("SELECT due_at FROM claim WHERE id = ?", java.sql.Timestamp.class, id)
                .toInstant()).isEqualTo(clock.instant());
        assertThat(jdbc.queryForObject("SELECT sync_now FROM push_researcher WHERE orcid = ?", Boolean.class,
                JOSIAH.value())).isTrue();
    }

    @Test
    void putBackOfAnUnknownClaimSaysSo() {
        assertThatThrownBy(() -> claims.putBack(4711)).isInstanceOf(ClaimNotFoundException.class)
                .hasMessageContaining("4711");
        // Every status speaks to the researcher in one sentence (ResearcherViewTests renders them side by side).
        assertThat(Set.of(ClaimStatus.values())).allSatisfy(s -> assertThat(s.description()).endsWith("."));
    }

    @Test
    void refusesPayloadsThatWouldSpoilABulkRequest() {
        assertThatThrownBy(() -> WorkPayload.ofCanonicalJson("{\"title\":")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not JSON");
        assertThatThrownBy(() -> WorkPayload.ofCanonicalJson("[1]")).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> WorkPayload.ofCanonicalJson("{\"put-code\":12}")).hasMessageContaining("put-code");
    }

    private void markWritten(long id, String hash) {
        jdbc.update("UPDATE claim SET put_code = 1001, written_hash = ?, queued_action = NULL, due_at = NULL, "
                + "status = 'IN_ORCID' WHERE id = ?", hash, id);
    }
}
