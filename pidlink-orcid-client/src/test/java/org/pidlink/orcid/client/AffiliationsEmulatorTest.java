package org.pidlink.orcid.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pidlink.core.affiliation.AffiliationKind;
import org.pidlink.core.identifiers.OrcidId;

/** The affiliation calls against the emulator over real HTTP: all seven kinds, the error model, the hooks. */
class AffiliationsEmulatorTest extends EmulatorTest {

    private static final Organization BOSTON = new Organization("Boston University", "Boston", "MA", "US",
            DisambiguatedOrganization.ror("05qwgg493"));
    private static final Organization ORCID_INC = new Organization("ORCID", "Bethesda", "MD", "US",
            DisambiguatedOrganization.ror("https://ror.org/04fa4r544"));

    private static Schema orcidSchemas;

    @BeforeAll
    static void compileOrcidsXsds() throws Exception {
        orcidSchemas = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(
                SharedData.dir().resolve("orcid/orcid-model/record_3.0/record-3.0.xsd").toFile());
    }

    private static Affiliation affiliation(AffiliationKind kind, String localId) {
        return Affiliation.of(kind, kind.requiresDisambiguatedOrganization() ? BOSTON : ORCID_INC)
                .withRole("Professor", "Physics")
                .withDates(PartialDate.of(2019, 9), null)
                .withUrl("https://example.org/people/" + localId)
                .withExternalIds(List.of(ExternalId.self("source-work-id", localId)));
    }

