package org.pidlink.app.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pidlink.app.testsupport.ConnectedResearchers;
import org.pidlink.app.testsupport.ConnectedResearchers.Person;
import org.pidlink.app.testsupport.WebSession;
import org.pidlink.app.claims.ClaimStatus;
import org.pidlink.app.intake.notify.PermissionNotifications;
import org.pidlink.app.orcid.EmbeddedOrcid;
import org.pidlink.app.orcid.OrcidRegistrations;
import org.pidlink.core.identifiers.OrcidId;
import org.pidlink.emulator.inbox.Inbox;
import org.pidlink.emulator.inbox.StoredNotification;
import org.pidlink.emulator.state.StoredWork;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Auto-update from end to end (issue 7): DataCite XML naming three researchers — connected with auto-update on,
 * connected with it off, unknown to pidlink — gives a work on ORCID, a waiting claim, and a permission request
 * in the ORCID inbox; turning auto-update on writes the waiting work (the backfill).
 */
class AutoUpdateEndToEndTests extends IntakeTestSupport {

    @Autowired
    EmbeddedOrcid orcid;

    @Autowired
    PermissionNotifications notifications;

    @Autowired
    OrcidRegistrations registrations;

    @Test
    void writesWaitsOrAsksPerResearcherAndBackfillsWhenAutoUpdateIsTurnedOn() {
        ConnectedResearchers people = new ConnectedResearchers(port, orcid);
        Person on = people.newResearcher("Ada", "Autoupdate");
        people.connect(on, true);
        Person off = people.newResearcher("Bert", "Manual");
        people.connect(off, false);
        Person unknown = people.newResearcher("Chiara", "Newcomer");
        String doi = TestRecords.newDoi();

        JsonOutcome outcome = JsonOutcome.of(accepted(post(dataciteXml(doi, "Sediment cores of Lake Ohrid",
                on.orcid(), off.orcid(), unknown.orcid()), "application/xml")));

        assertThat(outcome.status()).isEqualTo("accepted");
        assertThat(outcome.orcids()).containsExactly(on.orcid().value(), off.orcid().value(), unknown.orcid().value());
        eventually(() -> assertThat(worksWithDoi(on.orcid(), doi)).singleElement()
                .satisfies(w -> assertThat(w.work().title()).isEqualTo("Sediment cores of Lake Ohrid")));
        // The push engine records the put-code after ORCID answered: the work can be seen a moment before.
        eventually(() -> assertThat(claim(on.orcid().value(), doi).orElseThrow().status()).isEqualTo(ClaimStatus.IN_ORCID));
        assertThat(claim(off.orcid().value(), doi).orElseThrow().status()).isEqualTo(ClaimStatus.WAITING_FOR_PERMISSION);
        assertThat(claim(unknown.orcid().value(), doi).orElseThrow().status())
                .isEqualTo(ClaimStatus.WAITING_FOR_PERMISSION);
        String callback = "http://localhost:" + port + "/account/orcid/granted/" + OrcidRegistrations.AUTO_UPDATE;
        eventually(() -> assertThat(inbox(unknown.orcid())).singleElement().satisfies(n -> {
            // ORCID's own authorize page for pidlink's client, scope and callback (orcid-api.md §7), never a
            // pidlink page: ORCID follows it whether it takes the path on its own host or the whole URL.
            assertThat(n.content().authorizationUrl().uri()).isEqualTo(registrations.oauthBase()
                    + "/oauth/authorize?client_id=" + registrations.clientId(OrcidRegistrations.AUTO_UPDATE)
                    + "&response_type=code&scope=%2Factivities%2Fupdate%20%2Fread-limited&redirect_uri="
                    + java.net.URLEncoder.encode(callback, java.nio.charset.StandardCharsets.UTF_8));
            // ORCID's inbox titles it "Add <subject> to your ORCID record".
            assertThat(n.content().subject()).isEqualTo("your recent works");
            assertThat(n.content().items()).extracting(i -> i.externalId().value()).containsExactly(doi);
            assertThat(n.content().items().getFirst().name()).isEqualTo("Sediment cores of Lake Ohrid");
        }));
        assertThat(inbox(off.orcid())).isEmpty();
        assertThat(inbox(on.orcid())).isEmpty();
        assertThat(worksWithDoi(off.orcid(), doi)).isEmpty();

        people.setAutoUpdate(off, true);

        eventually(() -> assertThat(worksWithDoi(off.orcid(), doi)).hasSize(1));
        eventually(() -> assertThat(claim(off.orcid().value(), doi).orElseThrow().status())
                .isEqualTo(ClaimStatus.IN_ORCID));
        assertThat(worksWithDoi(unknown.orcid(), doi)).isEmpty();

        // Chiara signs in to pidlink, then grants from her ORCID inbox: ORCID's answer (a code, no state) is kept,
        // auto-update is on, and her waiting work is written.
        WebSession browser = people.signedIn(unknown);
        long putCode = inbox(unknown.orcid()).getFirst().putCode();
        HttpResponse<String> granted = browser.follow(browser.throughOrcid(
                browser.get(registrations.oauthBase() + "/inbox/" + putCode + "/action"), unknown.email(), "authorize"));
        assertThat(granted.uri().getPath()).isEqualTo("/settings");
        assertThat(granted.body()).contains("pidlink may now update your ORCID record, and auto-update is on");
        eventually(() -> assertThat(worksWithDoi(unknown.orcid(), doi)).hasSize(1));
    }

