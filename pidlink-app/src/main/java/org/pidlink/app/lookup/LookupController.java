package org.pidlink.app.lookup;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.pidlink.app.accounts.Researcher;
import org.pidlink.app.accounts.Researchers;
import org.pidlink.app.accounts.SignInService;
import org.pidlink.app.claims.ClaimView;
import org.pidlink.app.claims.Claims;
import org.pidlink.app.system.ProblemResponses;
import org.pidlink.app.system.ProblemType;
import org.pidlink.core.identifiers.Doi;
import org.pidlink.core.identifiers.OrcidId;
import org.pidlink.core.identifiers.ParseResult;
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


    private final Claims claims;
    private final Researchers researchers;

    LookupController(Claims claims, Researchers researchers) {
        this.claims = claims;
        this.researchers = researchers;
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
        Doi doi = parsed.orElseThrow();
        Viewer viewer = new Viewer(isAdmin(caller));
        List<Link> links = claims.forDoi(doi).stream()
                .filter(c -> all || c.status().inOrcid())
                .flatMap(c -> viewer.visible(new OrcidId(c.orcid())).map(r -> Link.of(c, r.name())).stream())
                .toList();
        return ResponseEntity.ok(new DoiLinks(doi.value(), doi.url(), links));
    }

    @Operation(operationId = "lookupOrcid", summary = "The DOIs linked to an ORCID iD",
            description = "Public, no API key; only for researchers who show in public lookups (an administrator "
                    + "signed in to pidlink sees everyone).")
    @ApiResponse(responseCode = "200", description = "The researcher's links",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = OrcidLinks.class)))
    @ProblemResponses({ProblemType.INVALID_ORCID, ProblemType.INVALID_PARAMETER, ProblemType.NO_PUBLIC_LINKS})
    @GetMapping("/api/v1/lookup/orcids/{orcid}")
    ResponseEntity<?> byOrcid(@Parameter(description = "The ORCID iD, bare or as https://orcid.org/… URL",
                                      example = "0000-0003-1419-2405") @PathVariable("orcid") String value,
                              @Parameter(description = ALL) @RequestParam(defaultValue = "false") boolean all,
                              @Parameter(hidden = true) @Nullable Authentication caller) {
        ParseResult<OrcidId> parsed = OrcidId.tryParse(value);
        if (parsed instanceof ParseResult.Invalid<OrcidId> invalid) {
            return badParameter(ProblemType.INVALID_ORCID, "orcid", value, "an ORCID iD", invalid.reason());
        }
        OrcidId orcid = parsed.orElseThrow();
        Optional<Shown> researcher = new Viewer(isAdmin(caller)).visible(orcid);
        if (researcher.isEmpty()) {
            ProblemDetail problem = ProblemType.NO_PUBLIC_LINKS.detail("pidlink has no public links for "
                    + orcid.value() + " (unknown, or the researcher keeps out of public lookups)");
            return ResponseEntity.status(problem.getStatus()).body(problem);
        }
        String name = researcher.get().name();
        List<Link> links = claims.forResearcher(orcid).stream()
                .filter(c -> all || c.status().inOrcid())
                .sorted(Comparator.comparing(ClaimView::doi).thenComparing(ClaimView::registrationId))
                .map(c -> Link.of(c, name))
                .toList();
        return ResponseEntity.ok(new OrcidLinks(orcid.value(), orcid.uri(), name, links));
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DoiLinks(String doi, String url, List<Link> links) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record OrcidLinks(String orcid, String uri, @Nullable String name, List<Link> links) {
    }

    /**
     * Who the caller may see: researchers who show in public lookups, or (for an administrator) every researcher,
     * including iDs that have no pidlink account. Looks each researcher up once per request.
     */
    private final class Viewer {
        private final boolean admin;
        private final Map<OrcidId, Optional<Researcher>> seen = new HashMap<>();

        Viewer(boolean admin) {
            this.admin = admin;
        }

        Optional<Shown> visible(OrcidId orcid) {
            Optional<Researcher> account = seen.computeIfAbsent(orcid, researchers::find);
            if (admin) {
                return Optional.of(new Shown(account.map(Researcher::name).orElse(null)));
            }
            return account.filter(Researcher::publicProfile).map(r -> new Shown(r.name()));
        }
    }

    /** A researcher the caller may see, with her name when pidlink knows it. */
    private record Shown(@Nullable String name) {
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
