package org.pidlink.app.affiliations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pidlink.app.testsupport.Eventually.eventually;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pidlink.app.intake.api.ApiKeys;
import org.pidlink.app.intake.api.ApiPermission;
import org.pidlink.app.orcid.OrcidRegistrations;
import org.pidlink.app.testsupport.ConnectedResearchers;
import org.pidlink.app.testsupport.ConnectedResearchers.Person;
import org.pidlink.app.testsupport.WebSession;
import org.pidlink.core.affiliation.AffiliationKind;
import org.pidlink.emulator.SettableClock;
import org.pidlink.emulator.inbox.Inbox;
import org.pidlink.emulator.inbox.StoredNotification;
import org.pidlink.emulator.traffic.Faults;
import org.pidlink.orcid.client.ExternalId;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API and its permission, refused files on the page, the permission links' rules, the ORCID inbox, a
 * researcher's decline, and the writer's answers to ORCID: recovery after a crash, 409 adoption, a 400 with
 * ORCID's message, retries of transient errors.
 */
class AffiliationsBehaviourTests extends AffiliationsTestSupport {

    private static final String HEADER = "orcid,email,name,person_id,local_key,type,organization,city,region,country,"
            + "org_id,org_id_source,department,role,start_date,end_date,url,external_ids\n";

    @Autowired
    AffiliationUploads uploads;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    SettableClock clock;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void noFaults() {
        orcid.emulator().control().faults(Faults.NONE);
    }

    private String row(String key, Person person, String orgId) {
        return (person.orcid() == null ? "" : person.orcid().value()) + "," + person.email() + ",Test Person,,"
                + key + ",employment,Boston University,Boston,MA,US," + orgId + ",ROR,Physics,Professor,2020-01,,,\n";
    }

