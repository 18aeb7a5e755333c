package org.pidlink.app.registrants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pidlink.app.testsupport.Eventually.eventually;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.pidlink.app.claims.ClaimStatus;
import org.pidlink.app.claims.Claims;
import org.pidlink.app.intake.api.ApiKeys;
import org.pidlink.app.orcid.EmbeddedOrcid;
import org.pidlink.app.orcid.OrcidRegistrations;
import org.pidlink.app.testsupport.ConnectedResearchers;
import org.pidlink.app.testsupport.ConnectedResearchers.Person;
import org.pidlink.app.testsupport.DoiMetadata;
import org.pidlink.app.testsupport.Http;
import org.pidlink.app.testsupport.PidlinkSpringTest;
import org.pidlink.app.testsupport.WebSession;
import org.pidlink.core.affiliation.AffiliationKind;
import org.pidlink.core.identifiers.Doi;
import org.pidlink.orcid.client.Affiliation;
import org.pidlink.orcid.client.DisambiguatedOrganization;
import org.pidlink.orcid.client.Organization;
import org.pidlink.orcid.client.PartialDate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The issue's "Done when": a registrant with prefix 10.5072 and a webhook receiver; a researcher claims a 10.5072
 * DOI through Search &amp; Link; the webhook receives one signed suggestion with the matched creator and the trust
 * markers; the registrant accepts it; metadata with the iD arrives through intake and the suggestion shows "added
 * to metadata". A second researcher, out of public lookups and not named by the metadata, is not suggested.
 */
