package org.pidlink.app.registrants;

import java.util.Map;

import org.pidlink.app.accounts.ProfileSection;
import org.pidlink.app.accounts.Researcher;

/** On the researcher's profile: which registrants pidlink told about her claims, and what became of it. */
final class RegistrantsProfileSection implements ProfileSection {

    private final Suggestions suggestions;

    RegistrantsProfileSection(Suggestions suggestions) {
        this.suggestions = suggestions;
    }

    @Override
    public String template() {
        return "registrants/profile";
    }

    @Override
    public String fragment() {
        return "registrants";
    }

    @Override
    public Map<String, Object> model(Researcher researcher) {
        return Map.of("registrantsTold", suggestions.toldAbout(researcher.orcid().value()));
    }
}
