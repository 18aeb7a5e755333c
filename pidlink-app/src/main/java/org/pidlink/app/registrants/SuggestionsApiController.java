package org.pidlink.app.registrants;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.pidlink.app.apidocs.SecuritySchemes;
import org.pidlink.app.intake.DoiOwners;
import org.pidlink.app.system.ProblemResponses;
import org.pidlink.app.system.ProblemType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A registrant's link suggestions, read and decided with its own API key (permission {@code suggestions}). A key
 * sees its own registrant only: another registrant's id is unknown to it (404), another's prefix refused (403).
 */
@RestController
@Tag(name = "registrants", description = "Link suggestions for DOI registrants: researchers who claim their DOIs")
@SecurityRequirement(name = SecuritySchemes.API_KEY)
@SecurityRequirement(name = SecuritySchemes.BEARER)
class SuggestionsApiController {

    static final int MAX_PAGE_SIZE = 500;
    private static final int MAX_REASON = 2000;
    private static final String BASE = "/api/v1/registrants/{id}/suggestions";

    private final RegistrantStore registrants;
    private final Suggestions suggestions;

    SuggestionsApiController(RegistrantStore registrants, Suggestions suggestions) {
        this.registrants = registrants;
        this.suggestions = suggestions;
    }

    /** One page of suggestions. */
    record SuggestionPage(long registrant, int page, int size, long total, List<Suggestion> suggestions) {
    }

    /** The body of a rejection. */
    record Rejection(@Schema(description = "Why, in the registrant's words; shown to nobody else") String reason) {
    }

