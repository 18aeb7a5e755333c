package org.pidlink.app.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.pidlink.app.intake.api.ApiKeys;
import org.pidlink.app.orcid.EmbeddedOrcid;
import org.pidlink.app.orcid.OrcidRegistrations;
import org.pidlink.app.testsupport.ConnectedResearchers;
import org.pidlink.app.testsupport.ConnectedResearchers.Person;
import org.pidlink.app.testsupport.DoiMetadata;
import org.pidlink.app.testsupport.Eventually;
import org.pidlink.app.testsupport.Http;
import org.pidlink.app.testsupport.OrcidRecords;
import org.pidlink.app.testsupport.PidlinkSpringTest;
import org.pidlink.core.identifiers.Doi;
import org.pidlink.core.identifiers.OrcidId;
import org.pidlink.emulator.state.StoredWork;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.util.HtmlUtils;

/**
 * What a researcher sees on her profile is true (issue 14): the access level and "Sync now" say what pidlink
 * does, "Remove all my works" counts what ORCID still holds, one row per DOI, and every status has one sentence,
 * all rendered side by side here (and written to {@code target/claim-states.html} for review).
 */
@PidlinkSpringTest
class ResearcherViewTests {

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedOrcid orcid;

    @Autowired
    Claims claims;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aWorkHeldWhileReadOnlyIsWrittenWhenSheChoosesReadAndWriteAndSyncNowSaysWhatWaits() {
        ConnectedResearchers people = new ConnectedResearchers(port, orcid);
        Person rita = people.newResearcher("Rita", "Readonly");
        people.connect(rita, true);
        saveSettings(people, rita, "READ_ONLY");
        Doi doi = newDoi();
        postMetadata(doi, "Held while read only", rita.orcid());
        Eventually.eventually(() -> assertThat(claimOf(rita.orcid(), doi).status())
                .isEqualTo(ClaimStatus.WAITING_FOR_PERMISSION));
        assertThat(claimOf(rita.orcid(), doi).statusReason()).contains("Read only");

        HttpResponse<String> synced = people.submit(rita, people.page(rita, "/profile"), "/claims/sync-now", Map.of());
        assertThat(text(synced)).contains("Nothing is waiting to be written to your ORCID record. 1 change waits: you"
                + " chose \"Read only\" in your settings");
        assertThat(text(synced)).doesNotContain("being written to ORCID now");
        assertThat(worksWithDoi(rita.orcid(), doi)).isEmpty();

        saveSettings(people, rita, "READ_WRITE");

        Eventually.eventually(() -> assertThat(worksWithDoi(rita.orcid(), doi)).hasSize(1));
        Eventually.eventually(() -> assertThat(claimOf(rita.orcid(), doi).status()).isEqualTo(ClaimStatus.IN_ORCID));
    }

    @Test
    void anExcludedWorkLeavesOrcidAndComesBackWhenIncludedAgain() {
        ConnectedResearchers people = new ConnectedResearchers(port, orcid);
        Person eva = people.newResearcher("Eva", "Excluder");
        people.connect(eva, true);
        Doi doi = newDoi();
        postMetadata(doi, "A version she does not want", eva.orcid());
        Eventually.eventually(() -> assertThat(claimOf(eva.orcid(), doi).status()).isEqualTo(ClaimStatus.IN_ORCID));
        long id = claimOf(eva.orcid(), doi).id();

        HttpResponse<String> excluded = people.submit(eva, people.page(eva, "/profile"), "/claims/" + id + "/exclude",
                Map.of());
        assertThat(text(excluded)).contains("Excluded " + doi.value() + ": pidlink removes it from your ORCID record");
        Eventually.eventually(() -> assertThat(worksWithDoi(eva.orcid(), doi)).isEmpty());
        Eventually.eventually(() -> assertThat(claimOf(eva.orcid(), doi).status())
                .isEqualTo(ClaimStatus.DELETED_FROM_ORCID));
        // Arriving again changes nothing: she excluded it.
        postMetadata(doi, "A version she does not want, updated", eva.orcid());
        Eventually.eventually(() -> assertThat(claimOf(eva.orcid(), doi).title())
                .isEqualTo("A version she does not want, updated"));
        assertThat(worksWithDoi(eva.orcid(), doi)).isEmpty();
        assertThat(text(people.page(eva, "/profile"))).contains("Include again");

        people.submit(eva, people.page(eva, "/profile"), "/claims/" + id + "/put-back", Map.of());
        Eventually.eventually(() -> assertThat(worksWithDoi(eva.orcid(), doi)).hasSize(1));
    }

