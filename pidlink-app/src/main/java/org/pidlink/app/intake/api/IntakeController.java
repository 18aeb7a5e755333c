package org.pidlink.app.intake.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.pidlink.app.intake.DoiOutcome;
import org.pidlink.app.intake.Intake;
import org.pidlink.app.intake.IntakeProperties;
import org.pidlink.app.intake.IntakeReport;
import org.pidlink.app.intake.api.ApiKeyFilter.ApiKeyAuthentication;
import org.pidlink.core.identifiers.Doi;
import org.pidlink.core.identifiers.ParseResult;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/dois}: DOI metadata in (DataCite XML or JSON, Crossref XML or JSON; one record, a list, or
 * JSON Lines), 202 out with what became of each DOI. {@code DELETE /api/v1/dois/{doi}}: the DOI was deleted.
 * The request does no network call: claims are made by the intake worker and written by the push engine.
 */
@RestController
class IntakeController {

    private final Intake intake;
    private final long maxRequestBytes;

    IntakeController(Intake intake, IntakeProperties properties) {
        this.intake = intake;
        this.maxRequestBytes = properties.maxRequestBytes();
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
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(report.dois().size() == 1 ? outcome : report);
    }

    private static String source(Authentication caller) {
        return caller instanceof ApiKeyAuthentication key ? "api:" + key.getPrincipal().source() : "api";
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail,
                                                         Map<String, Object> properties) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("about:blank"));
        properties.forEach(problem::setProperty);
        return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
