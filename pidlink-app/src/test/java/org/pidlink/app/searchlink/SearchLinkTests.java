package org.pidlink.app.searchlink;

import static org.assertj.core.api.Assertions.assertThat;

import org.pidlink.app.testsupport.DoiMetadata;
import org.pidlink.app.testsupport.Http;
import org.pidlink.app.testsupport.OrcidRecords;
import org.pidlink.app.testsupport.PidlinkSpringTest;
import org.pidlink.app.testsupport.Eventually;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.pidlink.app.testsupport.ConnectedResearchers;
import org.pidlink.app.testsupport.ConnectedResearchers.Person;
import org.pidlink.app.testsupport.WebSession;
import org.pidlink.app.claims.ClaimStatus;
import org.pidlink.app.claims.ClaimView;
import org.pidlink.app.claims.Claims;
import org.pidlink.app.claims.Provenance;
import org.pidlink.app.intake.api.ApiKeys;
import org.pidlink.app.orcid.EmbeddedOrcid;
import org.pidlink.app.orcid.OrcidRegistrations;
import org.pidlink.core.identifiers.Doi;
import org.pidlink.core.identifiers.OrcidId;
import org.pidlink.emulator.state.StoredWork;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.json.JsonMapper;

/**
 * Search &amp; Link over real HTTP: DOIs enter through the intake API, a researcher signed in with ORCID (on the
 * embedded emulator) searches them and claims one; the push engine writes it with the search-link client.
 */
