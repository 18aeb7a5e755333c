package org.pidlink.emulator.affiliations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pidlink.emulator.Fixtures.JSON;
import static org.pidlink.emulator.Fixtures.XML;
import static org.pidlink.emulator.affiliations.AffiliationCalls.MAPPER;
import static org.pidlink.emulator.affiliations.AffiliationCalls.assertError;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pidlink.core.affiliation.AffiliationKind;
import org.pidlink.emulator.Fixtures.Setup;
import org.pidlink.emulator.Fixtures;
import org.pidlink.emulator.Http;
import org.pidlink.emulator.junit.OrcidEmulatorExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every refusal of orcid-api.md §11.3-§11.6, in ORCID's order: the body (9001 XML, 9051, 9047 JSON) before the record
 * and the token, then 9024/9019/9035, the organization rules per kind (9046, 9045, 9060; 9062, 9061), dates (9049,
 * 9055), duplicates (9021), the organization table (9045), the source (9010), put-codes (9016, 9034) and scopes.
 */
class AffiliationValidationTest {

    @RegisterExtension
    static final OrcidEmulatorExtension ORCID = OrcidEmulatorExtension.builder().noRateLimit().build();

    private Http http;
    private Setup s;
    private AffiliationCalls calls;

    @BeforeEach
    void setUp() {
        http = new Http(ORCID.baseUrl());
        s = Fixtures.setup(ORCID.control(), "Validation Client");
        calls = new AffiliationCalls(http, s);
    }

    private JsonNode refused(AffiliationKind kind, JsonNode body, int status, int code) {
        return assertError(calls.post(kind, body), status, code);
    }

    private static ObjectNode org(ObjectNode body) {
        return (ObjectNode) body.get("organization");
    }

    // ---- the body, before anything else (§11.3 step 0) ----------------------------------------------------------

    @Test
    void xmlAgainstTheKindsSchemaIs9001WithTheParsersText() {
        String blankName = AffiliationCalls.xmlSample(AffiliationKind.EMPLOYMENT)
                .replace("<common:name>common:name</common:name>", "<common:name>   </common:name>");
        HttpResponse<String> r = http.post("/v3.0/" + s.orcid() + "/employment", blankName, "Authorization",
                s.bearer(), "Content-Type", XML, "Accept", JSON);
        JsonNode e = assertError(r, 400, 9001);
        assertThat(e.get("developer-message").asString()).contains(
                "Full validation error: [org.xml.sax.SAXParseException", "cvc-pattern-valid");
        // Without Accept, the error is XML (orcid-api.md §12.3).
        HttpResponse<String> xml = http.post("/v3.0/" + s.orcid() + "/employment", blankName, "Authorization",
                s.bearer(), "Content-Type", XML);
        assertThat(xml.headers().firstValue("Content-Type").orElseThrow()).startsWith(XML);
        assertThat(xml.body()).contains("<error:error-code>9001</error:error-code>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<common:year>1948</common:year>|<common:year>1899</common:year>",
            "<common:month>02</common:month>|<common:month>13</common:month>",
            "<common:role-title>role-title</common:role-title>|<common:role-title>role-title</common:role-title><common:colour>red</common:colour>",
            "employment:employment|education:education"})
    void schemaViolationsInXmlAre9001(String replacement) {
        String[] r = replacement.split("\\|");
        String body = AffiliationCalls.xmlSample(AffiliationKind.EMPLOYMENT).replace(r[0], r[1]);
        HttpResponse<String> answer = http.post("/v3.0/" + s.orcid() + "/employment", body, "Authorization",
                s.bearer(), "Content-Type", XML, "Accept", JSON);
        assertError(answer, 400, 9001);
    }

