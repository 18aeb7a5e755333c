package org.pidlink.emulator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pidlink.emulator.Fixtures.JSON;
import static org.pidlink.emulator.Fixtures.XML;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pidlink.emulator.Fixtures;
import org.pidlink.emulator.Fixtures.Setup;
import org.pidlink.emulator.Http;
import org.pidlink.emulator.junit.OrcidEmulatorExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Member API v3.0 works: create, read (JSON and XML), update, delete, bulk, grouping (orcid-api.md §3). */
class WorksApiTest {

    @RegisterExtension
    static final OrcidEmulatorExtension ORCID = OrcidEmulatorExtension.builder().noRateLimit().build();

    private static final JsonMapper JSON_MAPPER = JsonMapper.builder().build();

    private Http http;
    private Setup s;

    @BeforeEach
    void setUp() {
        http = new Http(ORCID.baseUrl());
        s = Fixtures.setup(ORCID.control(), "Works Test Client");
    }

    private HttpResponse<String> postJson(String body) {
        return http.post("/v3.0/" + s.orcid() + "/work", body, "Authorization", s.bearer(), "Content-Type", JSON,
                "Accept", JSON);
    }

    private long create(String title, String doi) {
        HttpResponse<String> r = postJson(Fixtures.jsonWork(title, doi));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return Fixtures.putCodeOf(r.headers().firstValue("Location").orElseThrow());
    }

    private static JsonNode json(HttpResponse<String> r) {
        return JSON_MAPPER.readTree(r.body());
    }

