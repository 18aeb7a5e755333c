package org.pidlink.emulator.affiliations;

import java.util.List;
import org.pidlink.emulator.works.Work;

/**
 * An affiliation as submitted (the write shape of orcid-api.md §11.2, {@code common:affiliation}), independent of
 * JSON or XML. Absent optional parts are null; {@code externalIds} is never null (absent and empty are the same to
 * ORCID's rules). Strings are kept as sent, so the business rules see blank values the way ORCID does.
 */
public record Affiliation(Long putCode, String visibility, String departmentName, String roleTitle,
                          FuzzyDate startDate, FuzzyDate endDate, Organization organization, String url,
                          List<Work.ExternalId> externalIds) {

    public Affiliation {
        externalIds = externalIds == null ? List.of() : List.copyOf(externalIds);
    }

    /** Year, month and day as sent ({@code "2021"}, {@code "01"}). */
    public record FuzzyDate(String year, String month, String day) {
    }

    /** {@code common:organization}: a name, an address (required by the schema) and an optional disambiguated id. */
    public record Organization(String name, Address address, DisambiguatedOrganization disambiguated) {
    }

    /** {@code common:organization-address}; every part optional in the schema. */
    public record Address(String city, String region, String country) {
    }

    /** {@code common:disambiguated-organization}: the id and its source ({@code ROR}, {@code GRID}, …) as sent. */
    public record DisambiguatedOrganization(String identifier, String source) {
    }

    public Affiliation withPutCode(Long pc) {
        return new Affiliation(pc, visibility, departmentName, roleTitle, startDate, endDate, organization, url,
                externalIds);
    }
}