@PidlinkSpringTest
class SearchLinkTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedOrcid orcid;

    @Autowired
    OrcidRegistrations registrations;

    @Autowired
    Claims claims;

    @Autowired
    ApiKeys apiKeys;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void findsADoiByTitleWordsByAnySpellingOfItsDoiAndByCreatorName() {
        ConnectedResearchers people = new ConnectedResearchers(port, orcid);
        Person ines = people.newResearcher("Ines", "Finder");
        people.signIn(ines);
        String word = "permafrost" + token();
        String family = "Quill" + token();
        Doi doi = newDoi();
        Doi namingHer = newDoi();
        postMetadata(doi, "Thawing " + word + " cores of the Yedoma", family + ", Ottoline", null);
        postMetadata(namingHer, "Second " + word + " survey", "Finder, Ines", ines.orcid());

        HttpResponse<String> byTitle = search(people, ines, word.substring(0, word.length() - 2) + " yedoma");
        assertThat(byTitle.statusCode()).isEqualTo(200);
        assertThat(rows(byTitle)).containsExactly(doi.value());
        assertThat(row(byTitle, doi)).contains("Thawing " + word + " cores of the Yedoma").contains("2026")
                .contains(family + ", Ottoline").contains("href=\"https://doi.org/" + doi.value() + "\"")
                .doesNotContain("names-you").contains(">Claim</button>");
        assertThat(rows(search(people, ines, word))).containsExactlyInAnyOrder(doi.value(), namingHer.value());
        assertThat(row(search(people, ines, word), namingHer)).contains("Its metadata names your ORCID iD.");

        for (String spelling : List.of(doi.value(), "https://doi.org/" + doi.value().toUpperCase(),
                "doi:" + doi.value(), " http://dx.doi.org/" + doi.value() + " ")) {
            assertThat(rows(search(people, ines, spelling))).as(spelling).containsExactly(doi.value());
        }
        assertThat(rows(search(people, ines, family.toLowerCase()))).containsExactly(doi.value());
        assertThat(rows(search(people, ines, "Ottoline " + family))).containsExactly(doi.value());
        assertThat(rows(search(people, ines, "Ottoline " + family + " nowhere" + token()))).isEmpty();

        HttpResponse<String> tooShort = search(people, ines, "a'");
        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(tooShort.body()).contains("id=\"query-error\"").contains("at least 3 letters or digits");
        // tsquery syntax typed by the user is only text.
        assertThat(search(people, ines, "&|!():* " + word).statusCode()).isEqualTo(200);
        assertThat(people.page(ines, "/profile").body()).contains("id=\"nav-search\"");
    }

    @Test
    void aClaimIsWrittenByTheSearchLinkClientAndAnUnclaimDeletesIt() {
        ConnectedResearchers people = new ConnectedResearchers(port, orcid);
        Person jon = people.newResearcher("Jon", "Claimer");
        people.connect(jon, true);
        people.grant(jon, OrcidRegistrations.SEARCH_LINK);
        Doi doi = newDoi();
        postMetadata(doi, "Tide gauges " + token(), "Someone, Else", null);

        HttpResponse<String> page = search(people, jon, doi.value());
        HttpResponse<String> claimed = people.submit(jon, page, "/search/claim",
                Map.of("doi", "https://doi.org/" + doi.value(), "q", doi.value()));

        assertThat(claimed.statusCode()).isEqualTo(200);
        assertThat(claimed.body()).contains("Claimed " + doi.value()).doesNotContain("id=\"grant-permission\"");
        assertThat(row(claimed, doi)).contains("You claimed it").contains(">Unclaim</button>");
        ClaimView claim = searchLinkClaim(jon.orcid(), doi).orElseThrow();
        assertThat(claim.provenance()).containsExactly(Provenance.SEARCH_AND_LINK);
        eventually(() -> assertThat(worksWithDoi(jon.orcid(), doi)).singleElement().satisfies(w -> {
            assertThat(w.sourceClientId()).isEqualTo(registrations.clientId(OrcidRegistrations.SEARCH_LINK));
            assertThat(w.work().title()).startsWith("Tide gauges");
        }));
        eventually(() -> assertThat(searchLinkClaim(jon.orcid(), doi).orElseThrow().status())
                .isEqualTo(ClaimStatus.IN_ORCID));

        HttpResponse<String> unclaimed = people.submit(jon, claimed, "/search/unclaim",
                Map.of("doi", doi.value(), "q", doi.value()));

        assertThat(unclaimed.body()).contains("Unclaimed " + doi.value());
        assertThat(row(unclaimed, doi)).contains(">Claim</button>");
        eventually(() -> assertThat(worksWithDoi(jon.orcid(), doi)).isEmpty());
    }

    @Test
    void withoutTheSearchLinkPermissionTheClaimWaitsAndGrantingItReturnsToTheSearch() {
        ConnectedResearchers people = new ConnectedResearchers(port, orcid);
        Person kim = people.newResearcher("Kim", "Waiting");
        people.connect(kim, true);
        Doi doi = newDoi();
        postMetadata(doi, "Cloud chambers " + token(), "Other, Person", null);

        HttpResponse<String> claimed = people.submit(kim, search(people, kim, doi.value()), "/search/claim",
                Map.of("doi", doi.value(), "q", doi.value()));

        assertThat(claimed.body()).contains("waits for your permission")
                .contains("id=\"grant-permission\" href=\"/search/grant?q=" + doi.value());
        ClaimView claim = searchLinkClaim(kim.orcid(), doi).orElseThrow();
        assertThat(claim.status()).isEqualTo(ClaimStatus.WAITING_FOR_PERMISSION);
        assertThat(claim.provenance()).containsExactly(Provenance.SEARCH_AND_LINK);
        assertThat(worksWithDoi(kim.orcid(), doi)).isEmpty();

        // Granting the permission from the search brings her back to the same search, not to her settings.
        WebSession browser = people.browserOf(kim);
        HttpResponse<String> grant = browser.get("/search/grant?q=" + doi.value());
        HttpResponse<String> back = browser.follow(browser.throughOrcid(browser.get(WebSession.location(grant)),
                kim.email(), "authorize"));
        assertThat(back.uri().getPath()).isEqualTo("/search");
        assertThat(back.uri().getQuery()).isEqualTo("q=" + doi.value());
        assertThat(back.body()).contains("pidlink may now add the works you claim in search &amp; link");
        eventually(() -> assertThat(worksWithDoi(kim.orcid(), doi)).hasSize(1));
    }

    @Test
    void theWizardEntryPointAsksForPermissionThenLandsOnHerSearchWithHerClaimsMarked() {
        ConnectedResearchers people = new ConnectedResearchers(port, orcid);
        String family = "Wizard" + token();
        Person uma = people.newResearcher("Uma", family);
        people.signIn(uma);
        Doi doi = newDoi();
        postMetadata(doi, "Moss spores " + token(), family + ", Uma", null);
        WebSession browser = people.browserOf(uma);

        HttpResponse<String> wizard = browser.get("/search/wizard");
        assertThat(WebSession.location(wizard)).endsWith("/oauth2/authorization/" + OrcidRegistrations.SEARCH_LINK);
        HttpResponse<String> search = browser.follow(browser.throughOrcid(browser.get(WebSession.location(wizard)),
                uma.email(), "authorize"));
        assertThat(search.uri().getPath()).isEqualTo("/search");
        assertThat(search.body()).contains("value=\"Uma " + family + "\"");
        assertThat(rows(search)).containsExactly(doi.value());

        people.submit(uma, search, "/search/claim", Map.of("doi", doi.value(), "q", "Uma " + family));
        HttpResponse<String> again = browser.get("/search/wizard");
        assertThat(WebSession.location(again)).contains("/search?q=Uma%20" + family);
        assertThat(row(browser.follow(again), doi)).contains("You claimed it");
    }

    @Test
    void aDoiAutoUpdateWroteIsNotOfferedForClaimingAgain() {
        ConnectedResearchers people = new ConnectedResearchers(port, orcid);
        Person ola = people.newResearcher("Ola", "Twice");
        people.connect(ola, true);
        people.grant(ola, OrcidRegistrations.SEARCH_LINK);
        Doi doi = newDoi();
        postMetadata(doi, "Glacier melt " + token(), "Twice, Ola", ola.orcid());
        eventually(() -> assertThat(worksWithDoi(ola.orcid(), doi)).hasSize(1));

        HttpResponse<String> page = search(people, ola, doi.value());
        assertThat(row(page, doi)).contains("Already on your ORCID record, added by pidlink&#39;s auto-update client")
                .doesNotContain(">Claim</button>");
        // A claim posted anyway (an old page) writes no second copy under the other client.
        HttpResponse<String> claimed = people.submit(ola, page, "/search/claim", Map.of("doi", doi.value(),
                "q", doi.value()));
        assertThat(claimed.body()).contains("was not claimed").contains("would add a second copy");
        assertThat(searchLinkClaim(ola.orcid(), doi)).isEmpty();
        assertThat(worksWithDoi(ola.orcid(), doi)).hasSize(1);
    }

    @Test
    void claimingADoiWhoseMetadataNamesSomeoneElseNeedsHerWord() {
        ConnectedResearchers people = new ConnectedResearchers(port, orcid);
        Person pia = people.newResearcher("Pia", "Careful");
        Person other = people.newResearcher("Ruth", "Author");
        people.signIn(pia);
        Doi doi = newDoi();
        postMetadata(doi, "Lichen growth " + token(), "Author, Ruth", other.orcid());

        HttpResponse<String> page = search(people, pia, doi.value());
        assertThat(row(page, doi)).contains("Its metadata names other ORCID iDs, not yours")
                .contains("name=\"despiteOtherNames\"");
        HttpResponse<String> refused = people.submit(pia, page, "/search/claim", Map.of("doi", doi.value(),
                "q", doi.value()));
        assertThat(refused.body()).contains("id=\"search-error\"").contains("names other ORCID iDs than yours");
        assertThat(searchLinkClaim(pia.orcid(), doi)).isEmpty();

        HttpResponse<String> claimed = people.submit(pia, page, "/search/claim", Map.of("doi", doi.value(),
                "q", doi.value(), "despiteOtherNames", "true"));
        assertThat(claimed.body()).contains("Claimed " + doi.value());
        assertThat(searchLinkClaim(pia.orcid(), doi)).isPresent();
    }

    @Test
    void claimsNeedTheSessionsCsrfTokenAndAnotherResearcherCannotUnclaimHers() {
        ConnectedResearchers people = new ConnectedResearchers(port, orcid);
        Person lea = people.newResearcher("Lea", "Owner");
        Person max = people.newResearcher("Max", "Other");
        people.signIn(lea);
        people.signIn(max);
        Doi doi = newDoi();
        postMetadata(doi, "Salt marshes " + token(), "Owner, Lea", null);
        HttpResponse<String> maxPage = search(people, max, doi.value());

        // Max's page carries Max's CSRF token: in Lea's session it is refused.
        HttpResponse<String> forged = people.submit(lea, maxPage, "/search/claim", Map.of("doi", doi.value()));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(searchLinkClaim(lea.orcid(), doi)).isEmpty();

        people.submit(lea, search(people, lea, doi.value()), "/search/claim", Map.of("doi", doi.value()));
        ClaimView before = searchLinkClaim(lea.orcid(), doi).orElseThrow();
        HttpResponse<String> maxUnclaims = people.submit(max, maxPage, "/search/unclaim", Map.of("doi", doi.value()));

        assertThat(maxUnclaims.statusCode()).isEqualTo(200);
        ClaimView after = searchLinkClaim(lea.orcid(), doi).orElseThrow();
        assertThat(after.id()).isEqualTo(before.id());
        assertThat(after.provenance()).containsExactly(Provenance.SEARCH_AND_LINK);
        assertThat(after.status()).isEqualTo(before.status());
        assertThat(searchLinkClaim(max.orcid(), doi)).isEmpty();
    }

    @Test
    void aDeletedDoiLeavesTheSearchAndCannotBeClaimed() {
        ConnectedResearchers people = new ConnectedResearchers(port, orcid);
        Person nia = people.newResearcher("Nia", "Late");
        people.signIn(nia);
        Doi doi = newDoi();
        postMetadata(doi, "Lost data " + token(), "Gone, Soon", null);
        HttpResponse<String> page = search(people, nia, doi.value());
        assertThat(rows(page)).containsExactly(doi.value());

        HttpRequest delete = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/dois/" + doi.value()))
                .header("Authorization", "Bearer " + apiKeys.create("tests", null, "test").key()).DELETE().build();
        assertThat(send(delete).statusCode()).isEqualTo(202);

        assertThat(rows(search(people, nia, doi.value()))).isEmpty();
        HttpResponse<String> claimed = people.submit(nia, page, "/search/claim", Map.of("doi", doi.value()));
        assertThat(claimed.body()).contains("id=\"search-error\"").contains("cannot be claimed");
        assertThat(searchLinkClaim(nia.orcid(), doi)).isEmpty();
        HttpResponse<String> notADoi = people.submit(nia, page, "/search/claim", Map.of("doi", "not a doi"));
        assertThat(notADoi.body()).contains("id=\"search-error\"").contains("is not a DOI");
    }

    private HttpResponse<String> search(ConnectedResearchers people, Person person, String query) {
        return people.page(person, "/search?q=" + java.net.URLEncoder.encode(query,
                java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The DOIs of the result rows, in order. */
    private static List<String> rows(HttpResponse<String> page) {
        List<String> dois = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<tr class=\"result\" data-doi=\"([^\"]+)\"")
                .matcher(page.body());
        while (m.find()) {
            dois.add(m.group(1));
        }
        return dois;
    }

    private static String row(HttpResponse<String> page, Doi doi) {
        String body = page.body();
        int start = body.indexOf("data-doi=\"" + doi.value() + "\"");
        assertThat(start).as("a result row for " + doi).isNotNegative();
        return body.substring(start, body.indexOf("</tr>", start));
    }

    private Optional<ClaimView> searchLinkClaim(OrcidId researcher, Doi doi) {
        return claims.forResearcher(researcher).stream().filter(c -> c.doi().equals(doi.value()))
                .filter(c -> c.registrationId().equals(registrations.canonical(OrcidRegistrations.SEARCH_LINK)))
                .findFirst();
    }

    private List<StoredWork> worksWithDoi(OrcidId researcher, Doi doi) {
        return OrcidRecords.worksWithDoi(orcid, researcher, doi.value());
    }

    private static Doi newDoi() {
        return new Doi("10.5555/search-" + UUID.randomUUID());
    }

    /** Letters only, so that the word is one search word. */
    private static String token() {
        return UUID.randomUUID().toString().replaceAll("[^a-f]", "");
    }

    private void postMetadata(Doi doi, String title, String creatorName, OrcidId creator) {
        DoiMetadata.dataset(doi, title).creator(creatorName, creator)
                .postAccepted(new Http(port), apiKeys.create("tests", null, "test").key());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void eventually(Runnable assertion) {
        org.pidlink.app.testsupport.Eventually.eventually(assertion);
    }
}
