package org.pidlink.emulator.affiliations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pidlink.emulator.Fixtures.JSON;
import static org.pidlink.emulator.Fixtures.XML;
import static org.pidlink.emulator.affiliations.AffiliationCalls.MAPPER;
import static org.pidlink.emulator.affiliations.AffiliationCalls.assertError;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.pidlink.core.affiliation.AffiliationKind;
import org.pidlink.emulator.Fixtures.Setup;
import org.pidlink.emulator.Fixtures;
import org.pidlink.emulator.Http;
import org.pidlink.emulator.junit.OrcidEmulatorExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The seven affiliation kinds over real HTTP: create, read, update, delete, lists and groups (orcid-api.md §11). */
class AffiliationsApiTest {

    @RegisterExtension
    static final OrcidEmulatorExtension ORCID = OrcidEmulatorExtension.builder().noRateLimit().build();

    private Http http;
    private Setup s;
    private AffiliationCalls calls;

    @BeforeEach
    void setUp() {
        http = new Http(ORCID.baseUrl());
        s = Fixtures.setup(ORCID.control(), "Affiliation Client");
        calls = new AffiliationCalls(http, s);
    }

    @ParameterizedTest
    @EnumSource(AffiliationKind.class)
    void orcidsOwnJsonSampleOfEachKindIsCreatedAndReadBack(AffiliationKind kind) {
        HttpResponse<String> r = calls.post(kind, AffiliationCalls.sample(kind));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(r.body()).isEmpty();
        String location = r.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches(ORCID.baseUrl() + "/v3\\.0/" + s.orcid() + "/" + kind.value() + "/\\d+");
        long pc = Fixtures.putCodeOf(location);

        JsonNode item = calls.getJson("/" + kind.value() + "/" + pc);
        assertThat(item.propertyNames()).containsExactly("created-date", "last-modified-date", "source", "put-code",
                "path", "department-name", "role-title", "start-date", "end-date", "organization", "url",
                "external-ids", "display-index", "visibility");
        assertThat(item.get("path").asString()).isEqualTo("/" + s.orcid() + "/" + kind.value() + "/" + pc);
        assertThat(item.get("put-code").asLong()).isEqualTo(pc);
        assertThat(item.get("display-index").asString()).isEqualTo("1");
        assertThat(item.get("source").get("source-client-id").get("path").asString()).isEqualTo(s.client().clientId());
        assertThat(item.get("source").get("source-name").get("value").asString()).isEqualTo("Affiliation Client");
        ObjectNode sample = AffiliationCalls.sample(kind);
        assertThat(item.get("organization")).isEqualTo(sample.get("organization"));
        assertThat(item.get("start-date")).isEqualTo(sample.get("start-date"));
        assertThat(item.get("role-title")).isEqualTo(sample.get("role-title"));
        assertThat(item.get("external-ids").get("external-id")).hasSameSizeAs(sample.get("external-ids").get("external-id"));

        JsonNode summary = calls.getJson("/" + kind.value() + "/summary/" + pc);
        assertThat(summary.propertyNames()).containsExactly("created-date", "last-modified-date", "source",
                "put-code", "department-name", "role-title", "start-date", "end-date", "organization", "url",
                "external-ids", "display-index", "visibility", "path");
    }

    @ParameterizedTest
    @EnumSource(AffiliationKind.class)
    void orcidsOwnXmlSampleOfEachKindIsCreated(AffiliationKind kind) {
        HttpResponse<String> r = calls.post(kind, AffiliationCalls.xmlSample(kind), XML);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        long pc = Fixtures.putCodeOf(r.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> read = calls.get("/" + kind.value() + "/" + pc, XML);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("Content-Type").orElseThrow()).startsWith(XML);
        assertThat(read.body()).contains("<" + kind.value() + ":" + kind.value() + " ", "put-code=\"" + pc + "\"",
                "<common:department-name>department-name</common:department-name>");
    }

