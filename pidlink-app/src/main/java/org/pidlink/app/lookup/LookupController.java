package org.pidlink.app.lookup;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.jspecify.annotations.Nullable;
import org.pidlink.app.accounts.Researcher;
import org.pidlink.app.accounts.Researchers;
import org.pidlink.app.accounts.SignInService;
import org.pidlink.app.claims.ClaimView;
import org.pidlink.app.claims.Claims;
import org.pidlink.core.identifiers.Doi;
import org.pidlink.core.identifiers.OrcidId;
import org.pidlink.core.identifiers.ParseResult;
import org.springframework.http.HttpStatus;
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
class LookupController {

    private final Claims claims;
    private final Researchers researchers;

    LookupController(Claims claims, Researchers researchers) {
        this.claims = claims;
        this.researchers = researchers;
    }

    /** The DOI may be written in any form ORCID accepts ({@code 10.…}, {@code doi:10.…}), slashes and all. */
    @GetMapping("/api/v1/lookup/dois/{*doi}")
    ResponseEntity<?> byDoi(@PathVariable("doi") String path, @RequestParam(defaultValue = "false") boolean all,
                            @Nullable Authentication caller) {
        String value = path.startsWith("/") ? path.substring(1) : path;
        ParseResult<Doi> parsed = Doi.tryParse(value);
        if (parsed instanceof ParseResult.Invalid<Doi> invalid) {
            return badParameter("doi", value, "a DOI", invalid.reason());
        }
        Doi doi = parsed.orElseThrow();
        Viewer viewer = new Viewer(isAdmin(caller));
        List<Link> links = claims.forDoi(doi).stream()
                .filter(c -> all || c.status().inOrcid())
                .flatMap(c -> viewer.visible(new OrcidId(c.orcid())).map(r -> Link.of(c, r.name())).stream())
                .toList();
        return ResponseEntity.ok(new DoiLinks(doi.value(), doi.url(), links));
    }

    @GetMapping("/api/v1/lookup/orcids/{orcid}")
    ResponseEntity<?> byOrcid(@PathVariable("orcid") String value, @RequestParam(defaultValue = "false") boolean all,
                              @Nullable Authentication caller) {
        ParseResult<OrcidId> parsed = OrcidId.tryParse(value);
        if (parsed instanceof ParseResult.Invalid<OrcidId> invalid) {
            return badParameter("orcid", value, "an ORCID iD", invalid.reason());
        }
        OrcidId orcid = parsed.orElseThrow();
        Optional<Shown> researcher = new Viewer(isAdmin(caller)).visible(orcid);
        if (researcher.isEmpty()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                    "pidlink has no public links for " + orcid.value()
                            + " (unknown, or the researcher keeps out of public lookups)");
            problem.setTitle("Not found");
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
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

    private static ResponseEntity<ProblemDetail> badParameter(String parameter, String value, String expected,
                                                              String reason) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Path parameter '" + parameter + "': '" + value + "' is not " + expected + ": " + reason);
        problem.setTitle("Invalid " + parameter);
        problem.setProperty("parameter", parameter);
        problem.setProperty("reason", reason);
        return ResponseEntity.badRequest().body(problem);
    }
}
