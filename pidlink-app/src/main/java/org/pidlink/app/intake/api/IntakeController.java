package org.pidlink.app.intake.api;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.servlet.http.HttpServletRequest;

import org.pidlink.app.accounts.Researchers;
import org.pidlink.app.claims.ClaimView;
import org.pidlink.app.claims.Claims;
import org.pidlink.app.intake.DoiOutcome;
import org.pidlink.app.intake.DoiStatus;
import org.pidlink.app.intake.Intake;
import org.pidlink.app.intake.IntakeProperties;
import org.pidlink.app.intake.IntakeReport;
import org.pidlink.app.intake.api.ApiKeyFilter.ApiKeyAuthentication;
import org.pidlink.core.identifiers.Doi;
import org.pidlink.core.identifiers.OrcidId;
import org.pidlink.core.identifiers.ParseResult;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/dois}: DOI metadata in (DataCite XML or JSON, Crossref XML or JSON; one record, a list, or
 * JSON Lines), 202 out with what became of each DOI. {@code DELETE /api/v1/dois/{doi}}: the DOI was deleted.
 * {@code GET /api/v1/dois/{doi}}: what pidlink made of it, researcher by researcher.
 * The request does no network call: claims are made by the intake worker and written by the push engine.
 */
@RestController
class IntakeController {

    static final String NOT_SHOWN = "not shown";
    static final String NOT_SHOWN_REASON = "pidlink tells where a work stands only for researchers who show in public "
            + "lookups";

    private final Intake intake;
    private final Claims claims;
    private final Researchers researchers;
    private final long maxRequestBytes;
    private final String registrationId;

    IntakeController(Intake intake, Claims claims, Researchers researchers, IntakeProperties properties) {
        this.intake = intake;
        this.claims = claims;
        this.researchers = researchers;
        this.maxRequestBytes = properties.maxRequestBytes();
        this.registrationId = properties.registrationId();
    }

