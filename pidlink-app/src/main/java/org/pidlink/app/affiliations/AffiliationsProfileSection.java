package org.pidlink.app.affiliations;

import java.util.List;
import java.util.Map;

import org.pidlink.app.accounts.ProfileSection;
import org.pidlink.app.accounts.Researcher;

/** On the researcher's profile: the affiliations her institution wants to add (approve or decline), and what was written. */
final class AffiliationsProfileSection implements ProfileSection {

    private final AffiliationStore store;
    private final String institution;

    AffiliationsProfileSection(AffiliationStore store, String institution) {
        this.store = store;
        this.institution = institution;
    }

    @Override
    public String template() {
        return "affiliations/profile";
    }

    @Override
    public String fragment() {
        return "affiliations";
    }

    @Override
    public Map<String, Object> model(Researcher researcher) {
        List<StoredAffiliation> rows = store.ofOrcid(researcher.orcid());
        return Map.of("affiliationsInstitution", institution, "affiliationsWaiting", rows.stream().filter(ResearcherAffiliationsController::waiting).toList(),
                "affiliationsOthers", rows.stream().filter(r -> !ResearcherAffiliationsController.waiting(r)).toList());
    }
}
