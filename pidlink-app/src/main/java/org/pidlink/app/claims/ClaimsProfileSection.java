package org.pidlink.app.claims;

import java.util.List;
import java.util.Map;

import org.pidlink.app.accounts.ProfileSection;
import org.pidlink.app.accounts.Researcher;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The researcher's claims with their statuses on her profile page, and her actions on them. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ClaimsProfileSection implements ProfileSection {

    private final Claims claims;

    ClaimsProfileSection(Claims claims) {
        this.claims = claims;
    }

    @Override
    public String template() {
        return "claims/profile";
    }

    @Override
    public String fragment() {
        return "claims";
    }

    @Override
    public Map<String, Object> model(Researcher researcher) {
        List<ClaimView> list = claims.forResearcher(researcher.orcid());
        long inOrcid = list.stream().filter(c -> c.status().inOrcid()).count();
        return Map.of("claims", list, "claimsInOrcid", inOrcid, "progress", claims.writeProgress(researcher.orcid()));
    }
}
