package org.pidlink.app.reports;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.pidlink.app.claims.ClaimStatus;
import org.pidlink.app.claims.Links;
import org.pidlink.app.accounts.Researchers;
import org.pidlink.app.push.OrcidCallStatistics;
import org.pidlink.app.push.OrcidCallsCsv;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code /admin/reports}: charts of claims, works written and ORCID calls, the most frequent ORCID errors, the
 * researchers; and {@code /admin/reports/orcid-calls.csv}, the audit table for a date range. Administrators only
 * (the {@code /admin/**} rule).
 */
@Controller
class ReportsController {

    static final int WORK_DAYS = 30;
    static final int CALL_HOURS = 48;
    static final int ERROR_DAYS = 30;
    static final int TOP_ERRORS = 10;
    /** The longest range one download may cover, and the most rows it may hold. */
    static final int MAX_CSV_DAYS = 92;
    static final long MAX_CSV_ROWS = 1_000_000;

    private static final List<String> STATUS_COLORS = List.of("#2e7d32", "#ef6c00", "#c62828", "#757575");
    private static final List<String> ACTION_COLORS = List.of("#1565c0", "#6a1b9a", "#8d6e63");
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("d MMM HH:00", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT_HOUR = DateTimeFormatter.ofPattern("HH:00", Locale.ENGLISH);

    private final OrcidCallStatistics statistics;
    private final QueueSnapshots snapshots;
    private final OrcidCallsCsv csv;
    private final Researchers researchers;
    private final Clock clock;
    private final LinkFigures links;
    private final LinkExport export;

    ReportsController(OrcidCallStatistics statistics, OrcidCallsCsv csv, QueueSnapshots snapshots,
                      Researchers researchers, Clock clock, LinkFigures links, LinkExport export) {
        this.links = links;
        this.export = export;
        this.researchers = researchers;
        this.clock = clock;
        this.statistics = statistics;
        this.snapshots = snapshots;
        this.csv = csv;
    }

    @GetMapping("/admin/reports")
    String reports(Model model, @RequestParam(defaultValue = "false") boolean refresh) {
        Links.Figures figures = links.current(refresh);
        model.addAttribute("links", figures);
        model.addAttribute("linksChart", linksPerOrcidChart(figures));
        QueueSnapshot queue = snapshots.fresh();
        model.addAttribute("claimsChart", claimsChart(queue));
        model.addAttribute("queue", queue);
        model.addAttribute("worksChart", worksChart(statistics.worksPerDay(WORK_DAYS)));
        model.addAttribute("callsChart", callsChart(statistics.callsPerHour(CALL_HOURS)));
        model.addAttribute("errors", statistics.topErrorCodes(ERROR_DAYS, TOP_ERRORS));
        model.addAttribute("errorDays", ERROR_DAYS);
        model.addAttribute("researchers", researchers.counts());
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("csvFrom", today.minusDays(6));
        model.addAttribute("csvTo", today);
        model.addAttribute("maxCsvDays", MAX_CSV_DAYS);
        return "reports/reports";
    }

    /**
     * The audit rows of the UTC days {@code from} to {@code to}, both included (default: the last 7 days).
     */
    @GetMapping("/admin/reports/orcid-calls.csv")
    ResponseEntity<StreamingResponseBody> orcidCalls(@RequestParam(required = false) @Nullable String from,
                                 @RequestParam(required = false) @Nullable String to) {
        LocalDate today = LocalDate.now(clock);
        LocalDate last;
        LocalDate first;
        try {
            last = to == null || to.isBlank() ? today : LocalDate.parse(to.strip());
            first = from == null || from.isBlank() ? last.minusDays(6) : LocalDate.parse(from.strip());
        } catch (DateTimeParseException e) {
            throw new BadDateRangeException("The dates must be written YYYY-MM-DD (parameters 'from' and 'to'): "
                    + e.getParsedString() + " is not a date.");
        }
        if (last.isBefore(first)) {
            throw new BadDateRangeException("'from' (" + first + ") is after 'to' (" + last + ").");
        }
        if (ChronoUnit.DAYS.between(first, last) + 1 > MAX_CSV_DAYS) {
            throw new BadDateRangeException("One download covers at most " + MAX_CSV_DAYS + " days; " + first
                    + " to " + last + " is " + (ChronoUnit.DAYS.between(first, last) + 1) + ". Download it in parts.");
        }
        Instant start = first.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        StreamingResponseBody body = out -> csv.write(start, end, MAX_CSV_ROWS, out);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"pidlink-orcid-calls-" + first + "-to-" + last + ".csv\"")
                .body(body);
    }

    /** Every DOI–iD link, streamed: {@code links.jsonl} (JSON Lines) or {@code links.csv}. */
    @GetMapping({"/admin/reports/links.jsonl", "/admin/reports/links.csv"})
    void linkExport(jakarta.servlet.http.HttpServletRequest request,
                    jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        LinkExport.Format format = request.getRequestURI().endsWith(".csv") ? LinkExport.Format.CSV
                : LinkExport.Format.JSONL;
        export.download(format, clock.instant(), response);
    }

    @ExceptionHandler(BadDateRangeException.class)
    ResponseEntity<ProblemDetail> badRange(BadDateRangeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Bad date range");
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static BarChart claimsChart(QueueSnapshot queue) {
        List<String> categories = new ArrayList<>();
        List<String> axis = new ArrayList<>();
        List<List<Long>> values = new ArrayList<>();
        for (ClaimStatus status : ClaimStatus.values()) {
            categories.add(status.label());
            axis.add(shortLabel(status));
            values.add(List.of(queue.claims(status)));
        }
        return new BarChart("claims-chart", "Claims by status",
                "How many claims are in each status now, one bar per status.", "claims", categories, axis,
                List.of(new BarChart.Series("claims", "#1565c0")), values);
    }

    private static BarChart linksPerOrcidChart(Links.Figures figures) {
        List<String> categories = new ArrayList<>();
        List<List<Long>> values = new ArrayList<>();
        for (Links.Bucket bucket : figures.perOrcid()) {
            categories.add(String.format(Locale.ROOT, "%,d–%,d links", bucket.from(), bucket.to()));
            values.add(List.of(bucket.orcids()));
        }
        return new BarChart("links-chart", "ORCID iDs by number of links (log scale)",
                "How many ORCID iDs hold 1–9 links, 10–99, 100–999 and so on, on a logarithmic axis: most iDs hold "
                        + "few links, a few hold thousands.", "iDs", categories,
                categories.stream().map(c -> c.replace(" links", "")).toList(),
                List.of(new BarChart.Series("iDs", "#1565c0")), values, true);
    }

    private static BarChart worksChart(OrcidCallStatistics.Periods days) {
        // Every third day is labelled, counting back from today, so that today always is.
        return periodChart("works-chart", "Works written to ORCID per day, last " + WORK_DAYS + " days",
                "Works ORCID accepted per UTC day, stacked by what was done: added (each work of a successful bulk "
                        + "addition), updated, deleted. From the ORCID call audit.", "works", days, DAY, SHORT_DAY, 3,
                ACTION_COLORS);
    }

    private static BarChart callsChart(OrcidCallStatistics.Periods hours) {
        return periodChart("calls-chart", "Calls to ORCID per hour, last " + CALL_HOURS + " hours",
                "Calls pidlink made to ORCID per UTC hour, stacked by the class of ORCID's answer: 2xx success, "
                        + "4xx refused, 5xx ORCID failed or busy, and calls without an answer.", "calls",
                hours, HOUR, SHORT_HOUR, 4, STATUS_COLORS);
    }

    /** One bar per period; every {@code labelEvery}-th period labelled, counting back from the current one. */
    private static BarChart periodChart(String id, String title, String description, String unit,
                                        OrcidCallStatistics.Periods periods, DateTimeFormatter name,
                                        DateTimeFormatter label, int labelEvery, List<String> colors) {
        List<String> categories = new ArrayList<>();
        List<String> axis = new ArrayList<>();
        int count = periods.starts().size();
        for (int i = 0; i < count; i++) {
            LocalDateTime start = periods.starts().get(i);
            categories.add(name.format(start));
            axis.add((count - 1 - i) % labelEvery == 0 ? label.format(start) : "");
        }
        List<BarChart.Series> series = new ArrayList<>();
        for (int i = 0; i < periods.series().size(); i++) {
            series.add(new BarChart.Series(periods.series().get(i), colors.get(i)));
        }
        return new BarChart(id, title, description, unit, categories, axis, series, periods.counts());
    }

    private static String shortLabel(ClaimStatus status) {
        return switch (status) {
            case PENDING -> "Pending";
            case QUEUED -> "Queued";
            case IN_ORCID -> "In ORCID";
            case UNCHANGED -> "Unchanged";
            case WAITING_FOR_PERMISSION -> "No permission";
            case PERMISSION_REVOKED -> "Revoked";
            case REMOVED_BY_RESEARCHER -> "Removed";
            case FAILED_WILL_RETRY -> "Retrying";
            case FAILED_PERMANENTLY -> "Failed";
            case DELETED_FROM_ORCID -> "Deleted";
            case RECORD_FULL -> "Record full";
            case AWAITING_REVIEW -> "In review";
            case DISMISSED -> "Dismissed";
            case FILTERED -> "Filtered";
        };
    }
}