    @Test
    void aRelationshipOutsideOrcidsEnumIs9051InXmlAnd9047InJson() {
        String xml = AffiliationCalls.xmlSample(AffiliationKind.EMPLOYMENT)
                .replaceFirst("<common:external-id-relationship>self", "<common:external-id-relationship>SELF");
        HttpResponse<String> r = http.post("/v3.0/" + s.orcid() + "/employment", xml, "Authorization", s.bearer(),
                "Content-Type", XML, "Accept", JSON);
        JsonNode e = assertError(r, 400, 9051);
        assertThat(e.get("developer-message").asString())
                .isEqualTo("400 Bad request: invalid value 'SELF' for enum 'org.orcid.jaxb.model.common.Relationship'");
        ObjectNode json = AffiliationCalls.employment("G");
        ((ObjectNode) json.get("external-ids").get("external-id").get(0)).put("external-id-relationship", "SELF");
        refused(AffiliationKind.EMPLOYMENT, json, 400, 9047);
    }

    @Test
    void anUnknownCountryIsRefusedWhileTheBodyIsRead() {
        String xml = AffiliationCalls.xmlSample(AffiliationKind.EMPLOYMENT).replace(">AF<", ">XX<");
        assertError(http.post("/v3.0/" + s.orcid() + "/employment", xml, "Authorization", s.bearer(),
                "Content-Type", XML, "Accept", JSON), 400, 9001);
        ObjectNode json = AffiliationCalls.employment("G");
        ((ObjectNode) org(json).get("address")).put("country", "XX");
        JsonNode e = refused(AffiliationKind.EMPLOYMENT, json, 400, 9047);
        assertThat(e.get("developer-message").asString()).contains("Iso3166Country", "\"XX\"");
    }

    @Test
    void jsonSchemaViolationsAre9047WithOrcidsUnsubstitutedPlaceholder() {
        ObjectNode body = AffiliationCalls.employment("G");
        org(body).put("name", " ");
        JsonNode e = refused(AffiliationKind.EMPLOYMENT, body, 400, 9047);
        assertThat(e.get("developer-message").asString())
                .startsWith("400 Bad request: invalid JSON - ${error} Full validation error: cvc-pattern-valid");
    }

    @Test
    void jsonOutsideOrcidsBindingIs9047() {
        ObjectNode unknown = AffiliationCalls.employment("G");
        unknown.put("colour", "red");
        JsonNode e = refused(AffiliationKind.EMPLOYMENT, unknown, 400, 9047);
        assertThat(e.get("developer-message").asString()).contains("Unrecognized field \"colour\"",
                "org.orcid.jaxb.model.v3.release.record.Employment");
        ObjectNode noAddress = AffiliationCalls.employment("G");
        org(noAddress).remove("address");
        assertThat(refused(AffiliationKind.EMPLOYMENT, noAddress, 400, 9047).get("developer-message").asString())
                .contains("address");
        assertError(calls.post(AffiliationKind.EMPLOYMENT, "{\"role-title\":", JSON), 400, 9047);
    }

    @Test
    void aBodyThatIsNeitherXmlNorJsonIs415() {
        HttpResponse<String> r = http.post("/v3.0/" + s.orcid() + "/service", "hello", "Authorization", s.bearer(),
                "Content-Type", "text/plain", "Accept", JSON);
        assertError(r, 415, 9001);
    }

    @Test
    void theBodyIsReadBeforeTheRecordStateAsJaxRsDoes() {
        ORCID.control().setState(s.orcid(), "locked", null);
        ObjectNode bad = AffiliationCalls.employment("G");
        bad.put("colour", "red");
        refused(AffiliationKind.EMPLOYMENT, bad, 400, 9047);
        refused(AffiliationKind.EMPLOYMENT, AffiliationCalls.employment("G"), 409, 9018);
    }

    // ---- put-codes and visibility (§11.3 step 4.1-4.2, §11.4 step 2) ------------------------------------------

    @Test
    void aPutCodeOnPostIs9024NamingTheClient() {
        ObjectNode body = AffiliationCalls.employment("G");
        body.put("put-code", 12);
        JsonNode e = refused(AffiliationKind.EMPLOYMENT, body, 400, 9024);
        assertThat(e.get("user-message").asString()).contains("Validation Client");
    }

