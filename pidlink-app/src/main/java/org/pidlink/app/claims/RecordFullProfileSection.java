package org.pidlink.app.claims;

import java.util.Map;

import org.pidlink.app.accounts.ProfileSection;
import org.pidlink.app.accounts.Researcher;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On the researcher's profile, when ORCID's 10,000-work cap keeps works off her record: how many, why, and what she
 * can do. Shown right after her works; empty when nothing is held back.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RecordFullProfileSection implements ProfileSection {

    private final Claims claims;
    private final WriteOrder order;

    RecordFullProfileSection(Claims claims, RecordCapProperties recordCap) {
        this.claims = claims;
        this.order = recordCap.writeOrder();
    }

    @Override
    public String template() {
        return "claims/record-full";
    }

    @Override
    public String fragment() {
        return "recordFull";
    }

    @Override
    public Map<String, Object> model(Researcher researcher) {
        return Map.of("recordFullCount", claims.recordFullCount(researcher.orcid()), "recordMaxWorks", order.maxWorks());
    }
}
