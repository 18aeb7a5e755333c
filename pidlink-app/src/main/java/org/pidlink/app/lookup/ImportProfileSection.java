package org.pidlink.app.lookup;

import java.util.Map;

import org.pidlink.app.accounts.ProfileSection;
import org.pidlink.app.accounts.Researcher;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The "Import my works from ORCID" button on the profile page, after the researcher's works. */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class ImportProfileSection implements ProfileSection {

    @Override
    public String template() {
        return "lookup/profile";
    }

    @Override
    public String fragment() {
        return "import";
    }

    @Override
    public Map<String, Object> model(Researcher researcher) {
        return Map.of();
    }
}
