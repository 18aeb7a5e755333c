package org.pidlink.app.affiliations;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code POST /api/v1/affiliations}: an institution's affiliation file (CSV or JSON, as on the admin page) with an
 * API key holding the {@code affiliations} permission; the key's source names the rows, so that
 * {@code ?remove_missing=true} takes away only that source's rows missing from the file. A file with errors is
 * refused whole (400, {@code application/problem+json} with {@code errors[]}: line, column, message).
 * {@code GET /api/v1/affiliations}: every row of the key's source with its status.
 */
@RestController
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

    @PostMapping(PATH)
    ResponseEntity<?> upload(HttpServletRequest request, Authentication caller,
                             @RequestParam(name = "remove_missing", defaultValue = "false") boolean removeMissing)
            throws IOException {
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        }
        if (body.length > maxBytes) {
            return problem(HttpStatus.CONTENT_TOO_LARGE, "File too large", "The body is larger than " + maxBytes
                    + " bytes; send the affiliations in several files.", List.of());
        }
        if (body.length == 0) {
            return problem(HttpStatus.BAD_REQUEST, "Empty request", "The body is empty: send the affiliations as CSV "
                    + "(text/csv) or JSON (application/json); see the template at /admin/affiliations.", List.of());
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
            return problem(HttpStatus.BAD_REQUEST, "Invalid affiliation file", refused.errors().size()
                    + " error(s); nothing was stored. First: " + first, refused.errors());
        }
    }

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

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail,
                                                         List<RowError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("about:blank"));
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors.stream().map(e -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("line", e.line());
                m.put("column", e.column());
                m.put("message", e.message());
                return m;
            }).toList());
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
