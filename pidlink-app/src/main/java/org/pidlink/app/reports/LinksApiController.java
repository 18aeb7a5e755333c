package org.pidlink.app.reports;

import java.io.IOException;
import java.time.Clock;

import org.jspecify.annotations.Nullable;
import org.pidlink.app.apidocs.SecuritySchemes;
import org.pidlink.app.system.ProblemResponses;
import org.pidlink.app.system.ProblemType;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /api/v1/links}: every DOI–iD link pidlink holds, streamed as JSON Lines (default) or CSV, for an API key
 * holding the {@code export} permission (administrators download the same from the reports page).
 */
@RestController
@Tag(name = "links", description = "Every DOI–ORCID iD link pidlink holds, for aggregation elsewhere")
@SecurityRequirement(name = SecuritySchemes.API_KEY)
@SecurityRequirement(name = SecuritySchemes.BEARER)
class LinksApiController {

    static final String PATH = "/api/v1/links";

    private final LinkExport export;
    private final Clock clock;

    LinksApiController(LinkExport export, Clock clock) {
        this.export = export;
        this.clock = clock;
    }

    @Operation(operationId = "exportLinks", summary = "Export every DOI–iD link",
            description = "One row per link, in the order pidlink made them, streamed while the database is read "
                    + "(a million links download in seconds, with flat memory): doi, orcid, provenance (creator, "
                    + "contributor, metadata, search-and-link, import, admin), status (the claim's status, e.g. "
                    + "IN_ORCID, RECORD_FULL), created_at, updated_at, written_at (ISO-8601 UTC; null or empty when "
                    + "never written). Needs an API key with the export permission.",
            parameters = @Parameter(name = "format", in = ParameterIn.QUERY,
                    description = "jsonl (JSON Lines, one object per line) or csv (RFC 4180, with a header)",
                    schema = @Schema(type = "string", allowableValues = {"jsonl", "csv"}, defaultValue = "jsonl")))
    @ApiResponse(responseCode = "200", description = "Every link, streamed",
            content = {@Content(mediaType = "application/jsonl", schema = @Schema(type = "string",
                    description = "{\"doi\":\"10.5281/zenodo.1\",\"orcid\":\"0000-0002-1825-0097\","
                            + "\"provenance\":[\"creator\"],\"status\":\"IN_ORCID\",\"created_at\":\"…\","
                            + "\"updated_at\":\"…\",\"written_at\":\"…\"} per line")),
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string",
                            description = "doi,orcid,provenance,status,created_at,updated_at,written_at"))})
    @ProblemResponses({ProblemType.INVALID_PARAMETER, ProblemType.FORBIDDEN})
    @GetMapping(PATH)
    void links(@RequestParam(required = false) @Nullable String format, HttpServletResponse response)
            throws IOException {
        LinkExport.Format chosen = LinkExport.Format.named(format).orElseThrow(() -> new UnknownFormat(format));
        export.download(chosen, clock.instant(), response);
    }

    /** A {@code format} that is neither jsonl nor csv. */
    static final class UnknownFormat extends RuntimeException {
        UnknownFormat(@Nullable String format) {
            super("Parameter 'format': '" + format + "' is refused; it takes jsonl or csv");
        }
    }

    @ExceptionHandler(UnknownFormat.class)
    ResponseEntity<ProblemDetail> unknownFormat(UnknownFormat e) {
        ProblemDetail problem = ProblemType.INVALID_PARAMETER.detail(e.getMessage());
        problem.setProperty("parameter", "format");
        problem.setProperty("reason", "takes jsonl or csv");
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
