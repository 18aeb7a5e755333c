package org.pidlink.orcid.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pidlink.core.affiliation.AffiliationKind;

/** The affiliation value model: ORCID's schema in the constructors, ORCID's business rules in {@code check()}. */
class AffiliationModelTest {

    private static final Organization BOSTON = new Organization("Boston University", "Boston", "MA", "US",
            DisambiguatedOrganization.ror("https://ror.org/05qwgg493"));

    @ParameterizedTest
    @CsvSource({"2021, 2021", "2021-1, 2021-01", "2021-01-31, 2021-01-31", "' 1999-12 ', 1999-12"})
    void partialDatesParseTheThreeShapes(String text, String printed) {
        assertThat(PartialDate.parse(text)).hasToString(printed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2021-02-30", "2021-13", "1899", "2101-01", "21", "2021/01", "2021-01-01T00:00", ""})
    void partialDatesThatOrcidRefusesCannotBeBuilt(String text) {
        assertThatThrownBy(() -> PartialDate.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDayNeedsAMonthAndOrcidOrdersMissingPartsAsZero() {
        assertThatThrownBy(() -> new PartialDate(2020, null, 5)).hasMessageContaining("a day needs a month");
        assertThat(PartialDate.of(2020).compareTo(PartialDate.of(2020, 5))).isNegative();
        assertThat(PartialDate.of(2020, 5, 1).compareTo(PartialDate.of(2020, 5))).isPositive();
        assertThat(PartialDate.of(2020, 5).compareTo(PartialDate.of(2020, 5))).isZero();
    }

    @ParameterizedTest
    @CsvSource({"05qwgg493, https://ror.org/05qwgg493", "https://ror.org/05QWGG493, https://ror.org/05qwgg493",
            "ror.org/05qwgg493, https://ror.org/05qwgg493", "http://ror.org/04fa4r544, https://ror.org/04fa4r544"})
    void rorIdsTakeOrcidsStoredForm(String id, String stored) {
        assertThat(OrganizationIdSource.ROR.normalize(id)).isEqualTo(stored);
    }

    @ParameterizedTest
    @CsvSource({"ROR, 05qwgg494", "ROR, 05qwgg4", "ROR, https://ror.org/05qwgl493", "GRID, 455335.1",
            "RINGGOLD, ab12", "FUNDREF, 10.1000/100000001", "LEI, 213800ZJZ6Y86H9A8I78", "LEI, 213800ZJZ6Y86H9A8I"})
    void idsOfTheWrongShapeOrCheckDigitsAreRefused(String source, String id) {
        assertThatThrownBy(() -> DisambiguatedOrganization.of(source, id)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"FUNDREF, 100000001, http://dx.doi.org/10.13039/100000001",
            "fundref, https://doi.org/10.13039/100000001, http://dx.doi.org/10.13039/100000001",
            "Crossref Funder, 10.13039/100004440, http://dx.doi.org/10.13039/100004440",
            "grid, GRID.455335.1, grid.455335.1", "Ringgold, 385488, 385488",
            "lei, 213800zjz6y86h9a8i79, 213800ZJZ6Y86H9A8I79"})
    void otherRegistriesTakeOrcidsStoredFormToo(String source, String id, String stored) {
        assertThat(DisambiguatedOrganization.of(source, id).identifier()).isEqualTo(stored);
    }

    @Test
    void anUnknownSourceIsRefusedNamingTheAcceptedOnes() {
        assertThatThrownBy(() -> DisambiguatedOrganization.of("ISNI", "0000000121032683"))
                .hasMessageContaining("ROR, GRID, RINGGOLD, FUNDREF, LEI");
    }

    @Test
    void organizationsFollowOrcidsSchema() {
        Organization o = new Organization("  ORCID ", " ", "", "us", null);
        assertThat(o.name()).isEqualTo("ORCID");
        assertThat(o.city()).isNull();
        assertThat(o.region()).isNull();
        assertThat(o.country()).isEqualTo("US");
        assertThat(new Organization("X", null, null, "XK", null).country()).isEqualTo("XK");
        assertThatThrownBy(() -> new Organization(" ", null, null, null, null)).hasMessage("organization.name: required");
        assertThatThrownBy(() -> new Organization("X", null, null, "ZZ", null)).hasMessageStartingWith("organization.country");
        assertThatThrownBy(() -> new Organization("X", null, null, "USA", null)).hasMessageStartingWith("organization.country");
        assertThatThrownBy(() -> new Organization("X", "c".repeat(4001), null, null, null))
                .hasMessageStartingWith("organization.city: 4001 characters");
        assertThat(new Organization("n".repeat(4000), null, null, null, null).name()).hasSize(4000);
    }

    @Test
    void affiliationsFollowOrcidsSchema() {
        Affiliation a = Affiliation.of(AffiliationKind.EMPLOYMENT, BOSTON).withRole(" Professor ", "")
                .withUrl("https://bu.edu/people/7").withExternalIds(List.of(ExternalId.self("source-work-id", "HR-7")));
        assertThat(a.roleTitle()).isEqualTo("Professor");
        assertThat(a.departmentName()).isNull();
        assertThatThrownBy(() -> a.withRole("r".repeat(4001), null)).hasMessageStartingWith("roleTitle");
        assertThatThrownBy(() -> a.withUrl("not a uri")).hasMessageStartingWith("url");
        assertThatThrownBy(() -> a.withExternalIds(List.of(ExternalId.of("grant_number", "1", null, "SELF"))))
                .hasMessageContaining("relationship 'SELF'");
        assertThatThrownBy(() -> a.withExternalIds(List.of(ExternalId.self(" ", "1"))))
                .hasMessageContaining("needs a type and a value");
        assertThatThrownBy(() -> Affiliation.of(AffiliationKind.SERVICE, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void employmentAndEducationNeedAnOrganizationIdACityAndACountry() {
        Organization bare = new Organization("Somewhere", null, null, null, null);
        assertThat(Affiliation.of(AffiliationKind.EDUCATION, bare).check()).extracting(AffiliationProblem::code)
                .containsExactly(OrcidErrorCode.ORGANIZATION_ID_INVALID, OrcidErrorCode.CITY_AND_COUNTRY_REQUIRED);
        Organization noCountry = new Organization("Boston University", "Boston", null, null,
                DisambiguatedOrganization.ror("05qwgg493"));
        assertThat(Affiliation.of(AffiliationKind.EMPLOYMENT, noCountry).check()).singleElement()
                .satisfies(p -> assertThat(p.field()).isEqualTo("organization.country"));
        assertThat(Affiliation.of(AffiliationKind.EMPLOYMENT, BOSTON).check()).isEmpty();
    }

    @Test
    void professionalActivitiesNeedAnIdOrAnExternalIdAndACountryWithAPlace() {
        Organization cityOnly = new Organization("Some Society", "Oslo", null, null, null);
        assertThat(Affiliation.of(AffiliationKind.MEMBERSHIP, cityOnly).check()).extracting(AffiliationProblem::code)
                .containsExactly(OrcidErrorCode.ORGANIZATION_ID_OR_EXTERNAL_ID_REQUIRED,
                        OrcidErrorCode.COUNTRY_REQUIRED_WITH_CITY_OR_REGION);
        Organization nowhere = new Organization("Some Society", null, null, null, null);
        assertThat(Affiliation.of(AffiliationKind.SERVICE, nowhere)
                .withExternalIds(List.of(ExternalId.self("source-work-id", "S-1"))).check()).isEmpty();
    }

    @Test
    void anEndBeforeTheStartIsFound() {
        Affiliation a = Affiliation.of(AffiliationKind.EMPLOYMENT, BOSTON)
                .withDates(PartialDate.of(2020, 5), PartialDate.of(2020));
        assertThat(a.check()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(OrcidErrorCode.END_BEFORE_START);
            assertThat(p.field()).isEqualTo("endDate");
        });
        assertThat(a.withDates(null, PartialDate.of(2020)).check()).isEmpty();
    }

    @Test
    void aPermissionRequestNamesTheAffiliation() {
        Affiliation a = Affiliation.of(AffiliationKind.INVITED_POSITION, BOSTON).withRole("Visiting professor", "Physics");
        PermissionNotification.Item item = PermissionNotification.Item.affiliation(a);
        assertThat(item.type()).isEqualTo("invited-position");
        assertThat(item.name()).isEqualTo("Visiting professor, Physics, Boston University");
        assertThat(item.externalId()).isNull();
        String emoji = "\uD83D\uDE00";
        Affiliation longName = Affiliation.of(AffiliationKind.SERVICE,
                new Organization("x".repeat(999) + emoji, null, null, null, null));
        assertThat(PermissionNotification.Item.affiliation(longName).name()).hasSize(999);
    }
}
