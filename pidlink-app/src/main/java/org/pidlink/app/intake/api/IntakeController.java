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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import jakarta.servlet.http.HttpServletRequest;

import org.pidlink.app.apidocs.SecuritySchemes;
import org.pidlink.app.accounts.Researchers;
import org.pidlink.app.claims.ClaimView;
import org.pidlink.app.claims.Claims;
import org.pidlink.app.intake.DoiOutcome;
import org.pidlink.app.intake.DoiStatus;
import org.pidlink.app.intake.Intake;
import org.pidlink.app.intake.IntakeProperties;
import org.pidlink.app.intake.IntakeReport;
import org.pidlink.app.intake.api.ApiKeyFilter.ApiKeyAuthentication;
import org.pidlink.app.system.ProblemResponses;
import org.pidlink.app.system.ProblemType;
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
@Tag(name = "intake", description = "DOI metadata in: what pidlink writes to researchers' ORCID records")
@SecurityRequirement(name = SecuritySchemes.API_KEY)
@SecurityRequirement(name = SecuritySchemes.BEARER)
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

    @Operation(operationId = "submitDoiMetadata", summary = "Submit DOI metadata",
            description = "DataCite XML (kernel 2.2 to 4.7) or REST JSON, Crossref deposit XML, unixsd or REST JSON: "
                    + "one record, a list (a DataCite or Crossref REST page, a Crossref batch) or JSON Lines. The "
                    + "format is read from the content; Content-Type is a hint. The answer says, record by record, "
                    + "what became of each DOI; the works are written to ORCID afterwards by the push engine. "
                    + "Sending the same metadata again changes nothing.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    description = "DOI metadata as the registry publishes it",
                    content = {
                            @Content(mediaType = "application/vnd.api+json", schema = @Schema(type = "object"),
                                    examples = @ExampleObject(name = "datacite-json",
                                            ref = "#/components/examples/datacite-json")),
                            @Content(mediaType = "application/json", schema = @Schema(type = "object"),
                                    examples = @ExampleObject(name = "datacite-json",
                                            ref = "#/components/examples/datacite-json")),
                            @Content(mediaType = "application/xml", schema = @Schema(type = "string"),
                                    examples = {
                                            @ExampleObject(name = "datacite-xml",
                                                    ref = "#/components/examples/datacite-xml"),
                                            @ExampleObject(name = "crossref-xml",
                                                    ref = "#/components/examples/crossref-xml")}),
                            @Content(mediaType = "application/x-ndjson", schema = @Schema(type = "string",
                                    description = "JSON Lines: one DataCite or Crossref JSON record per line"))}))
    @ApiResponse(responseCode = "202", description = "Read; what became of each DOI",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = IntakeReport.class),
                    examples = @ExampleObject(name = "accepted", ref = "#/components/examples/intake-report")))
    @ProblemResponses({ProblemType.EMPTY_REQUEST, ProblemType.UNREADABLE_METADATA, ProblemType.REQUEST_TOO_LARGE,
            ProblemType.NOT_DOI_OWNER})
    @PostMapping("/api/v1/dois")
    ResponseEntity<?> submit(HttpServletRequest request, Authentication caller) throws IOException {
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = RequestBody.read(in, request.getContentLengthLong(), maxRequestBytes);
        }
        if (body.length > maxRequestBytes) {
            return problem(ProblemType.REQUEST_TOO_LARGE, "The body is larger than "
                    + maxRequestBytes + " bytes; send the records in several requests.", Map.of());
        }
        if (body.length == 0) {
            return problem(ProblemType.EMPTY_REQUEST, "The body is empty: send DataCite or Crossref "
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
            return problem(ProblemType.UNREADABLE_METADATA,
                    "No DOI record could be read (" + first + ")", Map.of("errors", errors));
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(report);
    }

    @Operation(operationId = "deleteDoi", summary = "Report that a DOI was deleted",
            description = "Its works leave the researchers' ORCID records.")
    @ApiResponse(responseCode = "202", description = "Recorded; whose works are withdrawn",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DoiOutcome.class)))
    @ProblemResponses({ProblemType.INVALID_DOI, ProblemType.NOT_DOI_OWNER})
    @DeleteMapping("/api/v1/dois/{*doi}")
    ResponseEntity<?> deleted(@Parameter(description = DOI_PARAMETER, example = "10.5438/4k3m-nyvg")
                              @PathVariable("doi") String path, Authentication caller) {
        String value = path.startsWith("/") ? path.substring(1) : path;
        ParseResult<Doi> doi = Doi.tryParse(value);
        if (doi instanceof ParseResult.Invalid<Doi> invalid) {
            return invalidDoi(value, invalid.reason());
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
    @Operation(operationId = "doiStatus", summary = "What pidlink made of a DOI",
            description = "The researchers the DOI's last metadata names and where each one's work stands, for the "
                    + "DOI's owner only; researchers who keep out of public lookups are \"not shown\".")
    @ApiResponse(responseCode = "200", description = "The DOI's status",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DoiView.class)))
    @ProblemResponses({ProblemType.INVALID_DOI, ProblemType.UNKNOWN_DOI})
    @GetMapping("/api/v1/dois/{*doi}")
    ResponseEntity<?> status(@Parameter(description = DOI_PARAMETER, example = "10.5438/4k3m-nyvg")
                             @PathVariable("doi") String path, Authentication caller) {
        String value = path.startsWith("/") ? path.substring(1) : path;
        ParseResult<Doi> parsed = Doi.tryParse(value);
        if (parsed instanceof ParseResult.Invalid<Doi> invalid) {
            return invalidDoi(value, invalid.reason());
        }
        if (!(parsed instanceof ParseResult.Valid<Doi> doi)) {
            return invalidDoi(value, "not a DOI");
        }
        Optional<DoiStatus> status = intake.status(doi.value())
                .filter(s -> s.owner() != null && s.owner().equals(source(caller)));
        if (status.isEmpty()) {
            return problem(ProblemType.UNKNOWN_DOI, "pidlink has received no metadata for "
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
        return problem(ProblemType.NOT_DOI_OWNER, first.reason(), properties);
    }

    /** How a DOI is written in a path: as is, its slash a slash ({@code /api/v1/dois/10.5438/4k3m-nyvg}). */
    static final String DOI_PARAMETER = "The DOI as is, its slash(es) unencoded (10.5438/4k3m-nyvg); doi: and "
            + "https://doi.org/ forms are accepted too. It takes the rest of the path.";

    private static ResponseEntity<ProblemDetail> invalidDoi(String value, String reason) {
        return problem(ProblemType.INVALID_DOI, "'" + value + "' is not a DOI: " + reason,
                Map.of("parameter", "doi", "reason", reason));
    }

    private static ResponseEntity<ProblemDetail> problem(ProblemType type, String detail,
                                                         Map<String, Object> properties) {
        ResponseEntity<ProblemDetail> response = ApiFallbacks.problem(type, detail);
        properties.forEach(response.getBody()::setProperty);
        return response;
    }
}