    private HttpResponse<String> api(String method, String key, String body, String contentType, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + key);
        if (body != null) {
            request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theApiNeedsAKeyWithTheAffiliationPermissionAndNamesEachErrorsLineAndColumn() {
        String doisOnly = apiKeys.create("dois-" + run, null, "test").key();
        String affiliationsKey = apiKeys.create("hr-api-" + run, null, "test", EnumSet.of(ApiPermission.AFFILIATIONS)).key();
        Person ana = new Person(null, "ana." + run + "@example.edu");
        String good = HEADER + row("API-" + run + "-1", ana, "05qwgg493");

        HttpResponse<String> forbidden = api("POST", doisOnly, good, "text/csv", "/api/v1/affiliations");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(api("POST", affiliationsKey, "<x/>", "application/xml", "/api/v1/dois").statusCode()).isEqualTo(403);

        HttpResponse<String> refused = api("POST", affiliationsKey, good + row("API-" + run + "-2", ana, ""),
                "text/csv", "/api/v1/affiliations");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        JsonNode problem = json.readTree(refused.body());
        assertThat(problem.get("errors").get(0).get("line").asInt()).isEqualTo(3);
        assertThat(problem.get("errors").get(0).get("column").asString()).isEqualTo("org_id");
        assertThat(problem.get("errors").get(0).get("message").asString()).contains("missing organization id");
        assertThat(store.byLocalKey("API-" + run + "-1")).as("nothing of a refused file is stored").isEmpty();

        String jsonBody = """
                [{"email": "%s", "local_key": "API-%s-3", "type": "distinction", "organization": "Research Data Alliance",
                  "country": "IE", "org_id": "https://ror.org/05dc6w374", "role": "Fellow", "start_date": "2024"}]"""
                .formatted(ana.email(), run);
        HttpResponse<String> accepted = api("POST", affiliationsKey, jsonBody, "application/json", "/api/v1/affiliations");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(json.readTree(accepted.body()).get("added").asInt()).isEqualTo(1);
        HttpResponse<String> listed = api("GET", affiliationsKey, null, null, "/api/v1/affiliations");
        assertThat(json.readTree(listed.body()).get(0).get("status").asString()).isEqualTo("pending_permission");

        HttpResponse<String> badJson = api("POST", affiliationsKey, "[{\"local_key\": \"x\",\n \"type\": 7,", "application/json",
                "/api/v1/affiliations");
        assertThat(badJson.statusCode()).isEqualTo(400);
        assertThat(json.readTree(badJson.body()).get("errors").get(0).get("message").asString()).contains("malformed JSON");
    }

    @Test
    void theAdminPageRefusesAFileWithErrorsAndListsThemByLineAndColumn() {
        WebSession admin = signedIn(ConnectedResearchers.demoAdministrator());
        Person p = new Person(null, "p." + run + "@example.edu");
        String csv = HEADER + row("PAGE-" + run + "-1", p, "05qwgg493")
                + row("PAGE-" + run + "-2", p, "05qwgg493").replace("2020-01", "2020-13");
        HttpResponse<String> page = admin.submit(admin.get("/admin/affiliations"), "/admin/affiliations",
                Map.of("content", csv));
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("The file was refused and nothing of it was stored").contains("id=\"upload-errors\"")
                .contains("<td>3</td>").contains("<td>start_date</td>").contains("bad date");
        assertThat(store.byLocalKey("PAGE-" + run + "-1")).isEmpty();

        HttpResponse<String> template = admin.get("/admin/affiliations/template.csv");
        assertThat(template.headers().firstValue("Content-Disposition").orElseThrow()).contains("affiliations-template.csv");
        assertThat(template.body()).startsWith("orcid,email,name,person_id,local_key,type,organization");

        // E-mail is off unless configured: the page says so rather than pretending to send.
        HttpResponse<String> email = admin.submit(admin.get("/admin/affiliations"), "/admin/affiliations/email", Map.of());
        assertThat(email.statusCode()).isEqualTo(409);
        assertThat(email.body()).contains("E-mail is not configured");
    }

    @Test
    void linksAreRefusedWhenRevokedExpiredOrOpenedWithAnotherId() {
        ConnectedResearchers people = new ConnectedResearchers(port, orcid);
        Person named = people.newResearcher("Named", "Person");
        Person other = people.newResearcher("Other", "Person");
        uploads.upload((HEADER + row("LINK-" + run + "-1", named, "05qwgg493")).getBytes(StandardCharsets.UTF_8),
                "text/csv", "links-" + run, false);
        WebSession admin = signedIn(ConnectedResearchers.demoAdministrator());
        String link = linkOf(admin, named.email());

        HttpResponse<String> wrongPerson = open(other, link);
        assertThat(wrongPerson.statusCode()).isEqualTo(404);
        assertThat(wrongPerson.body()).contains("This link is for another ORCID iD");

        clock.advance(Duration.ofDays(61));
        try {
            assertThat(open(named, link).body()).contains("This link has expired");
        } finally {
            clock.advance(Duration.ofDays(-61));
        }
        long personId = store.byLocalKey("LINK-" + run + "-1").orElseThrow().personId();
        admin.submit(admin.get("/admin/affiliations"), "/admin/affiliations/people/" + personId + "/revoke", Map.of());
        assertThat(open(named, link).body()).contains("This link was withdrawn");
        assertThat(open(named, link.substring(0, link.length() - 3) + "xyz").body()).contains("This link is not valid");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM affiliation_person WHERE encode(link_hash, 'escape') LIKE ?",
                Integer.class, "%" + link.substring(link.lastIndexOf('/') + 1) + "%")).as("only a hash is stored").isZero();
    }

    @Test
    void peopleWithAKnownIdGetTheLinkInTheirOrcidInboxAndMayDeclineOnTheirProfile() {
        Person known = new ConnectedResearchers(port, orcid).newResearcher("Inbox", "Person");
        uploads.upload((HEADER + row("INBOX-" + run + "-1", known, "05qwgg493")).getBytes(StandardCharsets.UTF_8),
                "text/csv", "inbox-" + run, false);
        WebSession admin = signedIn(ConnectedResearchers.demoAdministrator());
        HttpResponse<String> sent = admin.submit(admin.get("/admin/affiliations"), "/admin/affiliations/inbox", Map.of());
        assertThat(sent.body()).contains("permission link(s) sent to ORCID inboxes");
        List<StoredNotification> inbox = Inbox.of(orcid.emulator().context()).of(known.orcid().value());
        assertThat(inbox).singleElement().satisfies(n -> {
            assertThat(n.content().items()).singleElement().satisfies(item -> {
                assertThat(item.type()).isEqualTo("employment");
                assertThat(item.name()).isEqualTo("Professor, Physics, Boston University");
            });
            assertThat(n.content().authorizationUrl().uri()).contains(PermissionLinks.PATH);
        });
        StoredAffiliation row = store.byLocalKey("INBOX-" + run + "-1").orElseThrow();
        assertThat(row.statusText()).isEqualTo("link sent");

        // She follows the inbox link, then declines on her profile.
        String link = inbox.getFirst().content().authorizationUrl().uri();
        assertThat(open(known, link).body()).contains("Professor, Physics, Boston University");
        assertThat(store.byLocalKey("INBOX-" + run + "-1").orElseThrow().statusText()).isEqualTo("link opened");
        WebSession browser = signedIn(known);
        HttpResponse<String> profile = browser.follow(browser.get("/profile"));
        assertThat(profile.body()).contains("id=\"decline-" + row.id() + "\"");
        HttpResponse<String> declined = browser.follow(browser.submit(profile, "/affiliations/decide",
                Map.of("ids", Long.toString(row.id()), "decision", "decline")));
        assertThat(declined.body()).contains("1 affiliation(s) declined").contains("declined: pidlink will not add it");
        assertThat(store.byLocalKey("INBOX-" + run + "-1").orElseThrow().status())
                .isEqualTo(AffiliationStatus.PERMISSION_DENIED);
        assertThat(orcid.emulator().control().affiliations(known.orcid().value())).isEmpty();
    }

    @Test
    void theWriterRecoversAfterACrashAdoptsDuplicatesFailsWithOrcidsMessageAndRetriesTransientErrors() {
        ConnectedResearchers people = new ConnectedResearchers(port, orcid);
        Person researcher = people.newResearcher("Writer", "Test");
        people.connect(researcher, false);
        String crashed = "W-" + run + "-crash";
        String duplicate = "W-" + run + "-dup";
        String unknownOrg = "W-" + run + "-9045";
        String transientKey = "W-" + run + "-503";
        uploads.upload((HEADER + row(crashed, researcher, "05qwgg493") + row(duplicate, researcher, "00f54p054")
                        + row(unknownOrg, researcher, "01an7q238") + row(transientKey, researcher, "052gg0110")
                        .replace("employment", "education").replace("Boston,MA,US", "Oxford,,GB"))
                        .getBytes(StandardCharsets.UTF_8), "text/csv", "writer-" + run, false);

        // A POST that reached ORCID before a crash (the marker is set, the put-code was never recorded), and one
        // that ORCID holds already without a marker (409/9021).
        String token = orcid.emulator().control().issueToken(researcher.orcid().value(),
                registrations.clientId(OrcidRegistrations.AUTO_UPDATE), "/activities/update").accessToken();
        long crashedPutCode = preposted(researcher, token, crashed);
        long duplicatePutCode = preposted(researcher, token, duplicate);
        jdbc.update("UPDATE affiliation SET decision = 'APPROVED', action = 'CREATE', due_at = now(), "
                + "create_started_at = now() - interval '5 minutes' WHERE local_key = ?", crashed);
        approve(duplicate);
        approve(unknownOrg);

        eventually(() -> {
            assertThat(store.byLocalKey(crashed).orElseThrow().status()).isEqualTo(AffiliationStatus.WRITTEN);
            assertThat(store.byLocalKey(crashed).orElseThrow().action()).isNull();
            assertThat(store.byLocalKey(duplicate).orElseThrow().status()).isEqualTo(AffiliationStatus.WRITTEN);
            assertThat(store.byLocalKey(duplicate).orElseThrow().action()).isNull();
            assertThat(store.byLocalKey(unknownOrg).orElseThrow().status()).isEqualTo(AffiliationStatus.FAILED);
        });
        assertThat(store.byLocalKey(crashed).orElseThrow().putCode()).isEqualTo(crashedPutCode);
        assertThat(store.byLocalKey(duplicate).orElseThrow().putCode()).isEqualTo(duplicatePutCode);
        assertThat(store.byLocalKey(unknownOrg).orElseThrow().statusText()).startsWith("failed: ").contains("9045");
        assertThat(orcid.emulator().control().affiliations(researcher.orcid().value()))
                .as("each affiliation once; none for the unknown organization").hasSize(2);

        // ORCID answers 500 for a while: the write waits and is retried, then succeeds.
        orcid.emulator().control().faults(new Faults(1.0, List.of(500), 0, 0, 7L));
        approve(transientKey);
        eventually(() -> {
            StoredAffiliation row = store.byLocalKey(transientKey).orElseThrow();
            assertThat(row.attempts()).isPositive();
            assertThat(row.message()).contains("retrying");
            assertThat(row.dueAt()).isAfter(clock.instant());
            assertThat(row.status()).isEqualTo(AffiliationStatus.APPROVED);
        });
        orcid.emulator().control().faults(Faults.NONE);
        jdbc.update("UPDATE affiliation SET due_at = now() WHERE local_key = ?", transientKey);
        eventually(() -> assertThat(store.byLocalKey(transientKey).orElseThrow().status())
                .isEqualTo(AffiliationStatus.WRITTEN));
        assertThat(orcid.emulator().control().affiliations(researcher.orcid().value()))
                .filteredOn(a -> a.kind() == AffiliationKind.EDUCATION).hasSize(1);
    }

    private long preposted(Person researcher, String token, String key) {
        StoredAffiliation row = store.byLocalKey(key).orElseThrow();
        List<ExternalId> ids = new java.util.ArrayList<>(row.affiliation().externalIds());
        ids.add(AffiliationWriter.keyId(key));
        return registrations.client(OrcidRegistrations.AUTO_UPDATE).affiliations()
                .createAffiliation(researcher.orcid(), token, row.affiliation().withExternalIds(ids)).orElseThrow();
    }

    private void approve(String key) {
        StoredAffiliation row = store.byLocalKey(key).orElseThrow();
        assertThat(store.decide(row.orcid(), List.of(row.id()), true, clock.instant())).isEqualTo(1);
    }

    private HttpResponse<String> open(Person person, String link) {
        WebSession browser = signedIn(person);
        return browser.follow(browser.get(link));
    }

    private String linkOf(WebSession admin, String email) {
        String csv = admin.submit(admin.get("/admin/affiliations"), "/admin/affiliations/links.csv",
                Map.of("which", "new")).body();
        return csv.lines().filter(l -> l.contains(email)).map(l -> l.split(",")[5]).findFirst().orElseThrow();
    }
}