    @Operation(operationId = "listSuggestions", summary = "The registrant's link suggestions, oldest first",
            description = "Researchers who claimed one of the registrant's DOIs while its metadata lacks their iD, and "
                    + "broken iDs in its metadata, each with the name match, provenance and ORCID's trust markers.")
    @ApiResponse(responseCode = "200", description = "One page",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SuggestionPage.class)))
    @ProblemResponses({ProblemType.INVALID_PARAMETER, ProblemType.UNKNOWN_REGISTRANT, ProblemType.PREFIX_NOT_OWNED,
            ProblemType.FORBIDDEN})
    @GetMapping(BASE)
    ResponseEntity<?> list(@Parameter(description = "The registrant's id") @PathVariable long id,
                           @Parameter(description = "Only DOIs under this prefix (one of the registrant's)")
                           @RequestParam(required = false) @Nullable String prefix,
                           @Parameter(description = "open, accepted, rejected, added_to_metadata or withdrawn")
                           @RequestParam(required = false) @Nullable String status,
                           @Parameter(description = "Made at or after: 2026-12-01 or 2026-12-01T10:00:00Z")
                           @RequestParam(required = false) @Nullable String since,
                           @Parameter(description = "Made before: 2026-12-31 or an instant")
                           @RequestParam(required = false) @Nullable String until,
                           @Parameter(description = "0-based page") @RequestParam(defaultValue = "0") int page,
                           @Parameter(description = "Suggestions per page, 1 to 500") @RequestParam(defaultValue = "50") int size,
                           @Parameter(hidden = true) Authentication caller) {
        Registrant registrant = registrant(id, caller);
        Suggestions.Filter filter = filter(registrant, prefix, status, since, until);
        if (page < 0) {
            throw new BadParameter("page", Integer.toString(page), "is 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new BadParameter("size", Integer.toString(size), "is between 1 and " + MAX_PAGE_SIZE);
        }
        long offset = (long) page * size;
        if (offset > Integer.MAX_VALUE) {
            throw new BadParameter("page", Integer.toString(page), "is too far: no suggestions there");
        }
        return ResponseEntity.ok(new SuggestionPage(id, page, size, suggestions.count(id, filter),
                suggestions.page(id, filter, (int) offset, size)));
    }

    @Operation(operationId = "exportSuggestions", summary = "Every selected suggestion as JSON Lines or CSV",
            description = "The same filters as the list, without pages: format=jsonl (one suggestion a line, the "
                    + "list's JSON) or format=csv (one row each, trust markers flattened).")
    @ApiResponse(responseCode = "200", description = "The export", content = {
            @Content(mediaType = "application/jsonl"), @Content(mediaType = "text/csv")})
    @ProblemResponses({ProblemType.INVALID_PARAMETER, ProblemType.UNKNOWN_REGISTRANT, ProblemType.PREFIX_NOT_OWNED,
            ProblemType.FORBIDDEN})
    @GetMapping(BASE + "/export")
    void export(@PathVariable long id,
                             @Parameter(description = "jsonl or csv") @RequestParam(defaultValue = "jsonl") String format,
                             @RequestParam(required = false) @Nullable String prefix,
                             @RequestParam(required = false) @Nullable String status,
                             @RequestParam(required = false) @Nullable String since,
                             @RequestParam(required = false) @Nullable String until,
                             @Parameter(hidden = true) Authentication caller,
                             @Parameter(hidden = true) HttpServletResponse response) throws IOException {
        Registrant registrant = registrant(id, caller);
        Suggestions.Filter filter = filter(registrant, prefix, status, since, until);
        boolean csv = switch (format.toLowerCase(Locale.ROOT)) {
            case "csv" -> true;
            case "jsonl", "ndjson" -> false;
            default -> throw new BadParameter("format", format, "is jsonl or csv");
        };
        // Written as it is read, in the request's own thread (its API key's authentication holds there).
        response.setStatus(200);
        response.setContentType(csv ? "text/csv;charset=UTF-8" : "application/jsonl;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"suggestions-" + id
                + (csv ? ".csv\"" : ".jsonl\""));
        write(response.getOutputStream(), id, filter, csv);
    }

    @Operation(operationId = "getSuggestion", summary = "One suggestion")
    @ApiResponse(responseCode = "200", description = "The suggestion",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Suggestion.class)))
    @ProblemResponses({ProblemType.INVALID_PARAMETER, ProblemType.UNKNOWN_REGISTRANT, ProblemType.UNKNOWN_SUGGESTION,
            ProblemType.FORBIDDEN})
    @GetMapping(BASE + "/{suggestionId}")
    ResponseEntity<?> one(@PathVariable long id, @PathVariable long suggestionId,
                          @Parameter(hidden = true) Authentication caller) {
        registrant(id, caller);
        return ResponseEntity.ok(owned(id, suggestionId));
    }

    @Operation(operationId = "acceptSuggestion", summary = "Accept: the iD will be in the next metadata",
            description = "pidlink then expects the iD in the next metadata it receives for the DOI and shows the "
                    + "suggestion as added_to_metadata when it arrives.")
    @ApiResponse(responseCode = "200", description = "The accepted suggestion",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Suggestion.class)))
    @ProblemResponses({ProblemType.INVALID_PARAMETER, ProblemType.UNKNOWN_REGISTRANT, ProblemType.UNKNOWN_SUGGESTION,
            ProblemType.SUGGESTION_CLOSED, ProblemType.FORBIDDEN})
    @PostMapping(BASE + "/{suggestionId}/accept")
    ResponseEntity<?> accept(@PathVariable long id, @PathVariable long suggestionId,
                             @Parameter(hidden = true) Authentication caller) {
        registrant(id, caller);
        return decided(id, suggestionId, suggestions.decide(id, suggestionId, SuggestionStatus.ACCEPTED, null));
    }

    @Operation(operationId = "rejectSuggestion", summary = "Reject, with a reason only the registrant sees",
            description = "The reason goes as JSON {\"reason\": \"…\"} or as the query parameter reason.")
    @ApiResponse(responseCode = "200", description = "The rejected suggestion",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Suggestion.class)))
    @ProblemResponses({ProblemType.INVALID_PARAMETER, ProblemType.UNKNOWN_REGISTRANT, ProblemType.UNKNOWN_SUGGESTION,
            ProblemType.SUGGESTION_CLOSED, ProblemType.FORBIDDEN})
    @PostMapping(BASE + "/{suggestionId}/reject")
    ResponseEntity<?> reject(@PathVariable long id, @PathVariable long suggestionId,
                             @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                                     mediaType = "application/json", schema = @Schema(implementation = Rejection.class)))
                             @RequestBody(required = false) @Nullable String body,
                             @Parameter(description = "The reason, instead of a JSON body")
                             @RequestParam(required = false) @Nullable String reason,
                             @Parameter(hidden = true) Authentication caller) {
        registrant(id, caller);
        String why = reason != null ? reason : reasonIn(body);
        if (why == null || why.isBlank()) {
            throw new BadParameter("reason", "", "is required: say why (only you see it)");
        }
        if (why.length() > MAX_REASON) {
            throw new BadParameter("reason", why.substring(0, 40) + "…", "is at most " + MAX_REASON + " characters");
        }
        return decided(id, suggestionId, suggestions.decide(id, suggestionId, SuggestionStatus.REJECTED, why.strip()));
    }

    private ResponseEntity<?> decided(long registrantId, long suggestionId, Suggestions.Decided decided) {
        return switch (decided) {
            case DONE -> ResponseEntity.ok(owned(registrantId, suggestionId));
            case UNKNOWN -> problem(ProblemType.UNKNOWN_SUGGESTION, "Registrant " + registrantId
                    + " has no suggestion " + suggestionId + ".");
            case CLOSED -> problem(ProblemType.SUGGESTION_CLOSED, "Suggestion " + suggestionId + " is "
                    + owned(registrantId, suggestionId).status().text() + "; it can no longer be decided.");
        };
    }

    private Suggestion owned(long registrantId, long suggestionId) {
        return suggestions.find(suggestionId).filter(s -> s.registrantId() == registrantId)
                .orElseThrow(() -> new Refused(ProblemType.UNKNOWN_SUGGESTION, "Registrant " + registrantId
                        + " has no suggestion " + suggestionId + ".", null));
    }

    private Registrant registrant(long id, Authentication caller) {
        return registrants.byKeySource(caller.getName()).filter(r -> r.id() == id)
                .orElseThrow(() -> new Refused(ProblemType.UNKNOWN_REGISTRANT,
                        "There is no registrant " + id + " for this API key.", null));
    }

    private static Suggestions.Filter filter(Registrant registrant, @Nullable String prefix, @Nullable String status,
                                             @Nullable String since, @Nullable String until) {
        List<String> prefixes = registrant.prefixes();
        if (prefix != null) {
            String valid;
            try {
                valid = DoiOwners.validPrefix(prefix);
            } catch (IllegalArgumentException e) {
                throw new BadParameter("prefix", prefix, "is a DOI prefix such as 10.5072");
            }
            if (!prefixes.contains(valid)) {
                throw new Refused(ProblemType.PREFIX_NOT_OWNED, "Parameter 'prefix': " + valid
                        + " is not one of this registrant's prefixes.", "prefix");
            }
            prefixes = List.of(valid);
        }
        SuggestionStatus wanted = null;
        if (status != null) {
            try {
                wanted = SuggestionStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new BadParameter("status", status, "is open, accepted, rejected, added_to_metadata or withdrawn");
            }
        }
        Instant from = instant("since", since);
        Instant to = instant("until", until);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new BadParameter("until", until, "comes after since");
        }
        return new Suggestions.Filter(prefixes, wanted, from, to);
    }

    private static @Nullable Instant instant(String parameter, @Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeException e) {
            throw new BadParameter(parameter, value, "is a date (2026-12-01) or an instant (2026-12-01T10:00:00Z)");
        }
    }

    private static @Nullable String reasonIn(@Nullable String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode json = Suggestions.JSON.readTree(body);
            JsonNode reason = json.path("reason");
            if (!reason.isString()) {
                throw new BadParameter("reason", "", "is a string in the JSON body: {\"reason\": \"…\"}");
            }
            return reason.stringValue();
        } catch (JacksonException e) {
            throw new BadParameter("body", "", "is JSON: {\"reason\": \"…\"}");
        }
    }

    private void write(OutputStream out, long id, Suggestions.Filter filter, boolean csv) throws IOException {
        try {
            if (csv) {
                out.write(SuggestionCsv.header().getBytes(StandardCharsets.UTF_8));
            }
            suggestions.each(id, filter, s -> {
                try {
                    String line = csv ? SuggestionCsv.row(s) : Suggestions.JSON.writeValueAsString(s) + "\n";
                    out.write(line.getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** A bad query parameter or body: 400 saying which and what it takes. */
    static final class BadParameter extends RuntimeException {
        final String parameter;
        final String reason;

        BadParameter(String parameter, @Nullable String value, String reason) {
            super("Parameter '" + parameter + "'" + (value == null || value.isEmpty() ? "" : ": '" + value + "'")
                    + " is refused; it " + reason + ".");
            this.parameter = parameter;
            this.reason = reason;
        }
    }

    /** Another problem of the API: not this registrant's, closed. */
    static final class Refused extends RuntimeException {
        final ProblemType type;
        final @Nullable String parameter;

        Refused(ProblemType type, String detail, @Nullable String parameter) {
            super(detail);
            this.type = type;
            this.parameter = parameter;
        }
    }

    @org.springframework.web.bind.annotation.ExceptionHandler(BadParameter.class)
    ResponseEntity<ProblemDetail> badParameter(BadParameter e) {
        ProblemDetail problem = ProblemType.INVALID_PARAMETER.detail(e.getMessage());
        problem.setProperty("parameter", e.parameter);
        problem.setProperty("reason", e.reason);
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @org.springframework.web.bind.annotation.ExceptionHandler(Refused.class)
    ResponseEntity<ProblemDetail> refused(Refused e) {
        ProblemDetail problem = e.type.detail(e.getMessage());
        Optional.ofNullable(e.parameter).ifPresent(p -> problem.setProperty("parameter", p));
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static ResponseEntity<ProblemDetail> problem(ProblemType type, String detail) {
        ProblemDetail problem = type.detail(detail);
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
