package org.pidlink.app.affiliations;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pidlink.app.apidocs.SecuritySchemes;
import org.pidlink.app.system.ProblemResponses;
import org.pidlink.app.system.ProblemType;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
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
import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code POST /api/v1/affiliations}: an institution's affiliation file (CSV or JSON, as on the admin page) with an
 * API key holding the {@code affiliations} permission; the key's source names the rows, so that
 * {@code ?remove_missing=true} takes away only that source's rows missing from the file. A file with errors is
 * refused whole (400, {@code application/problem+json} with {@code errors[]}: line, column, message).
 * {@code GET /api/v1/affiliations}: every row of the key's source with its status.
 */
@RestController
@Tag(name = "affiliations", description = "An institution's affiliations to its people's ORCID records")
@SecurityRequirement(name = SecuritySchemes.API_KEY)
@SecurityRequirement(name = SecuritySchemes.BEARER)
class AffiliationsApiController {

    static final String PATH = "/api/v1/affiliations";

    private final AffiliationUploads uploads;
    private final AffiliationStore store;
    private final long maxBytes;

    AffiliationsApiController(AffiliationUploads uploads, AffiliationStore store, AffiliationsProperties properties) {
        this.uploads = uploads;
        this.store = store;
        this.maxBytes = properties.maxFileBytes();
    }

    @Operation(operationId = "uploadAffiliations", summary = "Upload an institution's affiliations",
            description = "One row per affiliation (employment, education, qualification, invited position, "
                    + "distinction, membership, service): the person (ORCID iD or e-mail), the institution's local "
                    + "key, the organization with its ROR (or GRID, Ringgold, FundRef, LEI) id, dates, role. Every "
                    + "row is checked first; a file with any error is refused whole. Rows are kept by local key: a "
                    + "later upload updates them (a change to an affiliation on ORCID becomes a PUT; an unchanged "
                    + "row writes nothing). Each person approves through her permission link before anything is "
                    + "written. Format: docs/affiliations.md.",
            parameters = @Parameter(name = "remove_missing", in = ParameterIn.QUERY,
                    description = "take away this key's source's rows that are not in the file (from ORCID too)",
                    schema = @Schema(type = "boolean", defaultValue = "false")),
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    description = "the affiliation file",
                    content = {
                            @Content(mediaType = "text/csv", schema = @Schema(type = "string",
                                    description = "UTF-8 CSV with a header row: orcid, email, name, person_id, "
                                            + "local_key, type, organization, city, region, country, org_id, "
                                            + "org_id_source, department, role, start_date, end_date, url, "
                                            + "external_ids")),
                            @Content(mediaType = "application/json", schema = @Schema(type = "array",
                                    description = "objects with the CSV's column names as members"))}))
    @ApiResponse(responseCode = "200", description = "Stored; what changed",
            content = @Content(mediaType = "application/json", schema = @Schema(type = "object",
                    description = "rows, added, changed, unchanged, removed")))
    @ProblemResponses(ProblemType.INVALID_AFFILIATION_FILE)
    @PostMapping(PATH)
    ResponseEntity<?> upload(HttpServletRequest request, Authentication caller,
                             @RequestParam(name = "remove_missing", defaultValue = "false") boolean removeMissing)
            throws IOException {
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        }
        try {
            UploadReport report = uploads.upload(body, request.getContentType(), caller.getName(), removeMissing);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("rows", report.rows());
            answer.put("added", report.added());
            answer.put("changed", report.changed());
            answer.put("unchanged", report.unchanged());
            answer.put("removed", report.removed());
            return ResponseEntity.ok(answer);
        } catch (FileRefused refused) {
            RowError first = refused.errors().getFirst();
            return problem(ProblemType.INVALID_AFFILIATION_FILE, refused.errors().size()
                    + " error(s); nothing was stored. First: " + first, refused.errors());
        }
    }

    @Operation(operationId = "listAffiliations", summary = "The affiliations of this key's source with their status",
            description = "Every row the key's source uploaded: local key, person, type, status (pending_permission, "
                    + "link_sent, link_opened, permission_denied, approved, written, updated, removed, "
                    + "removed_by_researcher, failed), put-code and ORCID's message.")
    @ApiResponse(responseCode = "200", description = "The rows",
            content = @Content(mediaType = "application/json", schema = @Schema(type = "array")))
    @GetMapping(PATH)
    List<Map<String, Object>> statuses(Authentication caller) {
        return store.ofSource(caller.getName()).stream().map(a -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("local_key", a.localKey());
            row.put("orcid", a.orcid() == null ? null : a.orcid().value());
            row.put("email", a.email());
            row.put("type", a.kind().value());
            row.put("status", a.status().name().toLowerCase(java.util.Locale.ROOT));
            row.put("status_text", a.statusText());
            row.put("put_code", a.putCode());
            row.put("message", a.message());
            return row;
        }).toList();
    }

    private static ResponseEntity<ProblemDetail> problem(ProblemType type, String detail, List<RowError> errors) {
        ProblemDetail problem = type.detail(detail);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors.stream().map(e -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("line", e.line());
                m.put("column", e.column());
                m.put("message", e.message());
                return m;
            }).toList());
        }
        return ResponseEntity.status(type.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
