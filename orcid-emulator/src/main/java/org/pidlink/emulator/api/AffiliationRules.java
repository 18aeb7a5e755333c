package org.pidlink.emulator.api;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Pattern;
import org.pidlink.core.affiliation.AffiliationKind;
import org.pidlink.emulator.affiliations.Affiliation;
import org.pidlink.emulator.state.Visibility;

/**
 * ORCID's business validation of an affiliation ({@code ActivityValidator.validateAffiliation}), in ORCID's order
 * (orcid-api.md §11.3 step 4): a put-code on POST (9024), a visibility change on PUT (9035), the organization rules
 * of the kind (9046, 9045, 9060 for employment and education; 9046, 9062, 9061 for the other five), then each date
 * (9049) and their order (9055). External ids are not validated (§11.3 step 4.6).
 */
final class AffiliationRules {

    private static final Pattern DATE_SHAPE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");

    private final OrcidErrors errors;

    AffiliationRules(OrcidErrors errors) {
        this.errors = errors;
    }

    /**
     * @param stored the item a PUT replaces (its visibility may not change), or null for a POST
     */
    void validate(AffiliationKind kind, Affiliation a, Visibility stored, String clientName) {
        Map<String, String> client = Map.of("clientName", clientName);
        if (stored == null && a.putCode() != null) {
            throw errors.exception(400, 9024, null, client);
        }
        if (stored != null && a.visibility() != null && !a.visibility().equals(stored.value())) {
            throw errors.exception(403, 9035, null, client);
        }
        if (kind.requiresDisambiguatedOrganization()) {
            employmentOrEducation(a.organization());
        } else {
            professionalActivity(a);
        }
        String start = dateString(a.startDate());
        String end = dateString(a.endDate());
        if (start != null && end != null && sortable(a.startDate()).compareTo(sortable(a.endDate())) > 0) {
            throw errors.exception(400, 9055, null);
        }
    }

    private void employmentOrEducation(Affiliation.Organization org) {
        if (org == null) {
            throw errors.exception(400, 9046, null);
        }
        if (org.disambiguated() == null || blank(org.disambiguated().identifier())) {
            throw errors.exception(400, 9045, null);
        }
        if (org.address() == null || blank(org.address().city()) || blank(org.address().country())) {
            throw errors.exception(400, 9060, null);
        }
    }

    private void professionalActivity(Affiliation a) {
        Affiliation.Organization org = a.organization();
        if (org == null || (org.disambiguated() == null && blank(org.name()))) {
            throw errors.exception(400, 9046, null);
        }
        if ((org.disambiguated() == null || blank(org.disambiguated().identifier())) && a.externalIds().isEmpty()) {
            throw errors.exception(400, 9062, null);
        }
        Affiliation.Address address = org.address();
        if (address != null && blank(address.country()) && (!blank(address.city()) || !blank(address.region()))) {
            throw errors.exception(400, 9061, null);
        }
    }

    /** {@code yyyy}, {@code yyyy-MM} or {@code yyyy-MM-dd}, and a real date, else 9049 (null: no date). */
    private String dateString(Affiliation.FuzzyDate d) {
        if (d == null) {
            return null;
        }
        String s = d.year() + (d.month() == null ? "" : "-" + d.month()) + (d.day() == null ? "" : "-" + d.day());
        if (!DATE_SHAPE.matcher(s).matches()) {
            throw errors.exception(400, 9049, null, Map.of("dateString", s));
        }
        try {
            LocalDate.of(Integer.parseInt(d.year()), d.month() == null ? 1 : Integer.parseInt(d.month()),
                    d.day() == null ? 1 : Integer.parseInt(d.day()));
        } catch (DateTimeException e) {
            throw errors.exception(400, 9049, null, Map.of("dateString", s));
        }
        return s;
    }

    /** {@code YYYYMMDD} with missing parts as {@code 00}, as ORCID's {@code FuzzyDateUtils} compares. */
    private static String sortable(Affiliation.FuzzyDate d) {
        return d.year() + (d.month() == null ? "00" : d.month()) + (d.day() == null ? "00" : d.day());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
