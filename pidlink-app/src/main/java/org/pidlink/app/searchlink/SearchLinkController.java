package org.pidlink.app.searchlink;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.pidlink.app.accounts.AfterGrant;
import org.pidlink.app.accounts.PermissionStatus;
import org.pidlink.app.accounts.WritePermissions;
import org.pidlink.app.accounts.Researcher;
import org.pidlink.app.accounts.SignedIn;
import org.pidlink.app.claims.ClaimResult;
import org.pidlink.app.claims.ClaimStatus;
import org.pidlink.app.orcid.OrcidRegistrations;
import org.pidlink.app.searchlink.DoiIndex.QueryTooShortException;
import org.pidlink.core.identifiers.Doi;
import org.pidlink.core.identifiers.ParseResult;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** {@code /search}: the researcher searches the DOIs pidlink knows and claims hers by hand. */
@Controller
class SearchLinkController {

    private final SearchLink searchLink;
    private final SignedIn signedIn;
    private final OrcidRegistrations registrations;

    private final WritePermissions permissions;

    SearchLinkController(SearchLink searchLink, SignedIn signedIn, OrcidRegistrations registrations,
            WritePermissions permissions) {
        this.searchLink = searchLink;
        this.signedIn = signedIn;
        this.registrations = registrations;
        this.permissions = permissions;
    }

    /**
     * The entry point ORCID's "Search &amp; Link wizard" calls: one URL that signs her in if needed, asks ORCID for
     * the search &amp; link permission when pidlink does not hold it, and lands on the search pre-filled with her
     * name, with the works she already claimed marked.
     */
    @GetMapping("/search/wizard")
    String wizard(Authentication authentication, HttpServletRequest request) {
        Researcher researcher = signedIn.researcher(authentication);
        String search = UriComponentsBuilder.fromPath("/search").queryParam("q", researcher.displayName()).encode()
                .build().toUriString();
        String registration = registrations.canonical(SearchLink.REGISTRATION);
        boolean granted = permissions.of(researcher).stream().anyMatch(p -> p.registrationId().equals(registration)
                && p.status() == PermissionStatus.ACTIVE);
        if (!granted) {
            AfterGrant.returnTo(request, search);
            return "redirect:/oauth2/authorization/" + registration;
        }
        return "redirect:" + search;
    }

    @GetMapping("/search")
    String search(@RequestParam(name = "q", required = false) @Nullable String query, Authentication authentication,
            Model model, HttpServletResponse response) {
        Researcher researcher = signedIn.researcher(authentication);
        model.addAttribute("q", query == null ? "" : query);
        model.addAttribute("minLength", DoiIndex.MIN_QUERY_LENGTH);
        model.addAttribute("maxResults", DoiIndex.MAX_RESULTS);
        model.addAttribute("grantUrl", grantUrl());
        if (query != null && !query.isBlank()) {
            try {
                model.addAttribute("results", searchLink.search(researcher.orcid(), query));
            } catch (QueryTooShortException e) {
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                model.addAttribute("queryError", e.getMessage());
            }
        }
        return "searchlink/search";
    }

    @PostMapping("/search/claim")
    String claim(@RequestParam("doi") String doi, @RequestParam(name = "q", defaultValue = "") String query,
            @RequestParam(defaultValue = "false") boolean despiteOtherNames, Authentication authentication,
            RedirectAttributes flash) {
        Researcher researcher = signedIn.researcher(authentication);
        Optional<Doi> parsed = parse(doi, flash);
        Optional<SearchLink.Found> before = parsed.flatMap(d -> searchLink.before(researcher.orcid(), d));
        if (before.isPresent() && before.get().autoUpdate() != null) {
            flash.addFlashAttribute("searchMessage", parsed.get().value() + " was not claimed: "
                    + (before.get().autoUpdateWritten() ? "pidlink's auto-update client already put it on your ORCID"
                    + " record." : "pidlink's auto-update client found it and adds it to your ORCID record.")
                    + " Claiming it here would add a second copy.");
            return back(query, flash);
        }
        if (before.isPresent() && before.get().namesOthersOnly() && !despiteOtherNames) {
            flash.addFlashAttribute("searchError", parsed.get().value() + " was not claimed: its metadata names"
                    + " other ORCID iDs than yours. If you are one of its authors, tick \"I am one of its authors\""
                    + " beside it and claim it again.");
            return back(query, flash);
        }
        if (parsed.isPresent()) {
            Optional<ClaimResult> result = searchLink.claim(researcher.orcid(), parsed.get());
            if (result.isEmpty()) {
                flash.addFlashAttribute("searchError", "pidlink has no metadata for " + parsed.get().value()
                        + " that ORCID may show: it cannot be claimed");
            } else if (waits(result.get().status())) {
                flash.addFlashAttribute("searchMessage", "Claimed " + parsed.get().value()
                        + ". It waits for your permission to add works to your ORCID record.");
                flash.addFlashAttribute("needsPermission", true);
            } else {
                flash.addFlashAttribute("searchMessage", "Claimed " + parsed.get().value()
                        + ": pidlink adds it to your ORCID record.");
            }
        }
        return back(query, flash);
    }

    @PostMapping("/search/unclaim")
    String unclaim(@RequestParam("doi") String doi, @RequestParam(name = "q", defaultValue = "") String query,
            Authentication authentication, RedirectAttributes flash) {
        Researcher researcher = signedIn.researcher(authentication);
        Optional<Doi> parsed = parse(doi, flash);
        if (parsed.isPresent()) {
            searchLink.unclaim(researcher.orcid(), parsed.get());
            flash.addFlashAttribute("searchMessage", "Unclaimed " + parsed.get().value()
                    + ": pidlink removes it from your ORCID record unless something else links it to you.");
        }
        return back(query, flash);
    }

    private static boolean waits(ClaimStatus status) {
        return status == ClaimStatus.WAITING_FOR_PERMISSION || status == ClaimStatus.PERMISSION_REVOKED;
    }

    private static Optional<Doi> parse(String doi, RedirectAttributes flash) {
        ParseResult<Doi> parsed = Doi.tryParse(doi);
        parsed.rejection().ifPresent(reason -> flash.addFlashAttribute("searchError",
                "\"" + doi + "\" is not a DOI: " + reason));
        return parsed.toOptional();
    }

    /**
     * Asks ORCID for the search & link permission and brings her back to this search afterwards (rather than
     * to her settings).
     */
    @GetMapping(GRANT_PATH)
    String grant(@RequestParam(name = "q", required = false) @Nullable String query, HttpServletRequest request) {
        AfterGrant.returnTo(request, query == null || query.isBlank() ? "/search"
                : UriComponentsBuilder.fromPath("/search").queryParam("q", query).encode().build().toUriString());
        return "redirect:/oauth2/authorization/" + registrations.canonical(SearchLink.REGISTRATION);
    }

    static final String GRANT_PATH = "/search/grant";

    private static String grantUrl() {
        return GRANT_PATH;
    }

    private static String back(String query, RedirectAttributes flash) {
        if (!query.isBlank()) {
            flash.addAttribute("q", query);
        }
        return "redirect:/search";
    }
}