    @Test
    void aPutWhosePutCodeDiffersFromTheUrlsIs9019() {
        long pc = calls.create(AffiliationKind.EMPLOYMENT, AffiliationCalls.employment("P-1"));
        JsonNode e = assertError(calls.put(AffiliationKind.EMPLOYMENT, pc, AffiliationCalls.employment("P-1")), 400, 9019);
        assertThat(e.get("developer-message").asString())
                .isEqualTo("400 Bad Request: The put code in the URL was " + pc + " whereas the one in the body was null.");
        ObjectNode other = AffiliationCalls.employment("P-1");
        other.put("put-code", pc + 1);
        assertError(calls.put(AffiliationKind.EMPLOYMENT, pc, other), 400, 9019);
    }

    @Test
    void changingTheVisibilityOnPutIs9035() {
        long pc = calls.create(AffiliationKind.EMPLOYMENT, AffiliationCalls.employment("P-2"));
        ObjectNode body = AffiliationCalls.employment("P-2");
        body.put("put-code", pc).put("visibility", "private");
        assertError(calls.put(AffiliationKind.EMPLOYMENT, pc, body), 403, 9035);
        body.put("visibility", "public");
        assertThat(calls.put(AffiliationKind.EMPLOYMENT, pc, body).statusCode()).isEqualTo(200);
    }

    // ---- organization rules (§11.3 step 4.3-4.4) ---------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(AffiliationKind.class)
    void everyKindNeedsAnOrganization9046(AffiliationKind kind) {
        ObjectNode body = AffiliationCalls.sample(kind);
        body.remove("organization");
        JsonNode e = refused(kind, body, 400, 9046);
        assertThat(e.get("developer-message").asString()).isEqualTo("400 Bad request: organization must be present and valid");
    }

    @ParameterizedTest
    @EnumSource(value = AffiliationKind.class, names = {"EMPLOYMENT", "EDUCATION"})
    void employmentAndEducationNeedADisambiguatedOrganization9045(AffiliationKind kind) {
        ObjectNode none = AffiliationCalls.sample(kind);
        org(none).remove("disambiguated-organization");
        JsonNode e = refused(kind, none, 400, 9045);
        assertThat(e.get("developer-message").asString())
                .isEqualTo("400 Bad request: disambiguated-organization must be present and valid");
        ObjectNode empty = AffiliationCalls.sample(kind);
        ((ObjectNode) org(empty).get("disambiguated-organization")).put("disambiguated-organization-identifier", "");
        refused(kind, empty, 400, 9045);
    }

    @ParameterizedTest
    @EnumSource(value = AffiliationKind.class, names = {"EMPLOYMENT", "EDUCATION"})
    void employmentAndEducationNeedACityAndACountry9060(AffiliationKind kind) {
        ObjectNode noCity = AffiliationCalls.sample(kind);
        ((ObjectNode) org(noCity).get("address")).remove("city");
        JsonNode e = refused(kind, noCity, 400, 9060);
        assertThat(e.get("developer-message").asString()).isEqualTo("City and country are required for education/employment.");
        ObjectNode noCountry = AffiliationCalls.sample(kind);
        ((ObjectNode) org(noCountry).get("address")).remove("country");
        refused(kind, noCountry, 400, 9060);
    }

    @ParameterizedTest
    @EnumSource(value = AffiliationKind.class, names = {"QUALIFICATION", "INVITED_POSITION", "DISTINCTION",
            "MEMBERSHIP", "SERVICE"})
    void professionalActivitiesNeedAnOrganizationIdOrAnExternalId9062(AffiliationKind kind) {
        ObjectNode neither = AffiliationCalls.sample(kind);
        org(neither).remove("disambiguated-organization");
        neither.remove("external-ids");
        JsonNode e = refused(kind, neither, 400, 9062);
        assertThat(e.get("developer-message").asString()).isEqualTo("Professional activities cannot be added without "
                + "an organization id/external identifier. One has to be present.");
        // Either one is enough, and the address may then be empty.
        ObjectNode idsOnly = AffiliationCalls.sample(kind);
        org(idsOnly).remove("disambiguated-organization");
        org(idsOnly).set("address", MAPPER.createObjectNode());
        assertThat(calls.post(kind, idsOnly).statusCode()).isEqualTo(201);
    }