    @Test
    void asksEachUnknownResearcherOnceNotOncePerDoi() {
        ConnectedResearchers people = new ConnectedResearchers(port, orcid);
        Person unknown = people.newResearcher("Dana", "Twice");
        String first = TestRecords.newDoi();
        String second = TestRecords.newDoi();

        accepted(post(dataciteXml(first, "First data set", unknown.orcid()), "application/xml"));
        eventually(() -> assertThat(inbox(unknown.orcid())).hasSize(1));
        accepted(post(dataciteXml(second, "Second data set", unknown.orcid()), "application/xml"));
        drainIntake();

        assertThat(claim(unknown.orcid().value(), second)).isPresent();
        // Whatever is due is sent now, on this thread: the second DOI must not make another request.
        notifications.sendDue();
        assertThat(inbox(unknown.orcid())).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT sends FROM permission_notification WHERE orcid = ?", Integer.class,
                unknown.orcid().value())).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT due_at FROM permission_notification WHERE orcid = ?",
                java.sql.Timestamp.class, unknown.orcid().value()).toInstant())
                .isAfter(clock.instant().plus(java.time.Duration.ofDays(29)));
    }

    @Test
    void theInboxLinkStartsTheConnectFlow() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/connect")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).contains("/signin");
    }

    private List<StoredWork> worksWithDoi(OrcidId researcher, String doi) {
        return orcid.emulator().control().works(researcher.value()).stream()
                .filter(w -> w.work().externalIds().stream()
                        .anyMatch(id -> id.type().equals("doi") && id.value().equalsIgnoreCase(doi)))
                .toList();
    }

    private List<StoredNotification> inbox(OrcidId researcher) {
        return Inbox.of(orcid.emulator().context()).of(researcher.value());
    }

    static byte[] dataciteXml(String doi, String title, OrcidId... creators) {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <resource xmlns="http://datacite.org/schema/kernel-4">
                  <identifier identifierType="DOI">%s</identifier>
                  <creators>
                """.formatted(doi));
        int n = 1;
        for (OrcidId creator : creators) {
            xml.append("""
                        <creator>
                          <creatorName nameType="Personal">Researcher %d, Test</creatorName>
                          <nameIdentifier nameIdentifierScheme="ORCID" schemeURI="https://orcid.org">https://orcid.org/%s</nameIdentifier>
                        </creator>
                    """.formatted(n++, creator.value()));
        }
        xml.append("""
                  </creators>
                  <titles><title>%s</title></titles>
                  <publisher>pidlink tests</publisher>
                  <publicationYear>2026</publicationYear>
                  <resourceType resourceTypeGeneral="Dataset">Cores</resourceType>
                </resource>
                """.formatted(title));
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    private record JsonOutcome(String status, List<String> orcids) {
        static JsonOutcome of(tools.jackson.databind.JsonNode report) {
            tools.jackson.databind.JsonNode d = report.get("dois").get(0);
            return new JsonOutcome(d.get("status").asString(), texts(d.get("orcids")));
        }
    }

    @Autowired
    org.pidlink.app.claims.Claims claims;

    @Test
    void worksWaitingBeforeSheConnectsWaitAgainWhenSheTurnsAutoUpdateOffRightAfterTheGrant() {
        ConnectedResearchers people = new ConnectedResearchers(port, orcid);
        Person late = people.newResearcher("Dora", "Latecomer");
        for (int i = 0; i < 250; i++) {
            org.pidlink.core.identifiers.Doi doi = org.pidlink.core.identifiers.Doi.parse("10.5072/late." + i + "."
                    + java.util.UUID.randomUUID());
            claims.assertClaim(late.orcid(), doi, OrcidRegistrations.AUTO_UPDATE,
                    org.pidlink.app.claims.Provenance.AUTO_UPDATE,
                    org.pidlink.app.claims.WorkPayload.ofCanonicalJson("{\"title\":{\"title\":{\"value\":\"Late "
                            + i + "\"}},\"type\":\"data-set\",\"external-ids\":{\"external-id\":[{"
                            + "\"external-id-type\":\"doi\",\"external-id-value\":\"" + doi.value()
                            + "\",\"external-id-relationship\":\"self\"}]}}"));
        }
        // Granting turns auto-update on (her existing DOIs start as a backfill); she turns it off at once.
        people.connect(late, false);

        // The claims the push engine held locked at that moment were left queued by the hold; the engine checks the
        // hold again before it writes them, so they end waiting too (or written, if their call was on its way).
        org.pidlink.app.testsupport.Eventually.eventually(() -> assertThat(claims.forResearcher(late.orcid()))
                .hasSize(250)
                .allSatisfy(c -> assertThat(c.status()).isIn(ClaimStatus.WAITING_FOR_PERMISSION, ClaimStatus.IN_ORCID)));
    }
}