    @PostMapping("/api/v1/dois")
    ResponseEntity<?> submit(HttpServletRequest request, Authentication caller) throws IOException {
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxRequestBytes + 1));
        }
        if (body.length > maxRequestBytes) {
            return problem(HttpStatus.CONTENT_TOO_LARGE, "Request too large", "The body is larger than "
                    + maxRequestBytes + " bytes; send the records in several requests.", Map.of());
        }
        if (body.length == 0) {
            return problem(HttpStatus.BAD_REQUEST, "Empty request", "The body is empty: send DataCite or Crossref "
                    + "metadata (XML or JSON), one record, a list or JSON Lines.", Map.of());
        }
        IntakeReport report = intake.submit(body, request.getContentType(), source(caller));
        if (report.nothingRead() && report.dois().stream().anyMatch(o -> o.owner() != null)) {
            return notTheOwner(report.dois());
        }
        if (report.nothingRead()) {
            List<Map<String, String>> errors = report.dois().stream()
                    .map(o -> Map.of("location", o.location() == null ? "document" : o.location(),
                            "message", o.reason()))
                    .toList();
            String first = errors.isEmpty() ? "no DOI record found" : errors.getFirst().get("location") + ": "
                    + errors.getFirst().get("message");
            return problem(HttpStatus.BAD_REQUEST, "Unreadable metadata",
                    "No DOI record could be read (" + first + ")", Map.of("errors", errors));
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(report);
    }

    @DeleteMapping("/api/v1/dois/{*doi}")
    ResponseEntity<?> deleted(@PathVariable("doi") String path, Authentication caller) {
        String value = path.startsWith("/") ? path.substring(1) : path;
        ParseResult<Doi> doi = Doi.tryParse(value);
        if (doi instanceof ParseResult.Invalid<Doi> invalid) {
            return problem(HttpStatus.BAD_REQUEST, "Not a DOI", "'" + value + "' is not a DOI: "
                    + invalid.reason(), Map.of());
        }
        IntakeReport report = intake.deleted(doi.orElseThrow(), source(caller));
        DoiOutcome outcome = report.dois().getFirst();
        if (outcome.owner() != null) {
            return notTheOwner(report.dois());
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(report.dois().size() == 1 ? outcome : report);
    }

    /**
     * What pidlink made of a DOI: the researchers it names and where each one's work stands. Only the DOI's owner
     * sees it; to anyone else it is as unknown as a DOI pidlink never received. Where a researcher's work stands
     * tells whether she connected pidlink, so it is shown only for researchers who show in public lookups; every
     * other researcher (kept out of lookups, or without an account: the two are not told apart) is "not shown".
     */
    @GetMapping("/api/v1/dois/{*doi}")
    ResponseEntity<?> status(@PathVariable("doi") String path, Authentication caller) {
        String value = path.startsWith("/") ? path.substring(1) : path;
        if (!(Doi.tryParse(value) instanceof ParseResult.Valid<Doi> doi)) {
            return problem(HttpStatus.BAD_REQUEST, "Not a DOI", "'" + value + "' is not a DOI", Map.of());
        }
        Optional<DoiStatus> status = intake.status(doi.value())
                .filter(s -> s.owner() != null && s.owner().equals(source(caller)));
        if (status.isEmpty()) {
            return problem(HttpStatus.NOT_FOUND, "Unknown DOI", "pidlink has received no metadata for "
                    + doi.value().value() + " from this source", Map.of());
        }
        List<OrcidId> named = status.get().orcids().stream().map(OrcidId::new).toList();
        Set<OrcidId> shown = researchers.showingInPublicLookups(named);
        Map<String, ClaimView> claimed = new HashMap<>();
        for (ClaimView c : claims.forDoi(doi.value())) {
            if (c.registrationId().equals(registrationId)) {
                claimed.putIfAbsent(c.orcid(), c);
            }
        }
        List<ResearcherStatus> researcherStatuses = new ArrayList<>();
        for (OrcidId orcid : named) {
            if (!shown.contains(orcid)) {
                researcherStatuses.add(new ResearcherStatus(orcid.value(), NOT_SHOWN, NOT_SHOWN_REASON));
                continue;
            }
            Optional<ClaimView> claim = Optional.ofNullable(claimed.get(orcid.value()));
            researcherStatuses.add(new ResearcherStatus(orcid.value(),
                    claim.map(c -> c.status().name().toLowerCase(Locale.ROOT)).orElse("being processed"),
                    claim.map(ClaimView::statusReason).orElse(null)));
        }
        return ResponseEntity.ok(new DoiView(status.get(), researcherStatuses));
    }

    /** A researcher's work for the DOI: its claim's status, in ORCID or why not. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ResearcherStatus(String orcid, String status, String reason) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DoiView(String doi, String skipReason, String source, Instant receivedAt, Instant changedAt,
                   List<ResearcherStatus> researchers) {
        DoiView(DoiStatus s, List<ResearcherStatus> researchers) {
            this(s.doi(), s.skipReason(), s.source(), s.receivedAt(), s.changedAt(), researchers);
        }
    }

    private static String source(Authentication caller) {
        return caller instanceof ApiKeyAuthentication key ? ApiKeys.owner(key.getPrincipal().source()) : "api";
    }

    /** 403: every DOI of the request belongs to another source (named, with each DOI). */
    private static ResponseEntity<ProblemDetail> notTheOwner(List<DoiOutcome> outcomes) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (DoiOutcome o : outcomes) {
            Map<String, String> error = new java.util.LinkedHashMap<>();
            error.put("doi", o.doi() == null ? "" : o.doi());
            if (o.owner() != null) {
                error.put("owner", o.owner());
            }
            error.put("message", o.reason());
            errors.add(error);
        }
        DoiOutcome first = outcomes.stream().filter(o -> o.owner() != null).findFirst().orElseThrow();
        Map<String, Object> properties = new java.util.LinkedHashMap<>();
        properties.put("owner", first.owner());
        if (outcomes.size() > 1) {
            properties.put("errors", errors);
        }
        return problem(HttpStatus.FORBIDDEN, "Not the DOI's owner", first.reason(), properties);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail,
                                                         Map<String, Object> properties) {
        ResponseEntity<ProblemDetail> response = ApiFallbacks.problem(status, title, detail);
        properties.forEach(response.getBody()::setProperty);
        return response;
    }
}
