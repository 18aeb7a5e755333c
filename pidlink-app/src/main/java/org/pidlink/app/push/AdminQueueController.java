package org.pidlink.app.push;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.pidlink.app.claims.ClaimFigures;
import org.pidlink.app.claims.ClaimStatus;
import org.pidlink.app.claims.ClaimView;
import org.pidlink.app.claims.Claims;
import org.pidlink.app.claims.ClaimsOverview;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /admin/queue}: the push queue at a glance, failures with ORCID's messages, and a retry action. */
@Controller
class AdminQueueController {

    private static final int LISTED = 200;

    private final Claims claims;
    private final ClaimsOverview overview;
    private final JdbcClient jdbc;

    AdminQueueController(Claims claims, ClaimsOverview overview, DataSource dataSource) {
        this.claims = claims;
        this.overview = overview;
        this.jdbc = JdbcClient.create(dataSource);
    }

    @GetMapping("/admin/queue")
    String queue(Model model) {
        ClaimFigures figures = overview.figures();
        Map<ClaimStatus, Long> counts = new LinkedHashMap<>();
        for (ClaimStatus status : ClaimStatus.values()) {
            counts.put(status, figures.byStatus().getOrDefault(status, 0L));
        }
        List<ClaimView> failed = overview.inStatus(ClaimStatus.FAILED_PERMANENTLY, LISTED);
        List<ClaimView> retrying = overview.inStatus(ClaimStatus.FAILED_WILL_RETRY, LISTED);
        List<Map<String, Object>> calls = jdbc.sql("""
                SELECT called_at, method, path, status, error_code, latency_ms, orcid, items, failure
                FROM orcid_call ORDER BY id DESC LIMIT 50""").query().listOfRows();
        model.addAttribute("counts", counts);
        model.addAttribute("failed", failed);
        model.addAttribute("retrying", retrying);
        model.addAttribute("calls", calls);
        model.addAttribute("queued", figures.queued());
        return "push/admin-queue";
    }

    @PostMapping("/admin/queue/claims/{id}/retry")
    String retry(@PathVariable long id, RedirectAttributes flash) {
        ClaimView claim = claims.retry(id);
        flash.addFlashAttribute("message", "Claim " + id + " (" + claim.doi() + "): " + claim.status().label());
        return "redirect:/admin/queue";
    }
}
