package org.pidlink.orcid.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.pidlink.core.affiliation.AffiliationKind;
import org.pidlink.core.identifiers.OrcidId;

/**
 * ORCID's record summary markers (orcid-api.md §13) from one {@code GET /record} with a {@code /read-public}
 * client-credentials token, against the emulator: name, newest employments, validated and self-asserted work groups,
 * the sources of each work, and deprecated and deactivated records.
 */
class RecordSummaryEmulatorTest extends EmulatorTest {

    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-12-07T00:00:00Z"), ZoneOffset.UTC);

    private String readPublic() {
        return client.oauth().clientCredentials("/read-public").orElseThrow().accessToken();
    }

    private static Affiliation employment(String organization, String role, int start, Integer end) {
        return Affiliation.of(AffiliationKind.EMPLOYMENT, new Organization(organization, "Boston", "MA", "US",
                        DisambiguatedOrganization.ror("https://ror.org/05qwgg493")))
                .withRole(role, null).withDates(PartialDate.of(start), end == null ? null : PartialDate.of(end));
    }

    @Test
    void theMarkersOfARecordWithMemberAndSelfAssertedItems() {
        OrcidId researcher = orcid.researcher();
        String member = orcid.token(researcher);
        String doi = EmulatorFixture.freshDoi();
        works.createWork(researcher, member, EmulatorFixture.work("By a member", doi)).orElseThrow();
        // The researcher adds the same DOI herself (one group, validated) and another work (self-asserted).
        orcid.emulator.control().addWorkAsResearcher(researcher.value(), "Mine too", doi);
        orcid.emulator.control().addWorkAsResearcher(researcher.value(), "Only mine", EmulatorFixture.freshDoi());
        for (Affiliation a : new Affiliation[] {employment("Old Lab", "Intern", 2005, 2006),
                employment("Middle Lab", "Postdoc", 2010, 2014), employment("Second Lab", "Fellow", 2014, 2018),
                employment("Boston University", "Professor", 2018, null)}) {
            client.affiliations().createAffiliation(researcher, member, a).orElseThrow();
        }

        RecordSummary summary = client.records().readSummary(researcher, readPublic(), TODAY).orElseThrow();

        assertThat(summary.name()).isEqualTo("Sofia Garcia");
        assertThat(summary.deactivated()).isFalse();
        assertThat(summary.validatedWorks()).isEqualTo(1);
        assertThat(summary.selfAssertedWorks()).isEqualTo(1);
        assertThat(summary.employmentCount()).isEqualTo(4);
        assertThat(summary.employments()).extracting(RecordSummary.Employment::organization)
                .containsExactly("Boston University", "Second Lab", "Middle Lab");
        assertThat(summary.employments().getFirst()).satisfies(e -> {
            assertThat(e.role()).isEqualTo("Professor");
            assertThat(e.startYear()).isEqualTo(2018);
            assertThat(e.endYear()).isNull();
            assertThat(e.validated()).isTrue();
        });
        assertThat(summary.works()).filteredOn(w -> w.dois().contains(doi.toLowerCase()))
                .extracting(RecordSummary.PublicWork::selfAsserted).containsExactlyInAnyOrder(true, false);
        assertThat(summary.works()).filteredOn(RecordSummary.PublicWork::selfAsserted)
                .allSatisfy(w -> assertThat(w.sourceName()).isEqualTo("Sofia Garcia"));
        assertThat(summary.works()).filteredOn(w -> !w.selfAsserted())
                .singleElement().satisfies(w -> assertThat(w.sourceClientId()).isEqualTo(orcid.client.clientId()));
    }

    @Test
    void deprecatedAndDeactivatedRecordsSayWhatTheyAre() {
        OrcidId primary = orcid.researcher();
        OrcidId merged = orcid.researcher();
        OrcidId gone = orcid.researcher();
        orcid.emulator.control().setState(merged.value(), "deprecated", primary.value());
        orcid.emulator.control().setState(gone.value(), "deactivated", null);

        OrcidError error = failure(client.records().readSummary(merged, readPublic(), TODAY));
        assertThat(error).isInstanceOfSatisfying(OrcidError.RecordUnavailable.class,
                e -> assertThat(e.state()).isEqualTo(RecordState.DEPRECATED));
        assertThat(client.records().readSummary(gone, readPublic(), TODAY).orElseThrow().deactivated()).isTrue();
    }
}