    @ParameterizedTest
    @EnumSource(value = AffiliationKind.class, names = {"QUALIFICATION", "INVITED_POSITION", "DISTINCTION",
            "MEMBERSHIP", "SERVICE"})
    void professionalActivitiesNeedACountryWithACityOrRegion9061(AffiliationKind kind) {
        ObjectNode body = AffiliationCalls.sample(kind);
        ((ObjectNode) org(body).get("address")).remove("country");
        JsonNode e = refused(kind, body, 400, 9061);
        assertThat(e.get("developer-message").asString())
                .isEqualTo("City or region cannot be provided without a country for the organization address.");
    }

    @Test
    void anOrganizationIdOutsideOrcidsTableIs9045AfterTheDuplicateCheck() {
        ObjectNode bare = AffiliationCalls.employment("T-1");
        ((ObjectNode) org(bare).get("disambiguated-organization"))
                .put("disambiguated-organization-identifier", "05qwgg493");
        refused(AffiliationKind.EMPLOYMENT, bare, 400, 9045);
        ObjectNode lower = AffiliationCalls.employment("T-1");
        ((ObjectNode) org(lower).get("disambiguated-organization")).put("disambiguation-source", "ror");
        refused(AffiliationKind.EMPLOYMENT, lower, 400, 9045);
        // An empty id with external ids passes the professional-activity rule, then fails the lookup.
        ObjectNode service = AffiliationCalls.sample(AffiliationKind.SERVICE);
        ((ObjectNode) org(service).get("disambiguated-organization")).put("disambiguated-organization-identifier", "");
        refused(AffiliationKind.SERVICE, service, 400, 9045);
        // Duplicates come first.
        calls.create(AffiliationKind.EMPLOYMENT, AffiliationCalls.employment("T-2"));
        ObjectNode duplicateUnknown = AffiliationCalls.employment("T-2");
        ((ObjectNode) org(duplicateUnknown).get("disambiguated-organization"))
                .put("disambiguated-organization-identifier", "https://ror.org/000000000");
        refused(AffiliationKind.EMPLOYMENT, duplicateUnknown, 409, 9021);
    }

    @Test
    void organizationsAddedThroughTheControlApiAreAccepted() {
        ObjectNode body = AffiliationCalls.employment("C-1");
        ((ObjectNode) org(body).get("disambiguated-organization"))
                .put("disambiguated-organization-identifier", "https://ror.org/04pp8hn57")
                .put("disambiguation-source", "ROR");
        refused(AffiliationKind.EMPLOYMENT, body, 400, 9045);
        ORCID.control().addOrganization(new org.pidlink.emulator.state.KnownOrganization("ROR",
                "https://ror.org/04pp8hn57", "Utrecht University", "Utrecht", null, "NL"));
        assertThat(calls.post(AffiliationKind.EMPLOYMENT, body).statusCode()).isEqualTo(201);
    }

    // ---- dates (§11.3 step 4.5) -------------------------------------------------------------------------------

    @Test
    void aDateThatIsNoRealDateIs9049() {
        ObjectNode body = AffiliationCalls.employment("D-1");
        body.set("start-date", MAPPER.readTree(
                "{\"year\":{\"value\":\"2021\"},\"month\":{\"value\":\"02\"},\"day\":{\"value\":\"30\"}}"));
        JsonNode e = refused(AffiliationKind.EMPLOYMENT, body, 400, 9049);
        assertThat(e.get("developer-message").asString()).isEqualTo("400 Bad request: invalid date: 2021-02-30 ");
        body.set("start-date", MAPPER.readTree("{\"year\":{\"value\":\"2021\"},\"month\":{\"value\":\"2\"}}"));
        refused(AffiliationKind.EMPLOYMENT, body, 400, 9049);
    }

