package org.pidlink.orcid.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pidlink.core.identifiers.OrcidId;

/** Works CRUD and the errors the push engine acts on, against the emulator. */
class WorksEmulatorTest extends EmulatorTest {

    @Test
    void createsReadsUpdatesAndDeletesAWork() {
        OrcidId researcher = orcid.researcher();
        String token = orcid.token(researcher);
        String doi = EmulatorFixture.freshDoi();

        long putCode = works.createWork(researcher, token, EmulatorFixture.work("First title", doi)).orElseThrow();

        FetchedWork read = works.readWork(researcher, token, putCode).orElseThrow();
        assertThat(read.putCode()).isEqualTo(putCode);
        assertThat(read.summary().title()).isEqualTo("First title");
        assertThat(read.summary().isFromClient(orcid.client.clientId())).isTrue();
        assertThat(read.summary().selfIds()).singleElement().satisfies(id -> {
            assertThat(id.type()).isEqualTo("doi");
            assertThat(id.value()).isEqualTo(doi);
            assertThat(id.normalizedValue()).isEqualTo(doi.toLowerCase(java.util.Locale.ROOT));
        });
        assertThat(read.json()).contains("\"put-code\"");

        List<WorkSummary> listed = works.readWorks(researcher, token).orElseThrow();
        assertThat(listed).singleElement().satisfies(summary -> {
            assertThat(summary.putCode()).isEqualTo(putCode);
            assertThat(summary.sourceClientId()).isEqualTo(orcid.client.clientId());
            assertThat(summary.externalIds()).extracting(ExternalId::type).contains("doi", "issn");
            assertThat(summary.publicationDate()).isEqualTo("2024-05");
        });

        // The mapping's JSON has no put-code: the client inserts it.
        FetchedWork updated = works.updateWork(researcher, token, putCode, EmulatorFixture.work("Second title", doi))
                .orElseThrow();
        assertThat(updated.summary().title()).isEqualTo("Second title");
        assertThat(works.readWork(researcher, token, putCode).orElseThrow().summary().title()).isEqualTo("Second title");

        assertThat(works.deleteWork(researcher, token, putCode).isOk()).isTrue();
        assertThat(failure(works.readWork(researcher, token, putCode))).isInstanceOf(OrcidError.NotFound.class);
        assertThat(works.readWorks(researcher, token).orElseThrow()).isEmpty();
    }

    @Test
    void updateRefusesJsonNamingAnotherPutCode() {
        String json = "{\"put-code\":5," + EmulatorFixture.work("x", "10.1/x").strip().substring(1);
        assertThatThrownBy(() -> works.updateWork(orcid.researcher(), "token", 6, json))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("put-code 5");
    }

    @Test
    void aSecondWorkWithTheSameDoiIsADuplicateNamingTheFirst() {
        OrcidId researcher = orcid.researcher();
        String token = orcid.token(researcher);
        String doi = EmulatorFixture.freshDoi();
        long first = works.createWork(researcher, token, EmulatorFixture.work("Original", doi)).orElseThrow();

        // Same DOI in another spelling: ORCID compares normalized values.
        OrcidError error = failure(works.createWork(researcher, token,
                EmulatorFixture.work("Copy", "https://doi.org/" + doi.toUpperCase(java.util.Locale.ROOT))));

        assertThat(error).isInstanceOf(OrcidError.Duplicate.class);
        assertThat(((OrcidError.Duplicate) error).existingPutCode()).hasValue(first);
        assertThat(error.status()).isEqualTo(409);
        assertThat(error.errorCode()).isEqualTo(9021);
    }

    @Test
    void workRemovedByTheResearcherIsNotFoundForUpdateAndDelete() {
        OrcidId researcher = orcid.researcher();
        String token = orcid.token(researcher);
        String doi = EmulatorFixture.freshDoi();
        long putCode = works.createWork(researcher, token, EmulatorFixture.work("Doomed", doi)).orElseThrow();
        assertThat(orcid.emulator.control().deleteWork(researcher.value(), putCode)).isTrue();

        OrcidError update = failure(works.updateWork(researcher, token, putCode, EmulatorFixture.work("Doomed", doi)));
        assertThat(update).isInstanceOf(OrcidError.NotFound.class);
        assertThat(update.errorCode()).isEqualTo(9016);
        assertThat(failure(works.deleteWork(researcher, token, putCode))).isInstanceOf(OrcidError.NotFound.class);
    }

