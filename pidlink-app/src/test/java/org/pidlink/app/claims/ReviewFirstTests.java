package org.pidlink.app.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.pidlink.app.intake.api.ApiKeys;
import org.pidlink.app.orcid.EmbeddedOrcid;
import org.pidlink.app.testsupport.ConnectedResearchers;
import org.pidlink.app.testsupport.ConnectedResearchers.Person;
import org.pidlink.app.testsupport.DoiMetadata;
import org.pidlink.app.testsupport.Eventually;
import org.pidlink.app.testsupport.Http;
import org.pidlink.app.testsupport.OrcidRecords;
import org.pidlink.app.testsupport.PidlinkSpringTest;
import org.pidlink.core.identifiers.Doi;
import org.pidlink.core.identifiers.OrcidId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Review first (issue 14), through the intake, the pages and the push engine against the emulator: nothing is
 * written until she approves; a dismissed DOI is not proposed again when it arrives with new metadata, until she
 * brings it back; back to automatic, what waited is written.
 */
@PidlinkSpringTest
class ReviewFirstTests {

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedOrcid orcid;

    @Autowired
    Claims claims;

    @Autowired
    ApiKeys apiKeys;

    @Test
    void reviewFirstWritesNothingUntilSheApprovesAndADismissedDoiIsNeverProposedAgain() {
        ConnectedResearchers people = new ConnectedResearchers(port, orcid);
        Person vera = people.newResearcher("Vera", "Reviewer");
        people.connect(vera, true);
        HttpResponse<String> saved = people.submit(vera, people.page(vera, "/profile"), "/claims/write-mode",
                Map.of("reviewFirst", "true"));
        assertThat(ResearcherViewTests.text(saved)).contains("Review first: pidlink adds the works it finds in DOI"
                + " metadata only after you approve them.");
        Doi approved = newDoi();
        Doi dismissed = newDoi();
        Doi waiting = newDoi();
        post(approved, "Approved work", vera.orcid());
        post(dismissed, "Dismissed work", vera.orcid());
        post(waiting, "Waiting work", vera.orcid());
        Eventually.eventually(() -> assertThat(claims.awaitingReview(vera.orcid(), 1, 20).total()).isEqualTo(3));

        HttpResponse<String> profile = people.page(vera, "/profile");
        // The type follows the administrators' type mapping, which other tests change: whatever it is, it is shown.
        String type = claims.awaitingReview(vera.orcid(), 1, 20).items().getFirst().type();
        assertThat(type).isNotBlank();
        assertThat(ResearcherViewTests.text(profile)).contains("3 works await your review, newest first.")
                .contains("its DOI metadata names your iD").contains(type);
        assertThat(claims.awaitingReview(vera.orcid(), 1, 20).items()).extracting(i -> i.claim().doi())
                .containsExactly(waiting.value(), dismissed.value(), approved.value());
        assertThat(orcid.emulator().control().works(vera.orcid().value())).isEmpty();

        people.submit(vera, profile, "/claims/review/approve", Map.of("claimId", Long.toString(idOf(vera, approved))));
        HttpResponse<String> afterDismiss = people.submit(vera, profile, "/claims/review/dismiss",
                Map.of("claimId", Long.toString(idOf(vera, dismissed))));
        assertThat(ResearcherViewTests.text(afterDismiss)).contains("Dismissed: pidlink will not propose this work again")
                .contains("Bring it back");

        Eventually.eventually(() -> assertThat(OrcidRecords.worksWithDoi(orcid, vera.orcid(), approved.value()))
                .hasSize(1));
        assertThat(claimOf(vera, dismissed).status()).isEqualTo(ClaimStatus.DISMISSED);
        assertThat(claimOf(vera, waiting).status()).isEqualTo(ClaimStatus.AWAITING_REVIEW);

        // The dismissed DOI arrives again with new metadata: it is not proposed again.
        post(dismissed, "Dismissed work, second version", vera.orcid());
        Eventually.eventually(() -> assertThat(claimOf(vera, dismissed).title()).isEqualTo("Dismissed work, second version"));
        assertThat(claimOf(vera, dismissed).status()).isEqualTo(ClaimStatus.DISMISSED);
        assertThat(claims.awaitingReview(vera.orcid(), 1, 20).items()).extracting(i -> i.claim().doi())
                .containsExactly(waiting.value());
        assertThat(orcid.emulator().control().works(vera.orcid().value())).hasSize(1);

        // She brings it back: it is written (bringing back is approving).
        people.submit(vera, people.page(vera, "/profile"), "/claims/" + idOf(vera, dismissed) + "/put-back", Map.of());
        Eventually.eventually(() -> assertThat(OrcidRecords.worksWithDoi(orcid, vera.orcid(), dismissed.value()))
                .singleElement().satisfies(w -> assertThat(w.work().title()).isEqualTo("Dismissed work, second version")));

        // Back to automatic: what waited for her review is written.
        people.submit(vera, people.page(vera, "/profile"), "/claims/write-mode", Map.of("reviewFirst", "false"));
        Eventually.eventually(() -> assertThat(OrcidRecords.worksWithDoi(orcid, vera.orcid(), waiting.value()))
                .hasSize(1));
        assertThat(orcid.emulator().control().works(vera.orcid().value())).hasSize(3);
    }

    @Test
    void approveAllAndDismissAllActOnEveryWorkAwaitingReview() {
        ConnectedResearchers people = new ConnectedResearchers(port, orcid);
        Person walt = people.newResearcher("Walt", "Bulk");
        people.connect(walt, true);
        claims.setReviewFirst(walt.orcid(), true);
        List<Doi> first = List.of(newDoi(), newDoi());
        first.forEach(d -> post(d, "Bulk " + d.value(), walt.orcid()));
        Eventually.eventually(() -> assertThat(claims.awaitingReview(walt.orcid(), 1, 20).total()).isEqualTo(2));

        people.submit(walt, people.page(walt, "/profile"), "/claims/review/approve", Map.of("all", "true"));
        Eventually.eventually(() -> assertThat(orcid.emulator().control().works(walt.orcid().value())).hasSize(2));

        List<Doi> second = List.of(newDoi(), newDoi());
        second.forEach(d -> post(d, "Bulk " + d.value(), walt.orcid()));
        Eventually.eventually(() -> assertThat(claims.awaitingReview(walt.orcid(), 1, 20).total()).isEqualTo(2));
        people.submit(walt, people.page(walt, "/profile"), "/claims/review/dismiss", Map.of("all", "true"));
        assertThat(claims.awaitingReview(walt.orcid(), 1, 20).total()).isZero();
        second.forEach(d -> assertThat(claimOf(walt, d).status()).isEqualTo(ClaimStatus.DISMISSED));
        assertThat(orcid.emulator().control().works(walt.orcid().value())).hasSize(2);
    }

    private long idOf(Person person, Doi doi) {
        return claimOf(person, doi).id();
    }

    private ClaimView claimOf(Person person, Doi doi) {
        List<ClaimView> found = claims.forResearcher(person.orcid(), List.of(doi));
        assertThat(found).as("a claim on " + doi).isNotEmpty();
        return found.getFirst();
    }

    private void post(Doi doi, String title, OrcidId creator) {
        DoiMetadata.dataset(doi, title).creator("Reviewer, Vera", creator)
                .postAccepted(new Http(port), apiKeys.create("tests", null, "test").key());
    }

    private static Doi newDoi() {
        return new Doi("10.5555/review-" + UUID.randomUUID());
    }
}