    @ParameterizedTest
    @CsvSource({"30postemploy.xml, employment", "30postedu.xml, education", "30postqualify.xml, qualification",
            "30postinvited.xml, invited-position", "30postdistinct.xml, distinction",
            "30postmembership.xml, membership", "30postservice.xml, service", "ma30_edu.xml, education",
            "ma30_qualify.xml, qualification"})
    void orcidsIndependentTestBodiesAreAccepted(String file, String kindName) {
        AffiliationKind kind = AffiliationKind.fromValue(kindName);
        HttpResponse<String> r = calls.post(kind, Fixtures.postFile(file), XML);
        assertThat(r.statusCode()).as(file + " " + r.body()).isEqualTo(201);
    }

    @Test
    void putUpdatesTheItemAndAnswersItWithTheNewEndDate() {
        ObjectNode body = AffiliationCalls.employment("G-1");
        long pc = calls.create(AffiliationKind.EMPLOYMENT, body);
        JsonNode before = calls.getJson("/employment/" + pc);
        body.put("put-code", pc);
        body.set("end-date", MAPPER.readTree("{\"year\":{\"value\":\"2024\"},\"month\":{\"value\":\"06\"}}"));
        body.put("role-title", "Emeritus");
        HttpResponse<String> r = calls.put(AffiliationKind.EMPLOYMENT, pc, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode answer = MAPPER.readTree(r.body());
        assertThat(answer.get("put-code").asLong()).isEqualTo(pc);
        assertThat(answer.get("end-date").get("year").get("value").asString()).isEqualTo("2024");
        assertThat(answer.get("end-date").get("day").isNull()).isTrue();
        JsonNode after = calls.getJson("/employment/" + pc);
        assertThat(after.get("role-title").asString()).isEqualTo("Emeritus");
        assertThat(after.get("created-date")).isEqualTo(before.get("created-date"));
        assertThat(after.get("last-modified-date").get("value").asLong())
                .isGreaterThanOrEqualTo(before.get("last-modified-date").get("value").asLong());
    }

    @Test
    void deleteAnswers204AndTheItemIsGone() {
        long pc = calls.create(AffiliationKind.SERVICE, AffiliationCalls.sample(AffiliationKind.SERVICE));
        HttpResponse<String> r = calls.delete(AffiliationKind.SERVICE, pc);
        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(r.body()).isEmpty();
        assertError(calls.get("/service/" + pc, JSON), 404, 9016);
        assertError(calls.delete(AffiliationKind.SERVICE, pc), 404, 9016);
        assertThat(calls.getJson("/services").get("affiliation-group")).isEmpty();
    }

    @Test
    void orcidKeepsTheOrganizationTrimmedAndEmptyAddressPartsAsNull() {
        ObjectNode body = AffiliationCalls.employment("G-2");
        ObjectNode org = (ObjectNode) body.get("organization");
        org.put("name", "  Boston University ");
        ((ObjectNode) org.get("address")).put("city", " Boston").remove("region");
        long pc = calls.create(AffiliationKind.EMPLOYMENT, body);
        JsonNode item = calls.getJson("/employment/" + pc);
        assertThat(item.get("organization").get("name").asString()).isEqualTo("Boston University");
        assertThat(item.get("organization").get("address").get("city").asString()).isEqualTo("Boston");
        assertThat(item.get("organization").get("address").get("region").isNull()).isTrue();
        assertThat(item.get("url").isNull()).isTrue();
        assertThat(item.get("department-name").isNull()).isTrue();
    }

    @Test
    void anItemWithoutExternalIdsHasNullExternalIds() {
        ObjectNode body = AffiliationCalls.employment("x");
        body.remove("external-ids");
        long pc = calls.create(AffiliationKind.EMPLOYMENT, body);
        assertThat(calls.getJson("/employment/" + pc).get("external-ids").isNull()).isTrue();
    }

    @Test
    void anEmptySectionIsAnEmptyContainer() {
        JsonNode list = calls.getJson("/memberships");
        assertThat(list.propertyNames()).containsExactly("last-modified-date", "affiliation-group", "path");
        assertThat(list.get("last-modified-date").isNull()).isTrue();
        assertThat(list.get("affiliation-group")).isEmpty();
        assertThat(list.get("path").asString()).isEqualTo("/" + s.orcid() + "/memberships");
        assertThat(calls.get("/memberships", XML).body()).contains("<activities:memberships",
                "path=\"/" + s.orcid() + "/memberships\"").doesNotContain("affiliation-group", "last-modified-date");
    }

    @Test
    void listsGroupBySharedIdsAndOrderUndatedThenOngoingThenEnded() {
        ObjectNode ended = AffiliationCalls.employment("E-1");
        ended.set("end-date", MAPPER.readTree("{\"year\":{\"value\":\"2022\"}}"));
        long endedPc = calls.create(AffiliationKind.EMPLOYMENT, ended);
        ObjectNode olderOngoing = AffiliationCalls.employment("O-1");
        olderOngoing.set("start-date", MAPPER.readTree("{\"year\":{\"value\":\"2010\"}}"));
        long olderPc = calls.create(AffiliationKind.EMPLOYMENT, olderOngoing);
        long newerPc = calls.create(AffiliationKind.EMPLOYMENT, AffiliationCalls.employment("N-1"));
        ObjectNode undated = AffiliationCalls.employment("U-1");
        undated.remove("start-date");
        long undatedPc = calls.create(AffiliationKind.EMPLOYMENT, undated);
        // Another source's item with the newer one's grant id joins its group.
        Setup other = Fixtures.setup(ORCID.control(), "Other Client");
        String otherToken = ORCID.control().token(s.orcid(), other.client().clientId(), "/activities/update")
                .accessToken();
        HttpResponse<String> joined = http.post("/v3.0/" + s.orcid() + "/employment",
                AffiliationCalls.employment("N-1").toString(), "Authorization", "Bearer " + otherToken,
                "Content-Type", JSON);
        assertThat(joined.statusCode()).as(joined.body()).isEqualTo(201);
        long joinedPc = Fixtures.putCodeOf(joined.headers().firstValue("Location").orElseThrow());

        JsonNode list = calls.getJson("/employments");
        List<List<Long>> groups = new ArrayList<>();
        for (JsonNode g : list.get("affiliation-group")) {
            List<Long> members = new ArrayList<>();
            for (JsonNode summary : g.get("summaries")) {
                members.add(summary.get("employment-summary").get("put-code").asLong());
            }
            groups.add(members);
        }
        assertThat(groups).containsExactly(List.of(undatedPc), List.of(joinedPc, newerPc), List.of(olderPc),
                List.of(endedPc));
        JsonNode shared = list.get("affiliation-group").get(1);
        assertThat(shared.get("external-ids").get("external-id")).hasSize(1);
        assertThat(shared.get("external-ids").get("external-id").get(0).get("external-id-value").asString())
                .isEqualTo("N-1");
        assertThat(list.get("last-modified-date").get("value").asLong())
                .isEqualTo(shared.get("last-modified-date").get("value").asLong());
    }

    @Test
    void activitiesAndRecordCarryEverySectionInOrcidsOrder() {
        calls.create(AffiliationKind.EDUCATION, AffiliationCalls.sample(AffiliationKind.EDUCATION));
        calls.create(AffiliationKind.INVITED_POSITION, AffiliationCalls.sample(AffiliationKind.INVITED_POSITION));
        JsonNode activities = calls.getJson("/activities");
        assertThat(activities.propertyNames()).containsExactly("last-modified-date", "distinctions", "educations",
                "employments", "fundings", "invited-positions", "memberships", "peer-reviews", "qualifications",
                "research-resources", "services", "works", "path");
        assertThat(activities.get("educations").get("affiliation-group")).hasSize(1);
        assertThat(activities.get("invited-positions").get("affiliation-group").get(0).get("summaries").get(0)
                .has("invited-position-summary")).isTrue();
        assertThat(activities.get("fundings").get("group")).isEmpty();
        assertThat(activities.get("fundings").get("path").asString()).isEqualTo("/" + s.orcid() + "/fundings");
        JsonNode record = calls.getJson("/record");
        assertThat(record.get("activities-summary").get("educations")).isEqualTo(activities.get("educations"));
    }

    @Test
    void theKindOfAnAffiliationIsNotCheckedOnPutAndDeleteAsOnOrcid() {
        long education = calls.create(AffiliationKind.EDUCATION, AffiliationCalls.sample(AffiliationKind.EDUCATION));
        // A GET of the wrong kind is 400/9006 ...
        JsonNode e = assertError(calls.get("/employment/" + education, JSON), 400, 9006);
        assertThat(e.get("developer-message").asString()).isEqualTo("The client application sent a bad request to "
                + "ORCID. Full validation error: Given affiliation " + education
                + " doesn't match the desired type employment");
        assertError(calls.get("/employment/summary/" + education, JSON), 400, 9006);
        // ... but a PUT through /employment rewrites it as an employment,
        ObjectNode body = AffiliationCalls.employment("K-1");
        body.put("put-code", education);
        assertThat(calls.put(AffiliationKind.EMPLOYMENT, education, body).statusCode()).isEqualTo(200);
        assertThat(calls.getJson("/employment/" + education).get("path").asString()).endsWith("/employment/" + education);
        assertThat(calls.getJson("/educations").get("affiliation-group")).isEmpty();
        // and a DELETE through another kind deletes it.
        assertThat(calls.delete(AffiliationKind.SERVICE, education).statusCode()).isEqualTo(204);
        assertThat(calls.getJson("/employments").get("affiliation-group")).isEmpty();
    }

    @Test
    void externalIdTypesComeBackInOrcidsStoredSpellingSoTheyNoLongerMatchOnRepost() {
        ObjectNode body = AffiliationCalls.employment("x");
        ((ObjectNode) body.get("external-ids").get("external-id").get(0)).put("external-id-type", "source-work-id")
                .put("external-id-value", "local-7");
        long pc = calls.create(AffiliationKind.EMPLOYMENT, body);
        assertThat(calls.getJson("/employment/" + pc).get("external-ids").get("external-id").get(0)
                .get("external-id-type").asString()).isEqualTo("source_work_id");
        // ORCID compares the submitted type with the stored one, so the same body is no duplicate (§11.5).
        assertThat(calls.post(AffiliationKind.EMPLOYMENT, body).statusCode()).isEqualTo(201);
    }

    @Test
    void theResearchersDefaultVisibilityApplies() {
        ORCID.control().setDefaultVisibility(s.orcid(), "limited");
        long pc = calls.create(AffiliationKind.EMPLOYMENT, AffiliationCalls.employment("V-1"));
        assertThat(calls.getJson("/employment/" + pc).get("visibility").asString()).isEqualTo("limited");
        HttpResponse<String> pub = http.get("/pub/v3.0/" + s.orcid() + "/employment/" + pc, "Accept", JSON);
        assertError(pub, 403, 9039);
        assertThat(AffiliationCalls.MAPPER.readTree(http.get("/pub/v3.0/" + s.orcid() + "/employments", "Accept", JSON)
                .body()).get("affiliation-group")).isEmpty();
    }

    @Test
    void publicItemsAreReadAnonymouslyOnThePublicApi() {
        long pc = calls.create(AffiliationKind.DISTINCTION, AffiliationCalls.sample(AffiliationKind.DISTINCTION));
        HttpResponse<String> r = http.get("/pub/v3.0/" + s.orcid() + "/distinction/" + pc, "Accept", JSON);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode list = MAPPER.readTree(http.get("/pub/v3.0/" + s.orcid() + "/distinctions", "Accept", JSON).body());
        assertThat(list.get("affiliation-group")).hasSize(1);
        // The public API reads only: a write is a wrong method (405/9001), a write-only path unknown (404/9001).
        assertError(http.post("/pub/v3.0/" + s.orcid() + "/distinctions", "{}", "Content-Type", JSON), 405, 9001);
        assertError(http.post("/pub/v3.0/" + s.orcid() + "/distinction", "{}", "Content-Type", JSON), 404, 9001);
    }

    @Test
    void privateItemsOfOtherSourcesAreHiddenFromListsAnd9013OnASingleRead() {
        ORCID.control().setDefaultVisibility(s.orcid(), "private");
        Setup other = Fixtures.setup(ORCID.control(), "Private Owner");
        String otherToken = ORCID.control().token(s.orcid(), other.client().clientId(), "/activities/update")
                .accessToken();
        HttpResponse<String> r = http.post("/v3.0/" + s.orcid() + "/membership",
                AffiliationCalls.sample(AffiliationKind.MEMBERSHIP).toString(), "Authorization", "Bearer " + otherToken,
                "Content-Type", JSON);
        long pc = Fixtures.putCodeOf(r.headers().firstValue("Location").orElseThrow());
        assertError(calls.get("/membership/" + pc, JSON), 403, 9013);
        assertThat(calls.getJson("/memberships").get("affiliation-group")).isEmpty();
        // The source itself sees it.
        HttpResponse<String> own = http.get("/v3.0/" + s.orcid() + "/membership/" + pc, "Authorization",
                "Bearer " + otherToken, "Accept", JSON);
        assertThat(own.statusCode()).isEqualTo(200);
        // /activities groups first and filters after: the empty group disappears.
        assertThat(calls.getJson("/activities").get("memberships").get("affiliation-group")).isEmpty();
    }

    @Test
    void aTokenTheResearcherRevokedStillDeletes() {
        long pc = calls.create(AffiliationKind.EMPLOYMENT, AffiliationCalls.employment("R-1"));
        ORCID.control().revoke(s.orcid(), s.client().clientId());
        HttpResponse<String> post = calls.post(AffiliationKind.EMPLOYMENT, AffiliationCalls.employment("R-2"));
        assertThat(post.statusCode()).isEqualTo(401);
        assertThat(MAPPER.readTree(post.body()).get("error").asString()).isEqualTo("invalid_token");
        assertThat(calls.delete(AffiliationKind.EMPLOYMENT, pc).statusCode()).isEqualTo(204);
    }

    @Test
    void theControlApiListsAndDeletesARecordsAffiliations() {
        long pc = calls.create(AffiliationKind.QUALIFICATION, AffiliationCalls.sample(AffiliationKind.QUALIFICATION));
        assertThat(ORCID.control().affiliations(s.orcid())).singleElement().satisfies(a -> {
            assertThat(a.putCode()).isEqualTo(pc);
            assertThat(a.kind()).isEqualTo(AffiliationKind.QUALIFICATION);
            assertThat(a.sourceClientId()).isEqualTo(s.client().clientId());
            assertThat(a.affiliation().organization().name()).isEqualTo("National Aeronautics and Space Administration");
        });
        assertThat(ORCID.control().researcher(s.orcid()).affiliations()).isEqualTo(1);
        assertThat(ORCID.control().deleteAffiliation(s.orcid(), pc)).isTrue();
        // The researcher's deletion is what the client then meets: 404/9016 (pidlink's "removed by the researcher").
        ObjectNode body = AffiliationCalls.sample(AffiliationKind.QUALIFICATION);
        body.put("put-code", pc);
        assertError(calls.put(AffiliationKind.QUALIFICATION, pc, body), 404, 9016);
        assertThat(ORCID.control().deleteAffiliation(s.orcid(), pc)).isFalse();
    }

    @Test
    void xmlAnswersUseTheKindsNamespaces() {
        long pc = calls.create(AffiliationKind.INVITED_POSITION, AffiliationCalls.sample(AffiliationKind.INVITED_POSITION));
        HttpResponse<String> list = calls.get("/invited-positions", XML);
        assertThat(list.body()).contains("<activities:invited-positions",
                "<invited-position:invited-position-summary put-code=\"" + pc + "\" display-index=\"1\" path=\"/"
                        + s.orcid() + "/invited-position/" + pc + "\" visibility=\"public\"");
        ArrayNode ids = (ArrayNode) calls.getJson("/invited-position/" + pc).get("external-ids").get("external-id");
        assertThat(ids.get(0).get("external-id-normalized").get("transient").asBoolean()).isTrue();
        assertThat(ids).hasSize(3);
    }
}