    @Test
    void anotherClientsWorkIsNotOurs() {
        OrcidId researcher = orcid.researcher();
        var other = orcid.otherClient();
        String otherToken = orcid.token(researcher, other.clientId(), EmulatorFixture.MEMBER_SCOPES);
        String doi = EmulatorFixture.freshDoi();
        long theirs = works.createWork(researcher, otherToken, EmulatorFixture.work("Theirs", doi)).orElseThrow();
        String token = orcid.token(researcher);

        OrcidError update = failure(works.updateWork(researcher, token, theirs, EmulatorFixture.work("Mine", doi)));
        assertThat(update).isInstanceOf(OrcidError.NotSource.class);
        assertThat(update.errorCode()).isEqualTo(9010);
        assertThat(failure(works.deleteWork(researcher, token, theirs))).isInstanceOf(OrcidError.NotSource.class);

        // The same DOI from a different client is allowed (orcid-api.md §3.4), and we see both sources.
        long ours = works.createWork(researcher, token, EmulatorFixture.work("Ours", doi)).orElseThrow();
        assertThat(works.readWorks(researcher, token).orElseThrow())
                .extracting(WorkSummary::putCode, WorkSummary::sourceClientId)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(theirs, other.clientId()),
                        org.assertj.core.groups.Tuple.tuple(ours, orcid.client.clientId()));
    }

    @Test
    void aWorkOrcidRefusesIsInvalidWithOrcidsMessage() {
        OrcidId researcher = orcid.researcher();
        OrcidError error = failure(works.createWork(researcher, orcid.token(researcher),
                EmulatorFixture.workWithoutIds("No identifiers")));
        assertThat(error).isInstanceOf(OrcidError.InvalidWork.class);
        assertThat(error.status()).isEqualTo(400);
        assertThat(error.errorCode()).isNotZero();
        assertThat(error.developerMessage()).isNotBlank();
        assertThat(error.retryable()).isFalse();

        OrcidError notJson = failure(works.createWork(researcher, orcid.token(researcher), "{\"title\":"));
        assertThat(notJson).isInstanceOf(OrcidError.InvalidWork.class);
        assertThat(notJson.errorCode()).isEqualTo(9047);
    }

    @Test
    void permissionRevokedByTheResearcherRejectsTheTokenButStillAllowsCleanup() {
        OrcidId researcher = orcid.researcher();
        String token = orcid.token(researcher);
        long putCode = works.createWork(researcher, token, EmulatorFixture.work("Before", EmulatorFixture.freshDoi()))
                .orElseThrow();
        orcid.emulator.control().revoke(researcher.value(), orcid.client.clientId());

        OrcidError error = failure(works.createWork(researcher, token,
                EmulatorFixture.work("After", EmulatorFixture.freshDoi())));
        assertThat(error).isInstanceOf(OrcidError.TokenRejected.class);
        assertThat(error.status()).isEqualTo(401);
        assertThat(error.developerMessage()).doesNotContain(token);
        // ORCID lets a user-revoked token DELETE (orcid-api.md §2.4).
        assertThat(works.deleteWork(researcher, token, putCode).isOk()).isTrue();
    }

    @Test
    void aTokenForAnotherRecordIsRejected() {
        OrcidId researcher = orcid.researcher();
        OrcidId someoneElse = orcid.researcher();
        OrcidError error = failure(works.readWorks(someoneElse, orcid.token(researcher)));
        assertThat(error).isInstanceOf(OrcidError.TokenRejected.class);
        assertThat(error.errorCode()).isEqualTo(9017);
    }

    @Test
    void lockedDeactivatedAndDeprecatedRecordsRefuseWrites() {
        for (var state : List.of(RecordState.LOCKED, RecordState.DEACTIVATED, RecordState.DEPRECATED)) {
            OrcidId researcher = orcid.researcher();
            String token = orcid.token(researcher);
            String primary = state == RecordState.DEPRECATED ? orcid.researcher().value() : null;
            orcid.emulator.control().setState(researcher.value(), state.name().toLowerCase(java.util.Locale.ROOT),
                    primary);

            OrcidError error = failure(works.createWork(researcher, token,
                    EmulatorFixture.work("Blocked", EmulatorFixture.freshDoi())));
            assertThat(error).as(state.name()).isInstanceOf(OrcidError.RecordUnavailable.class);
            assertThat(((OrcidError.RecordUnavailable) error).state()).isEqualTo(state);
            assertThat(error.status()).isEqualTo(409);
        }
    }
}
