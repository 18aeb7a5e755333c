package org.pidlink.app.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pidlink.app.lookup.LookupApiTests.eventually;

import org.pidlink.app.testsupport.PidlinkSpringTest;
import org.pidlink.app.testsupport.DoiMetadata;
import org.pidlink.app.testsupport.Http;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.pidlink.app.testsupport.ConnectedResearchers;
import org.pidlink.app.testsupport.ConnectedResearchers.Person;
import org.pidlink.app.accounts.WritePermissions;
import org.pidlink.app.claims.ClaimStatus;
import org.pidlink.app.claims.ClaimView;
import org.pidlink.app.claims.Claims;
import org.pidlink.app.claims.Provenance;
import org.pidlink.app.intake.api.ApiKeys;
import org.pidlink.app.orcid.EmbeddedOrcid;
import org.pidlink.app.orcid.OrcidRegistrations;
import org.pidlink.core.identifiers.Doi;
import org.pidlink.core.identifiers.OrcidId;
import org.pidlink.emulator.control.ClientInfo;
import org.pidlink.emulator.control.ClientSpec;
import org.pidlink.emulator.state.StoredWork;
import org.pidlink.orcid.client.OrcidResult;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.json.JsonMapper;

/**
 * "Import my works from ORCID" through the profile page, against works seeded on the emulator: a work of pidlink's
 * own client lends its put-code (so a later auto-update of the DOI updates it, no second work), a work of
 * another source is recorded and pidlink never adds a copy of it.
 */