    @Test
    void postWorkAnswers201WithLocationAndEmptyBody() {
        HttpResponse<String> r = postJson(Fixtures.jsonWork("A title", "10.1234/abc"));
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.body()).isEmpty();
        assertThat(r.headers().firstValue("Location")).hasValueSatisfying(l ->
                assertThat(l).matches(ORCID.baseUrl() + "/v3\\.0/" + s.orcid() + "/work/\\d+"));
    }

    @Test
    void readsAWorkBackInJsonWithOrcidsShape() {
        long pc = create("Read me", "10.1234/READ");
        HttpResponse<String> r = http.get("/v3.0/" + s.orcid() + "/work/" + pc, "Authorization", s.bearer(),
                "Accept", JSON);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith(JSON);
        JsonNode w = json(r);
        assertThat(w.propertyNames()).containsExactly("created-date", "last-modified-date", "source", "put-code",
                "path", "title", "journal-title", "short-description", "citation", "type", "publication-date",
                "external-ids", "url", "contributors", "language-code", "country", "visibility");
        assertThat(w.get("put-code").asLong()).isEqualTo(pc);
        assertThat(w.get("path").asString()).isEqualTo("/" + s.orcid() + "/work/" + pc);
        assertThat(w.get("source").get("source-client-id").get("path").asString()).isEqualTo(s.client().clientId());
        assertThat(w.get("source").get("source-name").get("value").asString()).isEqualTo("Works Test Client");
        assertThat(w.get("journal-title").isNull()).isTrue();
        assertThat(w.get("visibility").asString()).isEqualTo("public");
        JsonNode id = w.get("external-ids").get("external-id").get(0);
        assertThat(id.get("external-id-normalized").get("value").asString()).isEqualTo("10.1234/read");
        assertThat(id.get("external-id-normalized").get("transient").asBoolean()).isTrue();
        assertThat(w.get("created-date").get("value").isNumber()).isTrue();
        assertThat(w.get("contributors").get("contributor").isArray()).isTrue();
    }

    @Test
    void answersXmlWithoutAcceptHeader() {
        long pc = create("Xml", "10.1234/xml");
        HttpResponse<String> r = http.get("/v3.0/" + s.orcid() + "/work/" + pc, "Authorization", s.bearer());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith(XML);
        assertThat(r.body()).contains("<work:work").contains("put-code=\"" + pc + "\"")
                .contains("<common:title>Xml</common:title>");
    }

    @Test
    void unsupportedAcceptIs406AndUnsupportedContentTypeIs415() {
        HttpResponse<String> r = http.get("/v3.0/" + s.orcid() + "/works", "Authorization", s.bearer(),
                "Accept", "text/csv");
        assertThat(r.statusCode()).isEqualTo(406);
        assertThat(r.body()).contains("<error:error-code>9001</error:error-code>");
        HttpResponse<String> p = http.post("/v3.0/" + s.orcid() + "/work", Fixtures.jsonWork("t", "10.1/x"),
                "Authorization", s.bearer(), "Content-Type", "text/plain", "Accept", JSON);
        assertThat(p.statusCode()).isEqualTo(415);
        assertThat(json(p).get("error-code").asInt()).isEqualTo(9001);
    }

    @Test
    void postsXmlToo() {
        HttpResponse<String> r = http.post("/v3.0/" + s.orcid() + "/work", Fixtures.xmlWork("In XML", "10.1/inxml"),
                "Authorization", s.bearer(), "Content-Type", XML);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    @Test
    void putUpdatesAndReturnsTheWorkWithNullPath() {
        long pc = create("Before", "10.1234/put");
        String body = "{\"put-code\":" + pc + "," + Fixtures.jsonWork("After", "10.1234/put").strip().substring(1);
        HttpResponse<String> r = http.put("/v3.0/" + s.orcid() + "/work/" + pc, body, "Authorization", s.bearer(),
                "Content-Type", JSON, "Accept", JSON);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode w = json(r);
        assertThat(w.get("title").get("title").get("value").asString()).isEqualTo("After");
        assertThat(w.get("path").isNull()).isTrue();
        assertThat(w.get("put-code").asLong()).isEqualTo(pc);
    }

    @Test
    void putWithAnotherPutCodeIs9019() {
        long pc = create("Before", "10.1234/9019");
        String body = "{\"put-code\":" + (pc + 1000) + "," + Fixtures.jsonWork("After", "10.1234/9019").strip().substring(1);
        HttpResponse<String> r = http.put("/v3.0/" + s.orcid() + "/work/" + pc, body, "Authorization", s.bearer(),
                "Content-Type", JSON, "Accept", JSON);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("error-code").asInt()).isEqualTo(9019);
        assertThat(json(r).get("developer-message").asString())
                .isEqualTo("400 Bad Request: The put code in the URL was " + pc + " whereas the one in the body was " + (pc + 1000) + ".");
    }

    @Test
    void deleteIs204ThenGetIs404With9016() {
        long pc = create("Gone", "10.1234/gone");
        HttpResponse<String> d = http.delete("/v3.0/" + s.orcid() + "/work/" + pc, "Authorization", s.bearer());
        assertThat(d.statusCode()).isEqualTo(204);
        HttpResponse<String> g = http.get("/v3.0/" + s.orcid() + "/work/" + pc, "Authorization", s.bearer(),
                "Accept", JSON);
        assertThat(g.statusCode()).isEqualTo(404);
        JsonNode e = json(g);
        assertThat(e.propertyNames()).containsExactly("response-code", "developer-message", "user-message",
                "error-code", "more-info");
        assertThat(e.get("error-code").asInt()).isEqualTo(9016);
        assertThat(e.get("developer-message").asString()).startsWith("404 Not Found: The resource was not found.");
        assertThat(e.get("more-info").asString()).isEqualTo("https://members.orcid.org/api/resources/troubleshooting");
    }

    @Test
    void anotherClientCannotUpdateOrDeleteAndGets9010() {
        long pc = create("Mine", "10.1234/mine");
        Setup other = new Setup(ORCID.control().createClient(
                org.pidlink.emulator.control.ClientSpec.member("Other", "https://other.example")), s.researcher(), null);
        String otherToken = ORCID.control().token(s.orcid(), other.client().clientId(), "/activities/update").accessToken();
        HttpResponse<String> d = http.delete("/v3.0/" + s.orcid() + "/work/" + pc, "Authorization", "Bearer " + otherToken,
                "Accept", JSON);
        assertThat(d.statusCode()).isEqualTo(403);
        assertThat(json(d).get("error-code").asInt()).isEqualTo(9010);
        assertThat(json(d).get("developer-message").asString())
                .isEqualTo("403 Forbidden: You are not the source of the work, so you are not allowed to update it.");
        String body = "{\"put-code\":" + pc + "," + Fixtures.jsonWork("Theirs", "10.1234/mine").strip().substring(1);
        HttpResponse<String> u = http.put("/v3.0/" + s.orcid() + "/work/" + pc, body, "Authorization", "Bearer " + otherToken,
                "Content-Type", JSON, "Accept", JSON);
        assertThat(u.statusCode()).isEqualTo(403);
        assertThat(json(u).get("error-code").asInt()).isEqualTo(9010);
    }

    @Test
    void duplicateFromSameClientIs409With9021NamingThePutCode() {
        long pc = create("Original", "10.1234/DUP");
        HttpResponse<String> r = postJson(Fixtures.jsonWork("Again", "https://doi.org/10.1234/dup"));
        assertThat(r.statusCode()).isEqualTo(409);
        JsonNode e = json(r);
        assertThat(e.get("error-code").asInt()).isEqualTo(9021);
        assertThat(e.get("developer-message").asString()).isEqualTo("409 Conflict: You have already added this activity "
                + "(matched by external identifiers), please see element with put-code " + pc
                + ". If you are trying to edit the item, please use PUT instead of POST.");
        assertThat(e.get("user-message").asString()).contains("Works Test Client");
    }

    @Test
    void sameDoiFromAnotherClientIsAllowedAndGroupedTogether() {
        create("Shared", "10.1234/shared");
        var other = ORCID.control().createClient(org.pidlink.emulator.control.ClientSpec.member("Other", "https://o.example"));
        String t = ORCID.control().token(s.orcid(), other.clientId(), "/activities/update").accessToken();
        HttpResponse<String> r = http.post("/v3.0/" + s.orcid() + "/work", Fixtures.jsonWork("Shared too", "10.1234/SHARED"),
                "Authorization", "Bearer " + t, "Content-Type", JSON);
        assertThat(r.statusCode()).isEqualTo(201);
        JsonNode works = json(http.get("/v3.0/" + s.orcid() + "/works", "Authorization", s.bearer(), "Accept", JSON));
        assertThat(works.get("group")).hasSize(1);
        assertThat(works.get("group").get(0).get("work-summary")).hasSize(2);
        assertThat(works.get("path").asString()).isEqualTo("/" + s.orcid() + "/works");
    }

    @Test
    void partOfIdsNeitherConflictNorGroup() {
        String a = Fixtures.jsonWork("Chapter A", "10.1/a").replace("]}}", ",{\"external-id-type\":\"isbn\","
                + "\"external-id-value\":\"978-3-16-148410-0\",\"external-id-relationship\":\"part-of\"}]}}");
        String b = Fixtures.jsonWork("Chapter B", "10.1/b").replace("]}}", ",{\"external-id-type\":\"isbn\","
                + "\"external-id-value\":\"9783161484100\",\"external-id-relationship\":\"part-of\"}]}}");
        assertThat(postJson(a).statusCode()).isEqualTo(201);
        assertThat(postJson(b).statusCode()).isEqualTo(201);
        JsonNode works = json(http.get("/v3.0/" + s.orcid() + "/works", "Authorization", s.bearer(), "Accept", JSON));
        assertThat(works.get("group")).hasSize(2);
    }

    @Test
    void groupsTransitivelyAndOrdersNewestFirst() {
        // w1 {doi:x}, w2 {doi:x, pmid:1}, w3 {pmid:1}: one group through w2. w4 alone, newer.
        var other = ORCID.control().createClient(org.pidlink.emulator.control.ClientSpec.member("O", "https://o.example"));
        String t2 = ORCID.control().token(s.orcid(), other.clientId(), "/activities/update").accessToken();
        create("One", "10.5/x");
        String w2 = Fixtures.jsonWork("Two", "10.5/x").replace("]}}", ",{\"external-id-type\":\"pmid\","
                + "\"external-id-value\":\"123\",\"external-id-relationship\":\"self\"}]}}");
        assertThat(http.post("/v3.0/" + s.orcid() + "/work", w2, "Authorization", "Bearer " + t2, "Content-Type", JSON)
                .statusCode()).isEqualTo(201);
        String w3 = """
                {"title":{"title":{"value":"Three"}},"type":"preprint","external-ids":{"external-id":
                 {"external-id-type":"pmid","external-id-value":"PMID:123","external-id-relationship":"self"}}}""";
        assertThat(postJson(w3).statusCode()).isEqualTo(201);
        String w4 = Fixtures.jsonWork("Four", "10.5/y").replace("\"2021\"", "\"2024\"");
        assertThat(postJson(w4).statusCode()).isEqualTo(201);
        JsonNode groups = json(http.get("/v3.0/" + s.orcid() + "/works", "Authorization", s.bearer(), "Accept", JSON))
                .get("group");
        assertThat(groups).hasSize(2);
        assertThat(groups.get(0).get("work-summary").get(0).get("title").get("title").get("value").asString())
                .isEqualTo("Four");
        assertThat(groups.get(1).get("work-summary")).hasSize(3);
        assertThat(groups.get(1).get("external-ids").get("external-id")).hasSize(2);
        JsonNode summary = groups.get(1).get("work-summary").get(0);
        assertThat(summary.propertyNames()).containsExactly("put-code", "created-date", "last-modified-date", "source",
                "title", "external-ids", "url", "type", "publication-date", "journal-title", "visibility", "path",
                "display-index");
        assertThat(summary.get("display-index").isString()).isTrue();
    }

    @Test
    void bulkPostAnswers200WithOneWorkOrErrorPerItemInOrder() {
        create("Existing", "10.7/existing");
        String bulk = "{\"bulk\":[{\"work\":" + Fixtures.jsonWork("New 1", "10.7/n1") + "},"
                + "{\"work\":" + Fixtures.jsonWork("Dup of existing", "10.7/EXISTING") + "},"
                + "{\"work\":{\"title\":{\"title\":{\"value\":\"No ids\"}},\"type\":\"book\"}},"
                + "{\"work\":" + Fixtures.jsonWork("Dup in request", "10.7/n1") + "},"
                + "{\"work\":{\"title\":{\"title\":{\"value\":\"\"}},\"type\":\"book\"}},"
                + "{\"work\":" + Fixtures.jsonWork("New 2", "10.7/n2") + "}]}";
        HttpResponse<String> r = http.post("/v3.0/" + s.orcid() + "/works", bulk, "Authorization", s.bearer(),
                "Content-Type", JSON, "Accept", JSON);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode items = json(r).get("bulk");
        assertThat(items).hasSize(6);
        assertThat(items.get(0).get("work").get("put-code").asLong()).isPositive();
        assertThat(items.get(0).get("work").get("path").isNull()).isTrue();
        assertThat(items.get(1).get("error").get("error-code").asInt()).isEqualTo(9021);
        assertThat(items.get(2).get("error").get("error-code").asInt()).isEqualTo(9023);
        assertThat(items.get(3).get("error").get("error-code").asInt()).isEqualTo(9021);
        assertThat(items.get(3).get("error").get("developer-message").asString())
                .contains("put-code " + items.get(0).get("work").get("put-code").asLong());
        assertThat(items.get(4).get("error").get("error-code").asInt()).isEqualTo(9022);
        assertThat(items.get(5).get("work").get("title").get("title").get("value").asString()).isEqualTo("New 2");
    }

    @Test
    void bulkOfMoreThan100Is9006() {
        StringBuilder sb = new StringBuilder("{\"bulk\":[");
        for (int i = 0; i < 101; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"work\":").append(Fixtures.jsonWork("W" + i, "10.8/" + i)).append('}');
        }
        HttpResponse<String> r = http.post("/v3.0/" + s.orcid() + "/works", sb + "]}", "Authorization", s.bearer(),
                "Content-Type", JSON, "Accept", JSON);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("error-code").asInt()).isEqualTo(9006);
    }

    @Test
    void bulkReadReturnsFoundWorksThenErrorsForUnknownPutCodes() {
        long a = create("A", "10.9/a");
        long b = create("B", "10.9/b");
        HttpResponse<String> r = http.get("/v3.0/" + s.orcid() + "/works/" + a + ",99999999," + b,
                "Authorization", s.bearer(), "Accept", JSON);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode items = json(r).get("bulk");
        assertThat(items).hasSize(3);
        assertThat(items.get(0).get("work").get("put-code").asLong()).isEqualTo(a);
        assertThat(items.get(1).get("work").get("put-code").asLong()).isEqualTo(b);
        assertThat(items.get(2).get("error").get("error-code").asInt()).isEqualTo(9034);
        assertThat(items.get(2).get("error").get("developer-message").asString()).isEqualTo(
                "400 Bad Request: The put code provided is not valid. Full validation error: '99999999' is not a valid put code");
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 101; i++) {
            many.append(i == 0 ? "" : ",").append(i + 1);
        }
        HttpResponse<String> tooMany = http.get("/v3.0/" + s.orcid() + "/works/" + many, "Authorization", s.bearer(),
                "Accept", JSON);
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(json(tooMany).get("error-code").asInt()).isEqualTo(9042);
        HttpResponse<String> nonNumeric = http.get("/v3.0/" + s.orcid() + "/works/1,abc", "Authorization", s.bearer(),
                "Accept", JSON);
        assertThat(json(nonNumeric).get("error-code").asInt()).isEqualTo(9006);
    }

    @Test
    void nonNumericPutCodeIs9034() {
        HttpResponse<String> r = http.get("/v3.0/" + s.orcid() + "/work/abc", "Authorization", s.bearer(),
                "Accept", JSON);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("error-code").asInt()).isEqualTo(9034);
    }

    @Test
    void summaryAndRecordIncludeTheWork() {
        long pc = create("Summarised", "10.10/s");
        JsonNode summary = json(http.get("/v3.0/" + s.orcid() + "/work/summary/" + pc, "Authorization", s.bearer(),
                "Accept", JSON));
        assertThat(summary.get("put-code").asLong()).isEqualTo(pc);
        JsonNode record = json(http.get("/v3.0/" + s.orcid() + "/record", "Authorization", s.bearer(), "Accept", JSON));
        assertThat(record.get("orcid-identifier").get("path").asString()).isEqualTo(s.orcid());
        assertThat(record.get("activities-summary").get("works").get("group")).hasSize(1);
        JsonNode activities = json(http.get("/v3.0/" + s.orcid() + "/activities", "Authorization", s.bearer(),
                "Accept", JSON));
        assertThat(activities.get("works").get("group")).hasSize(1);
        assertThat(activities.get("path").asString()).isEqualTo("/" + s.orcid() + "/activities");
    }

    @Test
    void visibilityComesFromTheResearchersDefault() {
        ORCID.control().setDefaultVisibility(s.orcid(), "limited");
        long pc = create("Limited", "10.11/l");
        JsonNode w = json(http.get("/v3.0/" + s.orcid() + "/work/" + pc, "Authorization", s.bearer(), "Accept", JSON));
        assertThat(w.get("visibility").asString()).isEqualTo("limited");
        // Public API: not visible.
        HttpResponse<String> pub = http.get("/pub/v3.0/" + s.orcid() + "/works", "Accept", JSON);
        assertThat(pub.statusCode()).isEqualTo(200);
        assertThat(json(pub).get("group")).isEmpty();
        HttpResponse<String> pubWork = http.get("/pub/v3.0/" + s.orcid() + "/work/" + pc, "Accept", JSON);
        assertThat(pubWork.statusCode()).isEqualTo(403);
        assertThat(json(pubWork).get("error-code").asInt()).isEqualTo(9039);
    }

    @Test
    void publicApiReadsPublicWorksAnonymously() {
        long pc = create("Public", "10.12/p");
        HttpResponse<String> r = http.get("/pub/v3.0/" + s.orcid() + "/work/" + pc, "Accept", JSON);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(http.post("/pub/v3.0/" + s.orcid() + "/works", "{}", "Content-Type", JSON).statusCode())
                .isEqualTo(405);
    }

    @Test
    void unversionedPathsRedirectToV3() {
        HttpResponse<String> r = http.get("/" + s.orcid() + "/works", "Authorization", s.bearer());
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location")).hasValue(ORCID.baseUrl() + "/v3.0/" + s.orcid() + "/works");
    }

    @Test
    void moreThan10000WorksIs9048() {
        fillFromAnotherSource(10_000, org.pidlink.emulator.state.Visibility.PUBLIC);
        var refusals = ORCID.emulator().context().shared(org.pidlink.emulator.traffic.WorkLimitRefusals.class,
                org.pidlink.emulator.traffic.WorkLimitRefusals::new);
        long refusedBefore = refusals.works();
        HttpResponse<String> r = postJson(Fixtures.jsonWork("One too many", "10.13/x"));
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(json(r).get("error-code").asInt()).isEqualTo(9048);
        // Benchmarks count what the cap refused (a client that knows the record's count never causes one).
        assertThat(refusals.works() - refusedBefore).isEqualTo(1);
    }

    @Test
    void everySourcesWorksCountTowardTheCapEvenPrivateOnesTheCallerCannotSee() {
        // 9,998 works of another source, private: the caller's reads do not show them, ORCID still counts them.
        fillFromAnotherSource(9_998, org.pidlink.emulator.state.Visibility.PRIVATE);
        String bulkOfThree = "{\"bulk\":[{\"work\":" + Fixtures.jsonWork("A", "10.13/a") + "},{\"work\":"
                + Fixtures.jsonWork("B", "10.13/b") + "},{\"work\":" + Fixtures.jsonWork("C", "10.13/c") + "}]}";

        HttpResponse<String> refused = http.post("/v3.0/" + s.orcid() + "/works", bulkOfThree, "Authorization",
                s.bearer(), "Content-Type", JSON, "Accept", JSON);

        // (existing + bulk size) > 10,000 refuses the whole request: nothing of it is created.
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(json(refused).get("error-code").asInt()).isEqualTo(9048);
        assertThat(ORCID.control().works(s.orcid())).hasSize(9_998);
        create("The 9,999th", "10.13/d");
        create("The 10,000th", "10.13/e");
        HttpResponse<String> oneMore = postJson(Fixtures.jsonWork("The 10,001st", "10.13/f"));
        assertThat(oneMore.statusCode()).isEqualTo(409);
        assertThat(json(oneMore).get("error-code").asInt()).isEqualTo(9048);
        assertThat(ORCID.control().works(s.orcid())).hasSize(10_000);
    }

    /** Fills the record directly through the state (10,000 HTTP calls would only slow the suite down). */
    private void fillFromAnotherSource(int count, org.pidlink.emulator.state.Visibility visibility) {
        var researcher = ORCID.emulator().state().researcher(s.orcid()).orElseThrow();
        var state = ORCID.emulator().state();
        state.changeWorks(researcher, works -> {
            for (int i = 0; i < count; i++) {
                long pc = state.nextPutCode();
                var w = new org.pidlink.emulator.works.Work(null, "Filler " + i, null, null, null, null, null, "other",
                        null, java.util.List.of(new org.pidlink.emulator.works.Work.ExternalId("other-id", "f" + i, null, "self")),
                        null, null, null, null, null);
                works.put(new org.pidlink.emulator.state.StoredWork(pc, "someone-else", state.now(), state.now(),
                        visibility, w, java.util.List.of("f" + i)));
            }
            return org.pidlink.emulator.state.EmulatorState.RecordChange.changed(null);
        });
    }

    @Test
    void putChangingTheVisibilityIs9035() {
        long pc = create("Visible", "10.14/v");
        String body = "{\"put-code\":" + pc + ",\"visibility\":\"private\","
                + Fixtures.jsonWork("Visible, edited", "10.14/v").strip().substring(1);
        HttpResponse<String> r = http.put("/v3.0/" + s.orcid() + "/work/" + pc, body, "Authorization", s.bearer(),
                "Content-Type", JSON, "Accept", JSON);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(json(r).get("error-code").asInt()).isEqualTo(9035);
    }

    @Test
    void putOfAnUnchangedWorkByAnotherClientIs9014() {
        long pc = create("Same", "10.14/same");
        var other = ORCID.control().createClient(org.pidlink.emulator.control.ClientSpec.member("Other", "https://o.example"));
        String t = ORCID.control().token(s.orcid(), other.clientId(), "/activities/update").accessToken();
        String body = "{\"put-code\":" + pc + "," + Fixtures.jsonWork("Same", "10.14/same").strip().substring(1);
        HttpResponse<String> r = http.put("/v3.0/" + s.orcid() + "/work/" + pc, body, "Authorization", "Bearer " + t,
                "Content-Type", JSON, "Accept", JSON);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(json(r).get("error-code").asInt()).isEqualTo(9014);
        // The owner sending the same content gets the stored work back.
        HttpResponse<String> own = http.put("/v3.0/" + s.orcid() + "/work/" + pc, body, "Authorization", s.bearer(),
                "Content-Type", JSON, "Accept", JSON);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(json(own).get("put-code").asLong()).isEqualTo(pc);
    }

    @Test
    void putOfAnUnknownPutCodeIs404() {
        String body = "{\"put-code\":424242," + Fixtures.jsonWork("Nope", "10.14/nope").strip().substring(1);
        HttpResponse<String> r = http.put("/v3.0/" + s.orcid() + "/work/424242", body, "Authorization", s.bearer(),
                "Content-Type", JSON, "Accept", JSON);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(json(r).get("error-code").asInt()).isEqualTo(9016);
    }

    @Test
    void putCannotCreateADuplicateOfAnotherOwnWork() {
        create("First", "10.14/first");
        long second = create("Second", "10.14/second");
        String body = "{\"put-code\":" + second + "," + Fixtures.jsonWork("Second", "10.14/FIRST").strip().substring(1);
        HttpResponse<String> r = http.put("/v3.0/" + s.orcid() + "/work/" + second, body, "Authorization", s.bearer(),
                "Content-Type", JSON, "Accept", JSON);
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(json(r).get("error-code").asInt()).isEqualTo(9021);
    }

    @Test
    void injectedLatencyDelaysMemberApiCalls() {
        ORCID.control().faults(new org.pidlink.emulator.traffic.Faults(0, java.util.List.of(), 300, 0, null));
        try {
            long t0 = System.nanoTime();
            assertThat(http.get("/v3.0/" + s.orcid() + "/works", "Authorization", s.bearer()).statusCode()).isEqualTo(200);
            assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(300);
        } finally {
            ORCID.control().faults(org.pidlink.emulator.traffic.Faults.NONE);
        }
    }
}