    @Test
    void anEndBeforeTheStartIs9055ComparedWithMissingPartsAsZero() {
        ObjectNode body = AffiliationCalls.employment("D-2");
        body.set("start-date", MAPPER.readTree("{\"year\":{\"value\":\"2020\"},\"month\":{\"value\":\"05\"}}"));
        body.set("end-date", MAPPER.readTree("{\"year\":{\"value\":\"2020\"}}"));
        JsonNode e = refused(AffiliationKind.EMPLOYMENT, body, 400, 9055);
        assertThat(e.get("developer-message").asString()).isEqualTo("400 Bad Request: End date must come after start date.");
        body.set("end-date", body.get("start-date"));
        assertThat(calls.post(AffiliationKind.EMPLOYMENT, body).statusCode()).isEqualTo(201);
        ObjectNode endOnly = AffiliationCalls.employment("D-3");
        endOnly.remove("start-date");
        endOnly.set("end-date", MAPPER.readTree("{\"year\":{\"value\":\"2020\"}}"));
        assertThat(calls.post(AffiliationKind.EMPLOYMENT, endOnly).statusCode()).isEqualTo(201);
    }

    // ---- duplicates (§11.5) -----------------------------------------------------------------------------------

    @Test
    void theSameSelfIdOfTheSameKindAndSourceIs9021NamingTheExistingPutCode() {
        long pc = calls.create(AffiliationKind.EMPLOYMENT, AffiliationCalls.employment("DUP-1"));
        JsonNode e = refused(AffiliationKind.EMPLOYMENT, AffiliationCalls.employment("DUP-1"), 409, 9021);
        assertThat(e.get("developer-message").asString()).contains("please see element with put-code " + pc + ".");
        assertThat(e.get("user-message").asString()).contains("Validation Client");
    }

    @Test
    void otherKindsOtherSourcesAndOtherRelationshipsAreNoDuplicates() {
        calls.create(AffiliationKind.EMPLOYMENT, AffiliationCalls.employment("DUP-2"));
        ObjectNode asService = AffiliationCalls.employment("DUP-2");
        assertThat(calls.post(AffiliationKind.SERVICE, asService).statusCode()).isEqualTo(201);
        ObjectNode partOf = AffiliationCalls.employment("DUP-2");
        ((ObjectNode) partOf.get("external-ids").get("external-id").get(0)).put("external-id-relationship", "part-of");
        assertThat(calls.post(AffiliationKind.EMPLOYMENT, partOf).statusCode()).isEqualTo(201);
        Setup other = Fixtures.setup(ORCID.control(), "Second Source");
        String token = ORCID.control().token(s.orcid(), other.client().clientId(), "/activities/update").accessToken();
        HttpResponse<String> r = http.post("/v3.0/" + s.orcid() + "/employment",
                AffiliationCalls.employment("DUP-2").toString(), "Authorization", "Bearer " + token, "Content-Type", JSON);
        assertThat(r.statusCode()).isEqualTo(201);
        ObjectNode noIds = AffiliationCalls.employment("x");
        noIds.remove("external-ids");
        assertThat(calls.post(AffiliationKind.EMPLOYMENT, noIds).statusCode()).isEqualTo(201);
        assertThat(calls.post(AffiliationKind.EMPLOYMENT, noIds).statusCode()).isEqualTo(201);
    }

    @Test
    void aPutIsComparedWithTheOtherItemsOnly() {
        calls.create(AffiliationKind.EMPLOYMENT, AffiliationCalls.employment("DUP-3"));
        long second = calls.create(AffiliationKind.EMPLOYMENT, AffiliationCalls.employment("DUP-4"));
        ObjectNode same = AffiliationCalls.employment("DUP-4");
        same.put("put-code", second);
        assertThat(calls.put(AffiliationKind.EMPLOYMENT, second, same).statusCode()).isEqualTo(200);
        ObjectNode clash = AffiliationCalls.employment("DUP-3");
        clash.put("put-code", second);
        assertError(calls.put(AffiliationKind.EMPLOYMENT, second, clash), 409, 9021);
    }