    @Test
    void removeAllWhileDisconnectedCountsTheWorksOrcidStillHolds() {
        ConnectedResearchers people = new ConnectedResearchers(port, orcid);
        Person dora = people.newResearcher("Dora", "Disconnected");
        people.connect(dora, true);
        Doi first = newDoi();
        Doi second = newDoi();
        postMetadata(first, "First kept work", dora.orcid());
        postMetadata(second, "Second kept work", dora.orcid());
        Eventually.eventually(() -> assertThat(claimOf(dora.orcid(), first).status()).isEqualTo(ClaimStatus.IN_ORCID));
        Eventually.eventually(() -> assertThat(claimOf(dora.orcid(), second).status()).isEqualTo(ClaimStatus.IN_ORCID));
        people.submit(dora, people.page(dora, "/settings"), "/settings/disconnect",
                Map.of("removeWorks", "false", "confirmed", "true"));

        HttpResponse<String> unconfirmed = people.submit(dora, people.page(dora, "/profile"), "/claims/remove-all",
                Map.of());
        assertThat(text(unconfirmed)).contains("Nothing was removed");
        HttpResponse<String> profile = people.submit(dora, people.page(dora, "/profile"), "/claims/remove-all",
                Map.of("confirmed", "true"));

        String page = text(profile);
        assertThat(worksWithDoi(dora.orcid(), first)).hasSize(1);
        assertThat(worksWithDoi(dora.orcid(), second)).hasSize(1);
        assertThat(page).contains("pidlink knows 2 works of yours and has put 2 of them on your ORCID record")
                .contains("pidlink removes it from your ORCID record as soon as you allow pidlink to change your record.")
                .contains("pidlink may not change your ORCID record yet: you have not granted it permission.")
                .doesNotContain("had not been written").doesNotContain("to be deleted")
                .doesNotContain("0 of 2");
    }

    @Test
    void aDoiClaimedThroughBothClientsIsOneRowSayingWhichIsWhich() {
        OrcidId researcher = new OrcidId(orcid.emulator().control()
                .createResearcher(org.pidlink.emulator.control.ResearcherSpec.of("Two", "Clients")).orcid());
        Doi doi = newDoi();
        WorkPayload work = WorkPayload.ofCanonicalJson("{\"title\":{\"title\":{\"value\":\"Twice claimed\"}},"
                + "\"type\":\"data-set\",\"external-ids\":{\"external-id\":[{\"external-id-type\":\"doi\","
                + "\"external-id-value\":\"" + doi.value() + "\",\"external-id-relationship\":\"self\"}]}}");
        long auto = claims.assertClaim(researcher, doi, OrcidRegistrations.AUTO_UPDATE, Provenance.AUTO_UPDATE, work)
                .claimId();
        claims.assertClaim(researcher, doi, OrcidRegistrations.SEARCH_LINK, Provenance.SEARCH_AND_LINK, work);
        jdbc.update("UPDATE claim SET put_code = 77, status = 'IN_ORCID', queued_action = NULL, due_at = NULL,"
                + " status_reason = NULL WHERE id = ?", auto);

        ClaimsPage page = claims.page(researcher, 1, 50, r -> r.equals(OrcidRegistrations.AUTO_UPDATE)
                ? "pidlink's auto-update client" : "pidlink's search & link client");

        assertThat(page.works()).isEqualTo(1);
        assertThat(page.onOrcid()).isEqualTo(1);
        assertThat(page.rows()).singleElement().satisfies(row -> {
            assertThat(row.claims()).hasSize(2);
            assertThat(row.onOrcid()).isEqualTo("Yes, added by pidlink's auto-update client.");
            assertThat(row.next()).startsWith("Pidlink's auto-update client: The work is on your ORCID record.")
                    .contains("Pidlink's search & link client: pidlink adds it to your ORCID record as soon as you allow it.");
        });
    }