    /** The item as XML from the emulator, checked against ORCID's real XSDs (from ../shared). */
    private void assertStoredXmlIsValid(OrcidId researcher, String token, AffiliationKind kind, long putCode)
            throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> xml = http.send(HttpRequest.newBuilder(URI.create(ORCID.emulator().apiUrl() + "/"
                            + researcher.value() + "/" + kind.value() + "/" + putCode))
                    .header("Authorization", "Bearer " + token).header("Accept", "application/vnd.orcid+xml").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(xml.statusCode()).isEqualTo(200);
            assertThatCode(() -> orcidSchemas.newValidator().validate(new StreamSource(new StringReader(xml.body()))))
                    .as(xml.body()).doesNotThrowAnyException();
        }
    }

    @ParameterizedTest
    @EnumSource(AffiliationKind.class)
    void createsReadsUpdatesAndDeletesEachKind(AffiliationKind kind) throws Exception {
        OrcidId researcher = orcid.researcher();
        String token = orcid.token(researcher);
        OrcidAffiliationsClient affiliations = client.affiliations();
        Affiliation sent = affiliation(kind, "HR-" + kind.value());

        long putCode = affiliations.createAffiliation(researcher, token, sent).orElseThrow();
        assertStoredXmlIsValid(researcher, token, kind, putCode);

        FetchedAffiliation read = affiliations.readAffiliation(researcher, token, kind, putCode).orElseThrow();
        assertThat(read.kind()).isEqualTo(kind);
        assertThat(read.putCode()).isEqualTo(putCode);
        assertThat(read.isFromClient(orcid.client.clientId())).isTrue();
        assertThat(read.sourceName()).isEqualTo("pidlink test");
        assertThat(read.visibility()).isEqualTo("public");
        assertThat(read.createdDate()).isNotNull();
        // ORCID gives the external id back in its stored spelling (orcid-api.md §11.5); the rest as sent.
        assertThat(read.affiliation().externalIds()).singleElement().satisfies(id -> {
            assertThat(id.type()).isEqualTo("source_work_id");
            assertThat(id.value()).isEqualTo("HR-" + kind.value());
        });
        assertThat(read.affiliation().withExternalIds(sent.externalIds())).isEqualTo(sent);

        Affiliation ended = sent.withDates(sent.startDate(), PartialDate.of(2024, 6, 30));
        FetchedAffiliation updated = affiliations.updateAffiliation(researcher, token, putCode, ended).orElseThrow();
        assertThat(updated.affiliation().endDate()).isEqualTo(PartialDate.of(2024, 6, 30));
        assertThat(affiliations.readAffiliationSummary(researcher, token, kind, putCode).orElseThrow()
                .affiliation().endDate()).isEqualTo(PartialDate.of(2024, 6, 30));
        assertStoredXmlIsValid(researcher, token, kind, putCode);

        assertThat(affiliations.readAffiliations(researcher, token, kind).orElseThrow())
                .extracting(FetchedAffiliation::putCode).containsExactly(putCode);

        assertThat(affiliations.deleteAffiliation(researcher, token, kind, putCode).isOk()).isTrue();
        assertThat(failure(affiliations.readAffiliation(researcher, token, kind, putCode)))
                .isInstanceOf(OrcidError.NotFound.class);
        assertThat(affiliations.readAffiliations(researcher, token, kind).orElseThrow()).isEmpty();
    }

    @Test
    void readsEveryKindInOneRequest() {
        OrcidId researcher = orcid.researcher();
        String token = orcid.token(researcher);
        long employment = client.affiliations().createAffiliation(researcher, token,
                affiliation(AffiliationKind.EMPLOYMENT, "E")).orElseThrow();
        long service = client.affiliations().createAffiliation(researcher, token,
                affiliation(AffiliationKind.SERVICE, "S")).orElseThrow();
        List<FetchedAffiliation> all = client.affiliations().readAffiliations(researcher, token).orElseThrow();
        assertThat(all).extracting(FetchedAffiliation::kind, FetchedAffiliation::putCode).containsExactly(
                org.assertj.core.groups.Tuple.tuple(AffiliationKind.EMPLOYMENT, employment),
                org.assertj.core.groups.Tuple.tuple(AffiliationKind.SERVICE, service));
    }

    @Test
    void theSameAffiliationTwiceIsADuplicateNamingTheFirstButAnotherKindIsNot() {
        OrcidId researcher = orcid.researcher();
        String token = orcid.token(researcher);
        // A type without '-': ORCID reads source-work-id back as source_work_id and then no longer matches it.
        Affiliation a = affiliation(AffiliationKind.EMPLOYMENT, "HR-1")
                .withExternalIds(List.of(ExternalId.self("uri", "https://hr.example.org/affiliations/HR-1")));
        long first = client.affiliations().createAffiliation(researcher, token, a).orElseThrow();
        OrcidError again = failure(client.affiliations().createAffiliation(researcher, token, a));
        assertThat(again).isInstanceOfSatisfying(OrcidError.Duplicate.class,
                d -> assertThat(d.existingPutCode()).hasValue(first));
        assertThat(again.code()).hasValue(OrcidErrorCode.DUPLICATE);
        Affiliation asMembership = new Affiliation(AffiliationKind.MEMBERSHIP, a.organization(), null, null, null,
                null, null, a.externalIds());
        assertThat(client.affiliations().createAffiliation(researcher, token, asMembership).isOk()).isTrue();
    }

    @Test
    void orcidsRefusalsArriveAsInvalidWorkWithTheRuleAsCode() {
        OrcidId researcher = orcid.researcher();
        String token = orcid.token(researcher);
        OrcidAffiliationsClient affiliations = client.affiliations();
        // Each of these fails check() too; the client sends what it is given and ORCID answers.
        Organization unknownToOrcid = new Organization("Utrecht University", "Utrecht", null, "NL",
                DisambiguatedOrganization.ror("04pp8hn57"));
        Organization noId = new Organization("Boston University", "Boston", "MA", "US", null);
        Organization noCity = new Organization("Boston University", null, null, "US",
                DisambiguatedOrganization.ror("05qwgg493"));
        Organization cityNoCountry = new Organization("Some Society", "Oslo", null, null, null);
        Organization bare = new Organization("Some Society", null, null, null, null);
        // predicted: check() finds it before sending; only ORCID knows its organization table.
        record Case(Affiliation affiliation, OrcidErrorCode expected, boolean predicted) {
            Case(Affiliation affiliation, OrcidErrorCode expected) {
                this(affiliation, expected, true);
            }
        }
        List<Case> cases = List.of(
                new Case(Affiliation.of(AffiliationKind.EMPLOYMENT, unknownToOrcid), OrcidErrorCode.ORGANIZATION_ID_INVALID,
                        false),
                new Case(Affiliation.of(AffiliationKind.EDUCATION, noId), OrcidErrorCode.ORGANIZATION_ID_INVALID),
                new Case(Affiliation.of(AffiliationKind.EMPLOYMENT, noCity), OrcidErrorCode.CITY_AND_COUNTRY_REQUIRED),
                new Case(Affiliation.of(AffiliationKind.SERVICE, bare), OrcidErrorCode.ORGANIZATION_ID_OR_EXTERNAL_ID_REQUIRED),
                new Case(Affiliation.of(AffiliationKind.DISTINCTION, cityNoCountry)
                        .withExternalIds(List.of(ExternalId.self("source-work-id", "D-1"))),
                        OrcidErrorCode.COUNTRY_REQUIRED_WITH_CITY_OR_REGION),
                new Case(Affiliation.of(AffiliationKind.EMPLOYMENT, BOSTON)
                        .withDates(PartialDate.of(2021, 3), PartialDate.of(2021)), OrcidErrorCode.END_BEFORE_START));
        for (Case c : cases) {
            assertThat(c.affiliation().check().stream().map(AffiliationProblem::code).toList().contains(c.expected()))
                    .as(c.toString()).isEqualTo(c.predicted());
            OrcidError error = failure(affiliations.createAffiliation(researcher, token, c.affiliation()));
            assertThat(error).as(c.toString()).isInstanceOf(OrcidError.InvalidWork.class);
            assertThat(error.code()).as(error.developerMessage()).hasValue(c.expected());
            assertThat(error.retryable()).isFalse();
        }
    }

    @Test
    void aPutCodeReadThroughAnotherKindIsInvalid9006() {
        OrcidId researcher = orcid.researcher();
        String token = orcid.token(researcher);
        long pc = client.affiliations().createAffiliation(researcher, token,
                affiliation(AffiliationKind.EDUCATION, "X")).orElseThrow();
        OrcidError error = failure(client.affiliations().readAffiliation(researcher, token, AffiliationKind.EMPLOYMENT, pc));
        assertThat(error).isInstanceOf(OrcidError.InvalidWork.class);
        assertThat(error.code()).hasValue(OrcidErrorCode.BAD_REQUEST);
    }

    @Test
    void anAffiliationTheResearcherDeletedIsNotFoundOnUpdateAndDelete() {
        OrcidId researcher = orcid.researcher();
        String token = orcid.token(researcher);
        Affiliation a = affiliation(AffiliationKind.EMPLOYMENT, "GONE");
        long pc = client.affiliations().createAffiliation(researcher, token, a).orElseThrow();
        assertThat(ORCID.emulator().control().deleteAffiliation(researcher.value(), pc)).isTrue();
        assertThat(failure(client.affiliations().updateAffiliation(researcher, token, pc, a)))
                .isInstanceOf(OrcidError.NotFound.class);
        assertThat(failure(client.affiliations().deleteAffiliation(researcher, token, AffiliationKind.EMPLOYMENT, pc)))
                .isInstanceOf(OrcidError.NotFound.class);
    }

    @Test
    void anotherSourcesAffiliationIsNotOurs() {
        OrcidId researcher = orcid.researcher();
        var other = orcid.otherClient();
        String otherToken = orcid.token(researcher, other.clientId(), EmulatorFixture.MEMBER_SCOPES);
        Affiliation a = affiliation(AffiliationKind.SERVICE, "THEIRS");
        long pc = client.affiliations().createAffiliation(researcher, otherToken, a).orElseThrow();
        String token = orcid.token(researcher);
        assertThat(failure(client.affiliations().updateAffiliation(researcher, token, pc, a)))
                .isInstanceOf(OrcidError.NotSource.class);
        assertThat(failure(client.affiliations().deleteAffiliation(researcher, token, AffiliationKind.SERVICE, pc)))
                .isInstanceOf(OrcidError.NotSource.class);
        assertThat(client.affiliations().readAffiliations(researcher, token, AffiliationKind.SERVICE).orElseThrow())
                .singleElement().satisfies(f -> assertThat(f.isFromClient(other.clientId())).isTrue());
    }

    @Test
    void tokensAndRecordStatesAreTheUsualErrors() {
        OrcidId researcher = orcid.researcher();
        String readOnly = orcid.token(researcher, orcid.client.clientId(), "/read-limited");
        Affiliation a = affiliation(AffiliationKind.EMPLOYMENT, "T");
        assertThat(failure(client.affiliations().createAffiliation(researcher, readOnly, a)))
                .isInstanceOf(OrcidError.ScopeMissing.class);
        assertThat(failure(client.affiliations().createAffiliation(researcher, "00000000-0000-0000-0000-000000000000", a)))
                .isInstanceOf(OrcidError.TokenRejected.class);
        String token = orcid.token(researcher);
        ORCID.emulator().control().setState(researcher.value(), "locked", null);
        assertThat(failure(client.affiliations().createAffiliation(researcher, token, a)))
                .isInstanceOfSatisfying(OrcidError.RecordUnavailable.class,
                        r -> assertThat(r.state()).isEqualTo(RecordState.LOCKED));
    }

    @Test
    void everyCallPassesTheRateLimiterAndIsReportedWithItsPathTemplate() {
        AtomicInteger permits = new AtomicInteger();
        List<OrcidCall> calls = new CopyOnWriteArrayList<>();
        try (OrcidClient hooked = OrcidClient.builder(orcid.settings()).rateLimiter(permits::incrementAndGet)
                .listener(calls::add).build()) {
            OrcidId researcher = orcid.researcher();
            String token = orcid.token(researcher);
            OrcidAffiliationsClient affiliations = hooked.affiliations();
            Affiliation a = affiliation(AffiliationKind.INVITED_POSITION, "H")
                    .withExternalIds(List.of(ExternalId.self("uri", "https://hr.example.org/affiliations/H")));
            long pc = affiliations.createAffiliation(researcher, token, a).orElseThrow();
            affiliations.createAffiliation(researcher, token, a);
            affiliations.updateAffiliation(researcher, token, pc, a).orElseThrow();
            affiliations.readAffiliation(researcher, token, AffiliationKind.INVITED_POSITION, pc).orElseThrow();
            affiliations.readAffiliations(researcher, token, AffiliationKind.INVITED_POSITION).orElseThrow();
            affiliations.readAffiliations(researcher, token).orElseThrow();
            affiliations.deleteAffiliation(researcher, token, AffiliationKind.INVITED_POSITION, pc).orElseThrow();

            assertThat(permits).hasValue(7);
            assertThat(calls).extracting(OrcidCall::method, OrcidCall::pathTemplate, OrcidCall::putCode,
                    OrcidCall::status, OrcidCall::errorCode).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("POST", "/v3.0/{orcid}/invited-position", pc, 201, 0),
                    org.assertj.core.groups.Tuple.tuple("POST", "/v3.0/{orcid}/invited-position", null, 409, 9021),
                    org.assertj.core.groups.Tuple.tuple("PUT", "/v3.0/{orcid}/invited-position/{put-code}", pc, 200, 0),
                    org.assertj.core.groups.Tuple.tuple("GET", "/v3.0/{orcid}/invited-position/{put-code}", pc, 200, 0),
                    org.assertj.core.groups.Tuple.tuple("GET", "/v3.0/{orcid}/invited-positions", null, 200, 0),
                    org.assertj.core.groups.Tuple.tuple("GET", "/v3.0/{orcid}/activities", null, 200, 0),
                    org.assertj.core.groups.Tuple.tuple("DELETE", "/v3.0/{orcid}/invited-position/{put-code}", pc, 204, 0));
            assertThat(calls).allSatisfy(c -> assertThat(c.orcid()).isEqualTo(researcher));
            assertThat(calls.get(1).error()).isInstanceOf(OrcidError.Duplicate.class);
        }
    }
}