    // ---- put-codes, sources, tokens (§11.1, §11.4, §11.6) -----------------------------------------------------

    @Test
    void unknownAndForeignPutCodesAre9016AndNonNumericOnes9034() {
        assertError(calls.get("/employment/424242", JSON), 404, 9016);
        ObjectNode body = AffiliationCalls.employment("U-1");
        body.put("put-code", 424242);
        assertError(calls.put(AffiliationKind.EMPLOYMENT, 424242, body), 404, 9016);
        assertError(calls.delete(AffiliationKind.EMPLOYMENT, 424242), 404, 9016);
        Setup otherRecord = Fixtures.setup(ORCID.control(), "Elsewhere");
        long foreign = new AffiliationCalls(http, otherRecord).create(AffiliationKind.EMPLOYMENT,
                AffiliationCalls.employment("U-2"));
        assertError(calls.get("/employment/" + foreign, JSON), 404, 9016);
        assertError(calls.get("/employment/abc", JSON), 400, 9034);
        assertError(calls.get("/employment/summary", JSON), 400, 9034);
    }

    @Test
    void onlyTheSourceMayUpdateOrDelete9010() {
        long pc = calls.create(AffiliationKind.EMPLOYMENT, AffiliationCalls.employment("S-1"));
        Setup other = Fixtures.setup(ORCID.control(), "Not The Source");
        String token = ORCID.control().token(s.orcid(), other.client().clientId(), "/read-limited /activities/update")
                .accessToken();
        ObjectNode body = AffiliationCalls.employment("S-1");
        body.put("put-code", pc);
        HttpResponse<String> put = http.put("/v3.0/" + s.orcid() + "/employment/" + pc, body.toString(),
                "Authorization", "Bearer " + token, "Content-Type", JSON, "Accept", JSON);
        JsonNode e = assertError(put, 403, 9010);
        assertThat(e.get("developer-message").asString())
                .isEqualTo("403 Forbidden: You are not the source of the work, so you are not allowed to update it.");
        assertError(http.delete("/v3.0/" + s.orcid() + "/employment/" + pc, "Authorization", "Bearer " + token,
                "Accept", JSON), 403, 9010);
    }

    @Test
    void writesNeedTheAffiliationScopes9038AndATokenForThisRecord9017() {
        String readOnly = Fixtures.token(ORCID.control(), s, "/read-limited");
        HttpResponse<String> r = http.post("/v3.0/" + s.orcid() + "/employment",
                AffiliationCalls.employment("Z-1").toString(), "Authorization", "Bearer " + readOnly,
                "Content-Type", JSON, "Accept", JSON);
        assertError(r, 403, 9038);
        String createOnly = Fixtures.token(ORCID.control(), s, "/affiliations/create");
        HttpResponse<String> created = http.post("/v3.0/" + s.orcid() + "/employment",
                AffiliationCalls.employment("Z-2").toString(), "Authorization", "Bearer " + createOnly,
                "Content-Type", JSON, "Accept", JSON);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long pc = Fixtures.putCodeOf(created.headers().firstValue("Location").orElseThrow());
        assertError(http.delete("/v3.0/" + s.orcid() + "/employment/" + pc, "Authorization", "Bearer " + createOnly,
                "Accept", JSON), 403, 9038);
        Setup elsewhere = Fixtures.setup(ORCID.control(), "Other Record");
        HttpResponse<String> wrongRecord = http.post("/v3.0/" + s.orcid() + "/employment",
                AffiliationCalls.employment("Z-3").toString(), "Authorization", elsewhere.bearer(),
                "Content-Type", JSON, "Accept", JSON);
        assertError(wrongRecord, 401, 9017);
    }

    @Test
    void aDeprecatedRecordRefusesWrites9007() {
        Setup primary = Fixtures.setup(ORCID.control(), "Primary");
        ORCID.control().setState(s.orcid(), "deprecated", primary.orcid());
        refused(AffiliationKind.EMPLOYMENT, AffiliationCalls.employment("X"), 409, 9007);
    }
}
