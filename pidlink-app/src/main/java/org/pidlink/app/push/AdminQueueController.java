package org.pidlink.app.push;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.pidlink.app.claims.ClaimFigures;
import org.pidlink.app.claims.ClaimStatus;
import org.pidlink.app.claims.ClaimView;
import org.pidlink.app.claims.Claims;
import org.pidlink.app.claims.ClaimsOverview;
import org.pidlink.app.orcid.CallClass;
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

    /** How far back the budget table looks. */
    private static final Duration BUDGET_WINDOW = Duration.ofMinutes(1);

    private final Claims claims;
    private final ClaimsOverview overview;
    private final OrcidCallStatistics statistics;
    private final PushSettings settings;
    private final JdbcClient jdbc;

    AdminQueueController(Claims claims, ClaimsOverview overview, OrcidCallStatistics statistics,
            PushSettings settings, DataSource dataSource) {
        this.claims = claims;
        this.overview = overview;
        this.statistics = statistics;
        this.settings = settings;
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** One class of work in ORCID's budget: its minimum share and what it used in the last minute. */
    record BudgetLine(CallClass callClass, String description, double minimumShare, long calls, double quotaUsed) {
    }

    private List<BudgetLine> budget() {
        Map<String, Long> calls = statistics.callsByClass(BUDGET_WINDOW);
        double quota = settings.requestsPerSecond() * BUDGET_WINDOW.toSeconds();
        List<BudgetLine> lines = new ArrayList<>();
        for (CallClass callClass : CallClass.values()) {
            long used = calls.getOrDefault(callClass.purpose(), 0L);
            lines.add(new BudgetLine(callClass, describe(callClass), settings.shares().of(callClass), used,
                    used / quota));
        }
        return lines;
    }

    private static String describe(CallClass callClass) {
        return switch (callClass) {
            case INTERACTIVE -> "Sync now, Search & Link claims, disconnect-and-remove, administrators' retries";
            case FRESH -> "first additions and deletions from new DOI metadata";
            case BACKFILL -> "existing DOIs of researchers who connect or turn auto-update on; metadata updates";
            case READ -> "reading records after ORCID's webhooks, imports";
            case HOUSEKEEPING -> "webhook registration, permission requests in the ORCID inbox";
        };
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
        model.addAttribute("budget", budget());
        model.addAttribute("budgetPerSecond", settings.requestsPerSecond());
        return "push/admin-queue";
    }

    @PostMapping("/admin/queue/claims/{id}/retry")
    String retry(@PathVariable long id, RedirectAttributes flash) {
        ClaimView claim = claims.retry(id);
        flash.addFlashAttribute("message", "Claim " + id + " (" + claim.doi() + "): " + claim.status().label());
        return "redirect:/admin/queue";
    }
}
