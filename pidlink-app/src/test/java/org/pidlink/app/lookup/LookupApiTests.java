package org.pidlink.app.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import org.pidlink.app.testsupport.PidlinkSpringTest;
import org.pidlink.app.testsupport.Eventually;
import org.pidlink.app.testsupport.Http;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.pidlink.app.testsupport.ConnectedResearchers;
import org.pidlink.app.testsupport.ConnectedResearchers.Person;
import org.pidlink.app.accounts.Researchers;
import org.pidlink.app.claims.ClaimStatus;
import org.pidlink.app.claims.Claims;
import org.pidlink.app.claims.Provenance;
import org.pidlink.app.claims.WorkPayload;
import org.pidlink.app.orcid.EmbeddedOrcid;
import org.pidlink.app.orcid.OrcidRegistrations;
import org.pidlink.core.identifiers.Doi;
import org.pidlink.core.identifiers.OrcidId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public inverse lookup over real HTTP, with researchers who connected through the emulator and works the
 * push engine really wrote: both directions, the "in ORCID only" default, researchers who keep out of public
 * lookups (hidden from the public, shown to an administrator), and bad identifiers as problem+json.
 */
@PidlinkSpringTest
class LookupApiTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedOrcid orcid;

    @Autowired
    Claims claims;

    @Autowired
    DataSource dataSource;

    @Autowired
    Researchers researchers;

    @Test
    void listsLinksBothWaysHidesResearchersWhoOptedOutAndShowsThemToAnAdministrator() {
        ConnectedResearchers people = new ConnectedResearchers(port, orcid);
        Person ada = showingInLookups(people, "Ada", "Public", true);
        Person bea = showingInLookups(people, "Bea", "Waiting", false);
        Person carl = people.newResearcher("Carl", "Private");
        people.connect(carl, true);
        Doi doi = new Doi("10.5555/lookup-" + UUID.randomUUID());
        claims.assertClaim(ada.orcid(), doi, OrcidRegistrations.AUTO_UPDATE, Provenance.ADMIN, work(doi, "Ice cores"));
        claims.assertClaim(bea.orcid(), doi, OrcidRegistrations.AUTO_UPDATE, Provenance.AUTO_UPDATE,
                work(doi, "Ice cores"));
        claims.assertClaim(carl.orcid(), doi, OrcidRegistrations.AUTO_UPDATE, Provenance.ADMIN, work(doi, "Ice cores"));
        eventually(() -> assertThat(List.of(status(ada.orcid(), doi), status(carl.orcid(), doi)))
                .containsOnly(ClaimStatus.IN_ORCID));
        assertThat(status(bea.orcid(), doi)).isEqualTo(ClaimStatus.WAITING_FOR_PERMISSION);

        JsonNode byDoi = ok(get("/api/v1/lookup/dois/" + doi.value()));
        assertThat(byDoi.get("doi").asString()).isEqualTo(doi.value());
        assertThat(byDoi.get("links")).singleElement().satisfies(link -> {
            assertThat(link.get("orcid").asString()).isEqualTo(ada.orcid().value());
            assertThat(link.get("name").asString()).isEqualTo("Ada Public");
            assertThat(link.get("status").asString()).isEqualTo("in_orcid");
            assertThat(link.get("inOrcid").asBoolean()).isTrue();
            assertThat(texts(link.get("provenance"))).containsExactly("admin");
        });
        // Any spelling ORCID accepts finds the same DOI.
        assertThat(ok(get("/api/v1/lookup/dois/doi:" + doi.value().toUpperCase())).get("links")).hasSize(1);
        JsonNode everyStatus = ok(get("/api/v1/lookup/dois/" + doi.value() + "?all=true"));
        assertThat(everyStatus.get("links").valueStream().map(l -> l.get("orcid").asString() + " "
                + l.get("status").asString()))
                .containsExactlyInAnyOrder(ada.orcid().value() + " in_orcid",
                        bea.orcid().value() + " waiting_for_permission");

        JsonNode byOrcid = ok(get("/api/v1/lookup/orcids/" + ada.orcid().value()));
        assertThat(byOrcid.get("name").asString()).isEqualTo("Ada Public");
        assertThat(byOrcid.get("links")).singleElement()
                .satisfies(link -> assertThat(link.get("doi").asString()).isEqualTo(doi.value()));
        assertThat(ok(get("/api/v1/lookup/orcids/" + bea.orcid().value())).get("links")).isEmpty();
        assertThat(ok(get("/api/v1/lookup/orcids/" + bea.orcid().value() + "?all=true")).get("links")).hasSize(1);
        HttpResponse<String> hidden = get("/api/v1/lookup/orcids/" + carl.orcid().value());
        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(hidden.body()).doesNotContain("Carl");

        Person admin = ConnectedResearchers.demoAdministrator();
        people.signIn(admin);
        JsonNode adminByDoi = ok(people.page(admin, "/api/v1/lookup/dois/" + doi.value()));
        assertThat(adminByDoi.get("links").valueStream().map(l -> l.get("orcid").asString()))
                .containsExactlyInAnyOrder(ada.orcid().value(), carl.orcid().value());
        JsonNode adminByOrcid = ok(people.page(admin, "/api/v1/lookup/orcids/" + carl.orcid().value()));
        assertThat(adminByOrcid.get("name").asString()).isEqualTo("Carl Private");
        assertThat(adminByOrcid.get("links")).hasSize(1);
        // A signed-in researcher who is not an administrator sees what the public sees.
        assertThat(people.page(ada, "/api/v1/lookup/orcids/" + carl.orcid().value()).statusCode()).isEqualTo(404);
    }

    @Test
    void aResearchersLinksComeAPageAtATimeByDoiAndAnonymousAnswersMayBeCached() {
        ConnectedResearchers people = new ConnectedResearchers(port, orcid);
        Person many = showingInLookups(people, "Many", "Works", true);
        String series = "10.5555/paged-" + UUID.randomUUID() + "-";
        List<String> dois = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Doi doi = new Doi(series + i);
            dois.add(doi.value());
            claims.assertClaim(many.orcid(), doi, OrcidRegistrations.AUTO_UPDATE, Provenance.ADMIN,
                    work(doi, "Core " + i));
        }
        eventually(() -> assertThat(dois.stream().map(d -> status(many.orcid(), new Doi(d))))
                .containsOnly(ClaimStatus.IN_ORCID));

        List<String> seen = new ArrayList<>();
        String next = "/api/v1/lookup/orcids/" + many.orcid().value() + "?limit=2";
        int pages = 0;
        while (next != null) {
            HttpResponse<String> response = get(next);
            assertThat(response.headers().firstValue("Cache-Control").orElse("")).contains("public")
                    .contains("max-age=60");
            JsonNode page = ok(response);
            assertThat(page.get("links").size()).isLessThanOrEqualTo(2);
            page.get("links").valueStream().forEach(l -> seen.add(l.get("doi").asString()));
            next = page.has("next") ? page.get("next").asString() : null;
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(dois);
        // More lookups than the database pool holds connections: none may keep one.
        for (int i = 0; i < 30; i++) {
            assertThat(ok(get("/api/v1/lookup/dois/" + dois.get(i % dois.size()))).get("links")).hasSize(1);
        }

        assertProblem(get("/api/v1/lookup/orcids/" + many.orcid().value() + "?limit=0"), "limit",
                "takes a number from 1 to 1000");
        assertProblem(get("/api/v1/lookup/orcids/" + many.orcid().value() + "?after=bm9wZQ"), "after",
                "takes a cursor from a previous page's 'next'");
    }

    @Test
    void anonymousAnswersCarryAnEtagAConditionalGetIsNotModifiedUntilALinkChangesAndNoSessionIsMade() {
        ConnectedResearchers people = new ConnectedResearchers(port, orcid);
        Person dora = showingInLookups(people, "Dora", "Cached", true);
        Doi first = new Doi("10.5555/etag-" + UUID.randomUUID());
        claims.assertClaim(dora.orcid(), first, OrcidRegistrations.AUTO_UPDATE, Provenance.ADMIN, work(first, "One"));
        eventually(() -> assertThat(status(dora.orcid(), first)).isEqualTo(ClaimStatus.IN_ORCID));
        String byOrcid = "/api/v1/lookup/orcids/" + dora.orcid().value();

        HttpResponse<String> answer = get(byOrcid);
        String etag = answer.headers().firstValue("ETag").orElseThrow();
        assertThat(ok(answer).get("links")).hasSize(1);
        assertThat(answer.headers().firstValue("Set-Cookie")).as("no session for an anonymous lookup").isEmpty();
        HttpResponse<String> again = conditionalGet(byOrcid, etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).contains(etag);
        HttpResponse<String> byDoi = get("/api/v1/lookup/dois/" + first.value());
        assertThat(conditionalGet("/api/v1/lookup/dois/" + first.value(),
                byDoi.headers().firstValue("ETag").orElseThrow()).statusCode()).isEqualTo(304);

        // A new link changes the answer, so the old ETag no longer matches.
        Doi second = new Doi("10.5555/etag-" + UUID.randomUUID());
        claims.assertClaim(dora.orcid(), second, OrcidRegistrations.AUTO_UPDATE, Provenance.ADMIN, work(second, "Two"));
        eventually(() -> assertThat(status(dora.orcid(), second)).isEqualTo(ClaimStatus.IN_ORCID));
        HttpResponse<String> changed = conditionalGet(byOrcid, etag);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(ok(changed).get("links")).hasSize(2);
        assertThat(changed.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);

        // An administrator's answer (it shows private researchers) is neither stored nor tagged.
        Person admin = ConnectedResearchers.demoAdministrator();
        people.signIn(admin);
        HttpResponse<String> adminAnswer = people.page(admin, byOrcid);
        assertThat(adminAnswer.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(adminAnswer.headers().firstValue("ETag")).isEmpty();
    }

    @Test
    void aChangeToAClaimOrAResearcherShowsInTheNextAnswerThoughAnswersAreKept() {
        ConnectedResearchers people = new ConnectedResearchers(port, orcid);
        Person eva = showingInLookups(people, "Eva", "Changing", true);
        Person fay = showingInLookups(people, "Fay", "Joining", true);
        Doi first = new Doi("10.5555/kept-" + UUID.randomUUID());
        claims.assertClaim(eva.orcid(), first, OrcidRegistrations.AUTO_UPDATE, Provenance.ADMIN, work(first, "One"));
        // Every status (?all=true): the answers change with the claims, whatever the push engine does meanwhile.
        String byDoi = "/api/v1/lookup/dois/" + first.value() + "?all=true";
        String byOrcid = "/api/v1/lookup/orcids/" + eva.orcid().value() + "?all=true";
        for (int i = 0; i < 2; i++) { // the second answer comes from the cache
            assertThat(ok(get(byDoi)).get("links")).hasSize(1);
            assertThat(ok(get(byOrcid)).get("links")).hasSize(1);
        }

        Doi second = new Doi("10.5555/kept-" + UUID.randomUUID());
        claims.assertClaim(eva.orcid(), second, OrcidRegistrations.AUTO_UPDATE, Provenance.ADMIN, work(second, "Two"));
        assertThat(ok(get(byOrcid)).get("links")).as("a new link of hers, at once").hasSize(2);
        claims.assertClaim(fay.orcid(), first, OrcidRegistrations.AUTO_UPDATE, Provenance.ADMIN, work(first, "One"));
        assertThat(ok(get(byDoi)).get("links")).as("a new researcher on the DOI, at once").hasSize(2);
        // The push engine writing the works (status in_orcid) shows in the default answers.
        eventually(() -> assertThat(status(eva.orcid(), second)).isEqualTo(ClaimStatus.IN_ORCID));
        assertThat(ok(get("/api/v1/lookup/orcids/" + eva.orcid().value())).get("links").valueStream()
                .map(l -> l.get("doi").asString())).contains(second.value());

        // She keeps out of public lookups from now on: her links are gone from the next answers.
        HttpResponse<String> saved = people.submit(eva, people.page(eva, "/settings"), "/settings",
                Map.of("autoUpdate", "true", "accessLevel", "READ_WRITE", "publicProfile", "false"));
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(ok(get(byDoi)).get("links").valueStream().map(l -> l.get("orcid").asString()))
                .containsExactly(fay.orcid().value());
        assertThat(get(byOrcid).statusCode()).isEqualTo(404);
    }

    @Test
    void aChangeMadeByAnotherInstanceShowsLongBeforeAKeptAnswerExpires() {
        ConnectedResearchers people = new ConnectedResearchers(port, orcid);
        Person gil = showingInLookups(people, "Gil", "Elsewhere", true);
        Doi doi = new Doi("10.5555/elsewhere-" + UUID.randomUUID());
        claims.assertClaim(gil.orcid(), doi, OrcidRegistrations.AUTO_UPDATE, Provenance.ADMIN, work(doi, "One"));
        String byDoi = "/api/v1/lookup/dois/" + doi.value() + "?all=true";
        eventually(() -> assertThat(ok(get(byDoi)).get("links").get(0).get("status").asString())
                .isEqualTo("in_orcid"));
        assertThat(ok(get(byDoi)).get("links").get(0).get("status").asString()).as("kept").isEqualTo("in_orcid");

        // Another instance on the same database changes the claim, and publishes that it changed something, as
        // every instance does (OtherInstances): this one learns it only from the database.
        // What shows within eventually()'s patience shows before a kept answer could have expired: only
        // OtherInstances can have told this instance.
        assertThat(Eventually.PATIENCE).isLessThan(LookupProperties.DEFAULT_TTL);
        JdbcTemplate database = new JdbcTemplate(dataSource);
        String elsewhere = "another-" + UUID.randomUUID();
        database.update("UPDATE claim SET status = 'FAILED_PERMANENTLY' WHERE orcid = ? AND doi = ?",
                gil.orcid().value(), doi.value());
        database.update("INSERT INTO lookup_instance (instance, changes, published_at) VALUES (?, 1, now())", elsewhere);
        eventually(() -> assertThat(ok(get(byDoi)).get("links").get(0).get("status").asString())
                .isEqualTo("failed_permanently"));

        // There she keeps out of public lookups: who shows is kept in memory too, and read again as soon.
        database.update("UPDATE researcher SET public_profile = false WHERE orcid = ?", gil.orcid().value());
        database.update("UPDATE lookup_instance SET changes = 2 WHERE instance = ?", elsewhere);
        eventually(() -> assertThat(ok(get(byDoi)).get("links")).isEmpty());
        eventually(() -> assertThat(get("/api/v1/lookup/orcids/" + gil.orcid().value()).statusCode())
                .isEqualTo(404));
    }

    @Test
    void whoShowsIsKeptInMemoryUnlessTooManyShow() {
        ConnectedResearchers people = new ConnectedResearchers(port, orcid);
        Person ida = showingInLookups(people, "Ida", "Kept", true);
        Clock clock = Clock.systemUTC();
        assertThat(new ShownResearchers(researchers, researchers::changes, clock, Duration.ofSeconds(5), 100_000).now())
                .hasValueSatisfying(shown -> assertThat(shown).containsKey(ida.orcid()));
        assertThat(new ShownResearchers(researchers, researchers::changes, clock, Duration.ofSeconds(5), 0).now())
                .as("more show than may be kept: each answer asks the database").isEmpty();
    }

    @Test
    void thePlainAnonymousAnswerIsTheSameWithAndWithoutASessionCookie() {
        ConnectedResearchers people = new ConnectedResearchers(port, orcid);
        Person hal = showingInLookups(people, "Hal", "Same", true);
        Doi doi = new Doi("10.5555/same-" + UUID.randomUUID());
        claims.assertClaim(hal.orcid(), doi, OrcidRegistrations.AUTO_UPDATE, Provenance.ADMIN, work(doi, "One"));
        // Written: the push engine no longer changes the answers while they are compared.
        eventually(() -> assertThat(status(hal.orcid(), doi)).isEqualTo(ClaimStatus.IN_ORCID));
        for (String path : List.of("/api/v1/lookup/dois/" + doi.value() + "?all=true",
                "/api/v1/lookup/orcids/" + hal.orcid().value() + "?limit=5&all=true")) {
            // Without a session the answer is made ahead of Spring Security and MVC (LookupFastPath); with one
            // (here one the server does not know: still anonymous), by the controller behind the security chain.
            HttpResponse<String> fast = get(path);
            Http http = new Http(port);
            HttpResponse<String> full = http.send(HttpRequest.newBuilder(http.uri(path))
                    .header("Cookie", "PIDLINK_SESSION=unknown").GET());
            assertThat(full.statusCode()).isEqualTo(fast.statusCode()).isEqualTo(200);
            assertThat(full.body()).isEqualTo(fast.body());
            assertThat(comparable(full)).isEqualTo(comparable(fast));
            String etag = fast.headers().firstValue("ETag").orElseThrow();
            HttpResponse<String> notModified = conditionalGet(path, etag);
            HttpResponse<String> notModifiedFull = http.send(HttpRequest.newBuilder(http.uri(path))
                    .header("Cookie", "PIDLINK_SESSION=unknown").header("If-None-Match", etag).GET());
            assertThat(notModified.statusCode()).isEqualTo(notModifiedFull.statusCode()).isEqualTo(304);
            assertThat(comparable(notModified)).isEqualTo(comparable(notModifiedFull));
        }
    }

    /** The headers that must not depend on the path an answer took (not its date or request id). */
    private static Map<String, List<String>> comparable(HttpResponse<String> response) {
        Map<String, List<String>> headers = new java.util.TreeMap<>(response.headers().map());
        headers.keySet().removeAll(List.of("date", "x-request-id", "keep-alive", "connection", ":status"));
        return headers;
    }

    private HttpResponse<String> conditionalGet(String path, String etag) {
        Http http = new Http(port);
        return http.send(HttpRequest.newBuilder(http.uri(path)).header("If-None-Match", etag).GET());
    }

    @Test
    void badIdentifiersAreProblemsNamingTheParameterAndTheReason() {
        HttpResponse<String> badDoi = get("/api/v1/lookup/dois/11.1234/abc");
        assertProblem(badDoi, "doi", Doi.NOT_A_DOI);
        HttpResponse<String> noSuffix = get("/api/v1/lookup/dois/10.1234/");
        assertProblem(noSuffix, "doi", Doi.NO_SUFFIX);
        HttpResponse<String> badChecksum = get("/api/v1/lookup/orcids/0000-0002-1825-0098");
        assertProblem(badChecksum, "orcid", OrcidId.BAD_CHECKSUM);
        assertProblem(get("/api/v1/lookup/orcids/someone"), "orcid", OrcidId.NOT_AN_ORCID_ID);
        HttpResponse<String> badFlag = get("/api/v1/lookup/dois/10.1234/abc?all=maybe");
        assertProblem(badFlag, "all", "takes true or false");
        assertThat(JSON.readTree(badFlag.body()).get("type").asString()).isEqualTo("/problems/invalid-parameter");
    }

    @Test
    void onlyReadingIsPublicTheRestOfTheApiStillNeedsAKey() {
        assertThat(get("/api/v1/lookup/dois/10.5555/unknown-" + UUID.randomUUID()).statusCode()).isEqualTo(200);
        Http http = new Http(port);
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(http.uri("/api/v1/lookup/dois/10.5555/x"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(post.statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/dois/10.5555/x").statusCode()).isEqualTo(401);
    }

    private static void assertProblem(HttpResponse<String> response, String parameter, String reason) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("parameter").asString()).isEqualTo(parameter);
        assertThat(problem.get("reason").asString()).isEqualTo(reason);
        assertThat(problem.get("detail").asString()).contains(parameter).contains(reason);
    }

    /** A new researcher who connects pidlink (auto-update as given) and shows in public lookups. */
    private static Person showingInLookups(ConnectedResearchers people, String given, String family,
                                           boolean autoUpdate) {
        Person person = people.newResearcher(given, family);
        people.connect(person, autoUpdate);
        showInPublicLookups(people, person, autoUpdate);
        return person;
    }

    private static void showInPublicLookups(ConnectedResearchers people, Person person, boolean autoUpdate) {
        HttpResponse<String> saved = people.submit(person, people.page(person, "/settings"), "/settings",
                Map.of("autoUpdate", Boolean.toString(autoUpdate), "accessLevel", "READ_WRITE",
                        "publicProfile", "true"));
        assertThat(saved.statusCode()).isEqualTo(200);
    }

    static WorkPayload work(Doi doi, String title) {
        return WorkPayload.ofCanonicalJson("{\"title\":{\"title\":{\"value\":\"" + title + "\"}},\"type\":\"data-set\","
                + "\"external-ids\":{\"external-id\":[{\"external-id-type\":\"doi\",\"external-id-value\":\""
                + doi.value() + "\",\"external-id-relationship\":\"self\"}]}}");
    }

    private ClaimStatus status(OrcidId researcher, Doi doi) {
        return claims.forResearcher(researcher).stream().filter(c -> c.doi().equals(doi.value())).findFirst()
                .orElseThrow().status();
    }

    private static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        return JSON.readTree(response.body());
    }

    private static List<String> texts(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    private HttpResponse<String> get(String path) {
        return new Http(port).get(path);
    }

    static void eventually(Runnable assertion) {
        org.pidlink.app.testsupport.Eventually.eventually(assertion);
    }
}