@PidlinkSpringTest
class WorksImportTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedOrcid orcid;

    @Autowired
    OrcidRegistrations registrations;

    @Autowired
    WritePermissions permissions;

    @Autowired
    Claims claims;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void adoptsThePutCodeOfOurOwnWorkSoThatAutoUpdateUpdatesItInsteadOfAddingAnother() {
        ConnectedResearchers people = new ConnectedResearchers(port, orcid);
        Person dana = people.newResearcher("Dana", "Importer");
        people.connect(dana, true);
        Doi doi = new Doi("10.5555/import-" + UUID.randomUUID());
        String token = permissions.find(dana.orcid(), OrcidRegistrations.AUTO_UPDATE).orElseThrow().accessToken();
        // Written by pidlink's own client before pidlink knew of it (say, a database restored from an old backup).
        long putCode = addWork(dana.orcid(), token, doi, "Lake sediments, first version");
        addWork(dana.orcid(), token, null, "A poster without a DOI");

        HttpResponse<String> profile = importFromOrcid(people, dana);

        assertThat(profile.body()).contains("2 works read, 1 with a DOI, 0 already known.");
        ClaimView claim = claim(dana.orcid(), doi);
        assertThat(claim.putCode()).isEqualTo(putCode);
        assertThat(claim.status()).isEqualTo(ClaimStatus.IN_ORCID);
        assertThat(claim.provenance()).containsExactly(Provenance.IMPORT);
        assertThat(claim.title()).isEqualTo("Lake sediments, first version");
        long callsBefore = lastCallId();

        HttpResponse<String> accepted = postMetadata(doi, "Lake sediments, second version", dana.orcid());

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        eventually(() -> assertThat(worksWithDoi(dana.orcid(), doi)).singleElement().satisfies(w -> {
            assertThat(w.putCode()).isEqualTo(putCode);
            assertThat(w.work().title()).isEqualTo("Lake sediments, second version");
        }));
        eventually(() -> assertThat(claim(dana.orcid(), doi).status()).isEqualTo(ClaimStatus.IN_ORCID));
        assertThat(claim(dana.orcid(), doi).provenance()).contains(Provenance.IMPORT, Provenance.AUTO_UPDATE);
        assertThat(jdbc.queryForList("SELECT method FROM orcid_call WHERE orcid = ? AND id > ? AND path LIKE '%/work%'",
                String.class, dana.orcid().value(), callsBefore)).containsExactly("PUT");
        // Importing again finds nothing new.
        assertThat(importFromOrcid(people, dana).body()).contains("2 works read, 1 with a DOI, 1 already known.");
    }

    @Test
    void recordsAnotherSourcesWorkAndNeverAddsACopyOfIt() {
        ConnectedResearchers people = new ConnectedResearchers(port, orcid);
        Person emil = people.newResearcher("Emil", "Elsewhere");
        people.connect(emil, true);
        Doi doi = new Doi("10.5555/elsewhere-" + UUID.randomUUID());
        ClientInfo repository = orcid.emulator().control().createClient(ClientSpec.member("A data repository"));
        String repositoryToken = orcid.emulator().control()
                .token(emil.orcid().value(), repository.clientId(), "/activities/update").accessToken();
        long theirs = addWork(emil.orcid(), repositoryToken, doi, "Ice cores from the repository");

        assertThat(importFromOrcid(people, emil).body()).contains("1 work read, 1 with a DOI, 0 already known.");
        assertThat(claims.forResearcher(emil.orcid())).extracting(ClaimView::registrationId)
                .containsExactlyInAnyOrderElementsOf(registrations.distinct());
        ClaimView claim = claim(emil.orcid(), doi);
        assertThat(claim.status()).isEqualTo(ClaimStatus.IN_ORCID);
        assertThat(claim.putCode()).isNull();
        assertThat(claim.statusReason()).contains("A data repository");
        long callsBefore = lastCallId();

        HttpResponse<String> accepted = postMetadata(doi, "Ice cores", emil.orcid());

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        eventually(() -> assertThat(claim(emil.orcid(), doi).provenance())
                .contains(Provenance.IMPORT, Provenance.AUTO_UPDATE));
        assertThat(claim(emil.orcid(), doi).status()).isEqualTo(ClaimStatus.IN_ORCID);
        assertThat(claim(emil.orcid(), doi).queuedAction()).isNull();
        assertThat(worksWithDoi(emil.orcid(), doi)).singleElement()
                .satisfies(w -> assertThat(w.putCode()).isEqualTo(theirs));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM orcid_call WHERE orcid = ? AND id > ? AND method = 'POST'",
                Integer.class, emil.orcid().value(), callsBefore)).isZero();
    }

    @Test
    void withoutAPermissionNothingIsReadAndTheResearcherIsToldWhy() {
        ConnectedResearchers people = new ConnectedResearchers(port, orcid);
        Person fay = people.newResearcher("Fay", "Signedin");
        people.signIn(fay);

        HttpResponse<String> profile = importFromOrcid(people, fay);

        assertThat(profile.body()).contains("id=\"import-error\"").contains("connect pidlink to ORCID first");
        assertThat(claims.forResearcher(fay.orcid())).isEmpty();
    }

    private HttpResponse<String> importFromOrcid(ConnectedResearchers people, Person person) {
        HttpResponse<String> profile = people.submit(person, people.page(person, "/profile"),
                "/profile/import-from-orcid", Map.of());
        assertThat(profile.statusCode()).isEqualTo(200);
        return profile;
    }

    private long addWork(OrcidId researcher, String token, Doi doi, String title) {
        String externalIds = doi == null
                ? "{\"external-id-type\":\"other-id\",\"external-id-value\":\"poster-" + UUID.randomUUID()
                        + "\",\"external-id-relationship\":\"self\"}"
                : "{\"external-id-type\":\"doi\",\"external-id-value\":\"" + doi.value()
                        + "\",\"external-id-relationship\":\"self\"}";
        String work = "{\"title\":{\"title\":{\"value\":\"" + title + "\"}},\"type\":\"data-set\","
                + "\"external-ids\":{\"external-id\":[" + externalIds + "]}}";
        OrcidResult<Long> created = registrations.client(OrcidRegistrations.AUTO_UPDATE).works()
                .createWork(researcher, token, work);
        assertThat(created).isInstanceOf(OrcidResult.Ok.class);
        return ((OrcidResult.Ok<Long>) created).value();
    }

    private HttpResponse<String> postMetadata(Doi doi, String title, OrcidId creator) {
        return DoiMetadata.dataset(doi, title).creator("Creator, Test", creator)
                .post(new Http(port), apiKeys.create("tests", null, "test").key());
    }

    /** The auto-update claim (a work of another source is recorded for each of pidlink's ORCID clients). */
    private ClaimView claim(OrcidId researcher, Doi doi) {
        return claims.forResearcher(researcher).stream().filter(c -> c.doi().equals(doi.value()))
                .filter(c -> c.registrationId().equals(OrcidRegistrations.AUTO_UPDATE)).findFirst()
                .orElseThrow(() -> new AssertionError("no claim of " + researcher + " for " + doi));
    }

    private long lastCallId() {
        Long id = jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM orcid_call", Long.class);
        return id == null ? 0 : id;
    }

    private List<StoredWork> worksWithDoi(OrcidId researcher, Doi doi) {
        return orcid.emulator().control().works(researcher.value()).stream()
                .filter(w -> w.work().externalIds().stream()
                        .anyMatch(id -> id.type().equals("doi") && id.value().equalsIgnoreCase(doi.value())))
                .toList();
    }
}
