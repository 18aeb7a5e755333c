package org.pidlink.app.lookup;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.jspecify.annotations.Nullable;
import org.pidlink.app.accounts.SignInService;
import org.pidlink.app.system.ProblemResponses;
import org.pidlink.app.system.ProblemType;
import org.pidlink.core.identifiers.Doi;
import org.pidlink.core.identifiers.OrcidId;
import org.pidlink.core.identifiers.ParseResult;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The inverse lookup, public and JSON. {@code GET /api/v1/lookup/dois/{doi}}: the ORCID iDs linked to a DOI;
 * {@code GET /api/v1/lookup/orcids/{orcid}}: the DOIs linked to an iD. Only links whose work is on ORCID are
 * listed unless {@code ?all=true}. A researcher shows only when she chose to show in public lookups (the same
 * choice that publishes her profile page); an administrator signed in to pidlink sees everyone.
 */
@RestController
@Tag(name = "lookup", description = "Public inverse lookup: which ORCID iDs a DOI is linked to, and back")
@SecurityRequirements
class LookupController {

    private static final String ALL = "true: every link pidlink knows, also those not (yet) on ORCID";
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;


    private final LookupAnswers answers;

    LookupController(LookupAnswers answers) {
        this.answers = answers;
    }

    /** The DOI may be written in any form ORCID accepts ({@code 10.…}, {@code doi:10.…}), slashes and all. */
    @Operation(operationId = "lookupDoi", summary = "The ORCID iDs linked to a DOI",
            description = "Public, no API key. Researchers who keep out of public lookups are not shown (an "
                    + "administrator signed in to pidlink sees them).")
    @ApiResponse(responseCode = "200", description = "The DOI's links",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DoiLinks.class)))
    @ProblemResponses({ProblemType.INVALID_DOI, ProblemType.INVALID_PARAMETER})
    @GetMapping("/api/v1/lookup/dois/{*doi}")
    ResponseEntity<?> byDoi(@Parameter(description = "The DOI as is, its slash(es) unencoded (10.5438/4k3m-nyvg); "
                                    + "doi: and https://doi.org/ forms are accepted too. It takes the rest of the path.",
                                    example = "10.5438/4k3m-nyvg") @PathVariable("doi") String path,
                            @Parameter(description = ALL) @RequestParam(defaultValue = "false") boolean all,
                            @Parameter(hidden = true) @Nullable Authentication caller) {
        String value = path.startsWith("/") ? path.substring(1) : path;
        ParseResult<Doi> parsed = Doi.tryParse(value);
        if (parsed instanceof ParseResult.Invalid<Doi> invalid) {
            return badParameter(ProblemType.INVALID_DOI, "doi", value, "a DOI", invalid.reason());
        }
        return json(answers.doi(parsed.orElseThrow(), all, isAdmin(caller)));
    }

    @Operation(operationId = "lookupOrcid", summary = "The DOIs linked to an ORCID iD",
            description = "Public, no API key; only for researchers who show in public lookups (an administrator "
                    + "signed in to pidlink sees everyone). By DOI, a page at a time: 'next' (absent on the last "
                    + "page) is the path of the next page.")
    @ApiResponse(responseCode = "200", description = "The researcher's links",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = OrcidLinks.class)))
    @ProblemResponses({ProblemType.INVALID_ORCID, ProblemType.INVALID_PARAMETER, ProblemType.NO_PUBLIC_LINKS})
    @GetMapping("/api/v1/lookup/orcids/{orcid}")
    ResponseEntity<?> byOrcid(@Parameter(description = "The ORCID iD, bare or as https://orcid.org/… URL",
                                      example = "0000-0003-1419-2405") @PathVariable("orcid") String value,
                              @Parameter(description = ALL) @RequestParam(defaultValue = "false") boolean all,
                              @Parameter(description = "How many links a page holds, 1 to " + MAX_LIMIT)
                              @RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit,
                              @Parameter(description = "Where the page starts: the previous page's 'next' cursor "
                                      + "(absent: the first page)") @RequestParam(required = false) @Nullable String after,
                              @Parameter(hidden = true) @Nullable Authentication caller) {
        ParseResult<OrcidId> parsed = OrcidId.tryParse(value);
        if (parsed instanceof ParseResult.Invalid<OrcidId> invalid) {
            return badParameter(ProblemType.INVALID_ORCID, "orcid", value, "an ORCID iD", invalid.reason());
        }
        OrcidId orcid = parsed.orElseThrow();
        if (limit < 1 || limit > MAX_LIMIT) {
            return badQueryParameter("limit", Integer.toString(limit), "a number from 1 to " + MAX_LIMIT);
        }
        Optional<Cursor> start = Cursor.parse(after);
        if (after != null && start.isEmpty()) {
            return badQueryParameter("after", after, "a cursor from a previous page's 'next'");
        }
        Optional<LookupAnswers.Answer> answer = answers.orcid(orcid, all, limit, start, isAdmin(caller));
        if (answer.isEmpty()) {
            ProblemDetail problem = ProblemType.NO_PUBLIC_LINKS.detail("pidlink has no public links for "
                    + orcid.value() + " (unknown, or the researcher keeps out of public lookups)");
            return ResponseEntity.status(problem.getStatus()).body(problem);
        }
        return json(answer.get());
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DoiLinks(String doi, String url, List<Link> links) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record OrcidLinks(String orcid, String uri, @Nullable String name, List<Link> links, @Nullable String next) {
    }

    /**
     * Where a page of a researcher's links starts: after this DOI and registration. Opaque to clients (base64url),
     * so that its form can change.
     */
    record Cursor(String doi, String registration) {

        static final Cursor FIRST = new Cursor("", "");

        String value() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((doi + "\n" + registration).getBytes(StandardCharsets.UTF_8));
        }

        static Optional<Cursor> parse(@Nullable String value) {
            if (value == null) {
                return Optional.empty();
            }
            try {
                String text = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
                int split = text.indexOf('\n');
                return split <= 0 ? Optional.empty()
                        : Optional.of(new Cursor(text.substring(0, split), text.substring(split + 1)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    /**
     * Anonymous answers are the same for everyone: caches may keep them a minute (a link written meanwhile shows
     * a minute later), and revalidate them with their ETag ({@code If-None-Match}: 304 while the answer is the same).
     * An administrator's answer shows private researchers: never stored, no ETag.
     */
    private static ResponseEntity<byte[]> json(LookupAnswers.Answer answer) {
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON);
        if (answer.etag() == null) {
            return ok.cacheControl(CacheControl.noStore()).body(answer.json());
        }
        return ok.cacheControl(PUBLIC).eTag(answer.etag()).body(answer.json());
    }

    /** What anonymous answers may be kept: a minute, by anyone. */
    static final CacheControl PUBLIC = CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic();

    private static ResponseEntity<ProblemDetail> badQueryParameter(String parameter, String value, String expected) {
        String reason = "takes " + expected;
        ProblemDetail problem = ProblemType.INVALID_PARAMETER.detail(
                "Query parameter '" + parameter + "': '" + value + "' is not accepted: it " + reason);
        problem.setProperty("parameter", parameter);
        problem.setProperty("reason", reason);
        return ResponseEntity.badRequest().body(problem);
    }

    private static boolean isAdmin(@Nullable Authentication caller) {
        return caller != null && caller.isAuthenticated() && caller.getAuthorities().stream()
                .anyMatch(a -> SignInService.ROLE_ADMIN.equals(a.getAuthority()));
    }

    private static ResponseEntity<ProblemDetail> badParameter(ProblemType type, String parameter, String value,
                                                              String expected, String reason) {
        ProblemDetail problem = type.detail(
                "Path parameter '" + parameter + "': '" + value + "' is not " + expected + ": " + reason);
        problem.setProperty("parameter", parameter);
        problem.setProperty("reason", reason);
        return ResponseEntity.badRequest().body(problem);
    }
}
