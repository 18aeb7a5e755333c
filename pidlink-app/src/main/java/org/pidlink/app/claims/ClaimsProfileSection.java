package org.pidlink.app.claims;

import java.util.Map;

import org.pidlink.app.accounts.ProfileSection;
import org.pidlink.app.accounts.Researcher;
import org.pidlink.app.orcid.OrcidRegistrations;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The researcher's works on her profile page, one row per DOI, a page at a time ({@code ?page=N}), with what
 * each status means and her actions on them; her write mode, and the works awaiting her review
 * ({@code ?review=N}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ClaimsProfileSection implements ProfileSection {

    static final int PAGE_SIZE = 50;
    static final int REVIEW_PAGE_SIZE = 20;

    private final Claims claims;
    private final OrcidRegistrations registrations;

    ClaimsProfileSection(Claims claims, OrcidRegistrations registrations) {
        this.claims = claims;
        this.registrations = registrations;
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
        ClaimsPage page = claims.page(researcher.orcid(), requestedPage("page"), PAGE_SIZE, this::clientName);
        return Map.of("works", page, "progress", claims.writeProgress(researcher.orcid()),
                "claimStatuses", ClaimStatus.values(), "reviewFirst", claims.reviewFirst(researcher.orcid()),
                "review", claims.awaitingReview(researcher.orcid(), requestedPage("review"), REVIEW_PAGE_SIZE));
    }

    /** A registration in her words: pidlink's two ORCID clients, or just pidlink when one client serves both. */
    String clientName(String registrationId) {
        if (registrations.shared()) {
            return "pidlink";
        }
        return OrcidRegistrations.AUTO_UPDATE.equals(registrationId) ? "pidlink's auto-update client"
                : "pidlink's search & link client";
    }

    private static int requestedPage(String parameter) {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes servlet) {
            String page = servlet.getRequest().getParameter(parameter);
            if (page != null && page.matches("[0-9]{1,6}")) {
                return Integer.parseInt(page);
            }
        }
        return 1;
    }
}