    @Test
    void everyStatusHasOneSentenceAndTheProfileShowsThemSideBySide() throws IOException {
        ConnectedResearchers people = new ConnectedResearchers(port, orcid);
        Person sam = people.newResearcher("Sam", "Statuses");
        people.signIn(sam);
        for (ClaimStatus status : ClaimStatus.values()) {
            Doi doi = newDoi();
            long id = claims.assertClaim(sam.orcid(), doi, OrcidRegistrations.AUTO_UPDATE, Provenance.AUTO_UPDATE,
                    WorkPayload.ofCanonicalJson("{\"title\":{\"title\":{\"value\":\"Work " + status.name() + "\"}},"
                            + "\"type\":\"data-set\"}")).claimId();
            jdbc.update("UPDATE claim SET status = ?, queued_action = NULL, due_at = NULL, status_reason = NULL"
                    + " WHERE id = ?", status.name(), id);
        }

        HttpResponse<String> profile = people.page(sam, "/profile");
        assertThat(profile.statusCode()).isEqualTo(200);
        String page = text(profile);
        List<String> sentences = Arrays.stream(ClaimStatus.values()).map(ClaimStatus::description).toList();
        assertThat(sentences).doesNotHaveDuplicates();
        for (ClaimStatus status : ClaimStatus.values()) {
            assertThat(page).as(status.name()).contains("Work " + status.name()).contains(status.label())
                    .contains(status.description());
            assertThat(status.description()).as(status.name()).endsWith(".").doesNotContain("the researcher");
        }
        assertThat(page).doesNotContain("Your works\n").doesNotContain("to be deleted");
        Path review = Path.of("target", "claim-states.html");
        Files.createDirectories(review.getParent());
        Files.writeString(review, profile.body());
    }

    private void saveSettings(ConnectedResearchers people, Person person, String accessLevel) {
        HttpResponse<String> saved = people.submit(person, people.page(person, "/settings"), "/settings",
                Map.of("autoUpdate", "true", "accessLevel", accessLevel, "publicProfile", "false"));
        assertThat(saved.body()).contains("Your settings are saved.");
    }

    /** Her claim on the DOI; fails (and {@code eventually} retries) while the intake has not made it yet. */
    private ClaimView claimOf(OrcidId researcher, Doi doi) {
        List<ClaimView> found = claims.forResearcher(researcher, List.of(doi));
        assertThat(found).as("a claim of " + researcher + " on " + doi).isNotEmpty();
        return found.getFirst();
    }

    private List<StoredWork> worksWithDoi(OrcidId researcher, Doi doi) {
        return OrcidRecords.worksWithDoi(orcid, researcher, doi.value());
    }

    private void postMetadata(Doi doi, String title, OrcidId creator) {
        DoiMetadata.dataset(doi, title).creator("Creator, A", creator)
                .postAccepted(new Http(port), apiKeys.create("tests", null, "test").key());
    }

    /** The page's text as she reads it: tags dropped, entities decoded, white space folded. */
    static String text(HttpResponse<String> page) {
        return HtmlUtils.htmlUnescape(page.body().replaceAll("(?s)<script.*?</script>", "")
                .replaceAll("<[^>]+>", " ")).replaceAll("\\s+", " ");
    }

    private static Doi newDoi() {
        return new Doi("10.5555/view-" + UUID.randomUUID());
    }
}