@PidlinkSpringTest
class RegistrantsEndToEndTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern REGISTRANT_ID = Pattern.compile("<td id=\"registrant-id\">(\\d+)</td>");

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedOrcid orcid;

    @Autowired
    OrcidRegistrations registrations;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    Claims claims;

    @Autowired
    SuggestionScanner scanner;

    @Autowired
    DeliveryWorker deliveries;

    @Test
    void aSearchAndLinkClaimReachesTheRegistrantSignedAndItsAcceptanceEndsInTheMetadata() throws Exception {
        String run = UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            ConnectedResearchers people = new ConnectedResearchers(port, orcid);
            WebSession admin = people.signedIn(ConnectedResearchers.demoAdministrator());
            HttpResponse<String> created = admin.submit(admin.get("/admin/registrants"), "/admin/registrants",
                    Map.of("name", "Example Data Centre " + run, "kind", "DATA_CENTRE", "dataciteClientId",
                            "EXAMPLE.DC", "prefixes", "10.5072", "webhookUrl", receiver.url()));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
            String key = between(created.body(), "<pre id=\"created-key\">", "</pre>");
            String secret = between(created.body(), "<pre id=\"created-secret\">", "</pre>");
            Matcher idMatch = REGISTRANT_ID.matcher(created.body());
            assertThat(idMatch.find()).as(created.body()).isTrue();
            long registrant = Long.parseLong(idMatch.group(1));

            Doi doi = new Doi("10.5072/glacier-" + run);
            String family = "Quell" + run;
            DoiMetadata.dataset(doi, "Glacier mass balance " + run).creator(family + ", Ada", null)
                    .creator("Brook, Tom", null).postAccepted(new Http(port), intakeKey());

            Person ada = people.newResearcher("Ada", family);
            people.signIn(ada);
            people.grant(ada, OrcidRegistrations.SEARCH_LINK);
            // Her record: an employment a member added (validated) and a work she added herself (self-asserted).
            String memberToken = orcid.emulator().control().issueToken(ada.orcid().value(),
                    registrations.clientId(OrcidRegistrations.AUTO_UPDATE), "/activities/update").accessToken();
            registrations.client(OrcidRegistrations.AUTO_UPDATE).affiliations().createAffiliation(ada.orcid(),
                    memberToken, Affiliation.of(AffiliationKind.EMPLOYMENT, new Organization("Boston University",
                                    "Boston", "MA", "US", DisambiguatedOrganization.ror("https://ror.org/05qwgg493")))
                            .withRole("Glaciologist", null).withDates(PartialDate.of(2020), null)).orElseThrow();
            orcid.emulator().control().addWorkAsResearcher(ada.orcid().value(), "Earlier notes", "10.9999/notes-" + run);
            // Bob claims it too, but keeps out of public lookups and the metadata does not name him.
            Person bob = people.newResearcher("Bob", "Unnamed" + run);
            people.signIn(bob);
            people.grant(bob, OrcidRegistrations.SEARCH_LINK);

            for (Person p : new Person[] {ada, bob}) {
                HttpResponse<String> search = people.page(p, "/search?q=" + URLEncoder.encode(doi.value(),
                        StandardCharsets.UTF_8));
                HttpResponse<String> claimed = people.submit(p, search, "/search/claim",
                        Map.of("doi", doi.value(), "q", doi.value()));
                assertThat(claimed.body()).contains("Claimed " + doi.value());
            }
            eventually(() -> assertThat(claims.forDoi(doi)).hasSize(2)
                    .allSatisfy(c -> assertThat(c.status()).isEqualTo(ClaimStatus.IN_ORCID)));

            while (scanner.turn()) {
                // until the scan has caught up
            }
            scanner.turn();
            deliveries.turn();
            eventually(() -> assertThat(receiver.received()).hasSize(1));
            WebhookReceiver.Received hook = receiver.received().getFirst();
            assertThat(hook.event()).isEqualTo("suggestion.created");
            assertThat(WebhookSigner.verify(secret, hook.signature(), hook.bytes())).isTrue();
            assertThat(WebhookSigner.verify(secret, hook.signature(), (hook.body() + " ").getBytes(StandardCharsets.UTF_8)))
                    .isFalse();
            JsonNode suggestion = JSON.readTree(hook.body()).path("suggestion");
            assertThat(suggestion.path("doi").asString()).isEqualTo(doi.value());
            assertThat(suggestion.path("orcid").asString()).isEqualTo(ada.orcid().value());
            assertThat(suggestion.path("reason").asString()).isEqualTo("claimed");
            assertThat(suggestion.path("status").asString()).isEqualTo("open");
            assertThat(suggestion.path("nameOnRecord").asString()).isEqualTo("Ada " + family);
            assertThat(suggestion.path("match").path("result").asString()).isEqualTo("creator");
            assertThat(suggestion.path("match").path("name").asString()).isEqualTo(family + ", Ada");
            assertThat(suggestion.path("match").path("position").asInt()).isZero();
            assertThat(suggestion.path("match").path("score").asDouble()).isEqualTo(1.0);
            assertThat(suggestion.path("provenance").toString()).isEqualTo("[\"SEARCH_AND_LINK\"]");
            assertThat(suggestion.path("authenticatedBySignIn").asBoolean()).isTrue();
            JsonNode trust = suggestion.path("trust");
            assertThat(trust.path("employments").get(0).path("organization").asString()).isEqualTo("Boston University");
            assertThat(trust.path("employments").get(0).path("role").asString()).isEqualTo("Glaciologist");
            assertThat(trust.path("employments").get(0).path("validated").asBoolean()).isTrue();
            assertThat(trust.path("validatedWorks").asInt()).isEqualTo(1);
            assertThat(trust.path("selfAssertedWorks").asInt()).isEqualTo(1);
            assertThat(trust.path("workOnRecord").asBoolean()).isTrue();
            assertThat(trust.path("workSources").get(0).path("clientId").asString())
                    .isEqualTo(registrations.clientId(OrcidRegistrations.SEARCH_LINK));
            assertThat(trust.path("workSources").get(0).path("selfAsserted").asBoolean()).isFalse();
            long suggestionId = suggestion.path("id").asLong();

            Http http = new Http(port);
            HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(http.uri("/api/v1/registrants/"
                    + registrant + "/suggestions/" + suggestionId + "/accept")).header("Authorization", "Bearer " + key)
                    .POST(HttpRequest.BodyPublishers.noBody()));
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
            assertThat(JSON.readTree(accepted.body()).path("status").asString()).isEqualTo("accepted");

            DoiMetadata.dataset(doi, "Glacier mass balance " + run).creator(family + ", Ada", ada.orcid())
                    .creator("Brook, Tom", null).postAccepted(http, intakeKey());
            HttpResponse<String> after = http.send(HttpRequest.newBuilder(http.uri("/api/v1/registrants/" + registrant
                    + "/suggestions?status=added_to_metadata")).header("Authorization", "Bearer " + key).GET());
            assertThat(after.statusCode()).as(after.body()).isEqualTo(200);
            JsonNode page = JSON.readTree(after.body());
            assertThat(page.path("total").asLong()).isEqualTo(1);
            assertThat(page.path("suggestions").get(0).path("id").asLong()).isEqualTo(suggestionId);
            assertThat(page.path("suggestions").get(0).path("addedToMetadataAt").isNull()).isFalse();

            // Nothing more was delivered (one suggestion, one delivery), and the admin page logs it.
            scanner.turn();
            deliveries.turn();
            assertThat(receiver.received()).hasSize(1);
            assertThat(admin.get("/admin/registrants/" + registrant).body()).contains("suggestion.created")
                    .contains("delivered").contains("added to metadata: 1");
            // Ada's profile says who was told; Bob's does not.
            assertThat(people.page(ada, "/profile").body()).contains("Registrants told about your claims")
                    .contains("Example Data Centre " + run).contains("added to metadata");
            assertThat(people.page(bob, "/profile").body()).doesNotContain("Registrants told about your claims");
        }
    }

    private String intakeKey() {
        return apiKeys.create("e2e-intake", null, "test").key();
    }

    private static String between(String html, String start, String end) {
        int from = html.indexOf(start);
        assertThat(from).as("'" + start + "' in the page").isNotNegative();
        return html.substring(from + start.length(), html.indexOf(end, from));
    }
}
