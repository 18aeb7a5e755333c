package org.pidlink.orcid.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.pidlink.core.affiliation.AffiliationKind;

/**
 * An affiliation to write to an ORCID record (orcid-api.md §11.2; {@code common:affiliation}): its kind, the
 * organization, department, role title, start and end dates, a URL and external ids. The constructor enforces ORCID's
 * schema (texts non-blank and at most 4000 characters, dates, countries, external ids with a type, a value and one of
 * ORCID's relationships), so a value ORCID's schema refuses cannot be built; texts are stripped, blank ones are null.
 * ORCID's business rules, which depend on the kind and which ORCID has changed before, are {@link #check()}; the
 * client sends what it is given and ORCID stays the judge (its refusals arrive as {@link OrcidError.InvalidWork}).
 *
 * @param url         the affiliation's web page, or null
 * @param externalIds e.g. a {@code grant_number} or {@code source-work-id} ({@code self}) naming the affiliation in
 *                    the institution's system; ORCID uses self ids to find duplicates within a kind and source
 * @throws IllegalArgumentException naming the field that breaks ORCID's schema
 */
public record Affiliation(AffiliationKind kind, Organization organization, String departmentName, String roleTitle,
                          PartialDate startDate, PartialDate endDate, String url, List<ExternalId> externalIds) {

    /** ORCID's relationships ({@code Relationship}); anything else is refused while the body is read. */
    public static final Set<String> RELATIONSHIPS = Set.of("self", "part-of", "version-of", "funded-by");

    public Affiliation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(organization, "organization"); // every kind needs one (9046)
        departmentName = Texts.optional("departmentName", departmentName, Organization.MAX_TEXT);
        roleTitle = Texts.optional("roleTitle", roleTitle, Organization.MAX_TEXT);
        url = Texts.optional("url", url, Integer.MAX_VALUE);
        if (url != null) {
            try {
                new URI(url);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("url: not a URI: " + e.getMessage());
            }
        }
        externalIds = List.copyOf(externalIds == null ? List.of() : externalIds);
        for (ExternalId id : externalIds) {
            if (id.type().isBlank() || id.value().isBlank()) {
                throw new IllegalArgumentException("externalIds: an external id needs a type and a value");
            }
            if (id.relationship() != null && !RELATIONSHIPS.contains(id.relationship())) {
                throw new IllegalArgumentException("externalIds: relationship '" + id.relationship()
                        + "' is not one of " + RELATIONSHIPS);
            }
        }
    }

    /** An affiliation with an organization only; add the rest with the {@code with…} methods. */
    public static Affiliation of(AffiliationKind kind, Organization organization) {
        return new Affiliation(kind, organization, null, null, null, null, null, List.of());
    }

    public Affiliation withRole(String newRoleTitle, String newDepartmentName) {
        return new Affiliation(kind, organization, newDepartmentName, newRoleTitle, startDate, endDate, url,
                externalIds);
    }

    public Affiliation withDates(PartialDate start, PartialDate end) {
        return new Affiliation(kind, organization, departmentName, roleTitle, start, end, url, externalIds);
    }

    public Affiliation withUrl(String newUrl) {
        return new Affiliation(kind, organization, departmentName, roleTitle, startDate, endDate, newUrl, externalIds);
    }

    public Affiliation withExternalIds(List<ExternalId> ids) {
        return new Affiliation(kind, organization, departmentName, roleTitle, startDate, endDate, url, ids);
    }

    /**
     * ORCID's business rules for this kind (orcid-api.md §11.3 step 4), in ORCID's order: for employment and
     * education a disambiguated organization (9045) and a city and country (9060); for the five others an
     * organization id or an external id (9062) and a country when a city or region is given (9061); then the end not
     * before the start (9055). Empty when ORCID would accept it; whether ORCID knows the organization id (9045) and
     * duplicates (9021) only ORCID can say.
     */
    public List<AffiliationProblem> check() {
        List<AffiliationProblem> problems = new ArrayList<>();
        Organization org = organization;
        if (kind.requiresDisambiguatedOrganization()) {
            if (org.disambiguated() == null) {
                problems.add(new AffiliationProblem("organization.disambiguated", OrcidErrorCode.ORGANIZATION_ID_INVALID,
                        "an " + kind.value() + " needs the organization's id (ROR, GRID, Ringgold, FundRef or LEI)"));
            }
            if (org.city() == null || org.country() == null) {
                problems.add(new AffiliationProblem(org.city() == null ? "organization.city" : "organization.country",
                        OrcidErrorCode.CITY_AND_COUNTRY_REQUIRED,
                        "an " + kind.value() + " needs the organization's city and country"));
            }
        } else {
            if (org.disambiguated() == null && externalIds.isEmpty()) {
                problems.add(new AffiliationProblem("organization.disambiguated",
                        OrcidErrorCode.ORGANIZATION_ID_OR_EXTERNAL_ID_REQUIRED,
                        "a " + kind.value() + " needs the organization's id or an external id"));
            }
            if (org.country() == null && (org.city() != null || org.region() != null)) {
                problems.add(new AffiliationProblem("organization.country",
                        OrcidErrorCode.COUNTRY_REQUIRED_WITH_CITY_OR_REGION,
                        "a city or region needs the organization's country"));
            }
        }
        if (startDate != null && endDate != null && endDate.compareTo(startDate) < 0) {
            problems.add(new AffiliationProblem("endDate", OrcidErrorCode.END_BEFORE_START,
                    "the end date " + endDate + " is before the start date " + startDate));
        }
        return List.copyOf(problems);
    }
}
