package org.pidlink.app.accounts;

import org.pidlink.app.orcid.OrcidRegistrations;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Where ORCID sends the researcher back after the permission request. Spring Security's authorization-code
 * filter has already checked the state and exchanged the code; what reaches this page is the outcome: success,
 * an error (denied consent, expired code, ORCID down, refused grant), or a response matching no request of hers
 * (forged or stale state), which changes nothing.
 */
@Controller
class PermissionCallbackController {

    private final SignedIn signedIn;
    private final WritePermissions permissions;
    private final OrcidRegistrations registrations;

    PermissionCallbackController(SignedIn signedIn, WritePermissions permissions, OrcidRegistrations registrations) {
        this.signedIn = signedIn;
        this.permissions = permissions;
        this.registrations = registrations;
    }

    @GetMapping("/account/orcid/granted/{registrationId}")
    String granted(@PathVariable String registrationId, @RequestParam(required = false) String error,
                   @RequestParam(required = false) String code, @RequestParam(required = false) String state,
                   Authentication authentication, Model model, HttpServletResponse response,
                   RedirectAttributes redirect) {
        if (!registrations.isKnown(registrationId)) {
            return problem(model, response, HttpStatus.NOT_FOUND, "Unknown permission",
                    "pidlink has no ORCID permission called \"" + registrationId + "\".");
        }
        if (error != null) {
            return explain(error, model, response);
        }
        if (code != null || state != null) {
            return problem(model, response, HttpStatus.BAD_REQUEST, "This answer from ORCID matches no request",
                    "pidlink did not ask ORCID for this permission in your session (the request's state does not "
                            + "match, or the request expired). Nothing was changed. Start again from your settings.");
        }
        Researcher researcher = signedIn.researcher(authentication);
        boolean active = permissions.of(researcher).stream().anyMatch(p ->
                p.registrationId().equals(registrations.canonical(registrationId))
                        && p.status() == PermissionStatus.ACTIVE);
        redirect.addFlashAttribute("notice", active
                ? "Thank you: pidlink may now update your ORCID record. Choose below what it does."
                : "pidlink holds no permission for your ORCID record yet.");
        return "redirect:/settings";
    }

    private String explain(String error, Model model, HttpServletResponse response) {
        return switch (error) {
            case "access_denied" -> problem(model, response, HttpStatus.OK, "You did not grant the permission",
                    "You chose not to let pidlink update your ORCID record. Nothing was changed; you can grant it "
                            + "later from your settings.");
            case VerifiedGrants.ORCID_MISMATCH -> problem(model, response, HttpStatus.CONFLICT,
                    "Granted for another iD", "ORCID granted the permission for a different iD than the one you "
                            + "signed in to pidlink with. pidlink did not keep it and revoked it at ORCID. Sign in "
                            + "to ORCID with your own iD and try again.");
            case VerifiedGrants.HELD_ELSEWHERE -> problem(model, response, HttpStatus.CONFLICT,
                    "Another account holds this iD", "Another pidlink account already holds permission to update "
                            + "this ORCID record, and each record has one writer. pidlink did not keep the new "
                            + "permission. An administrator can see which account holds it.");
            case VerifiedGrants.INSUFFICIENT_SCOPE -> problem(model, response, HttpStatus.BAD_REQUEST,
                    "ORCID granted less than asked", "ORCID did not grant permission to update your record. "
                            + "Nothing was kept; please try again and approve all requested permissions.");
            case "invalid_grant" -> problem(model, response, HttpStatus.BAD_REQUEST, "The authorization expired",
                    "ORCID's one-time code had expired or was already used. Nothing was changed; please start again.");
            case "invalid_token_response" -> problem(model, response, HttpStatus.BAD_GATEWAY, "ORCID did not answer",
                    "pidlink could not reach ORCID to complete the permission. Nothing was changed; please try again later.");
            default -> problem(model, response, HttpStatus.BAD_REQUEST, "ORCID refused the request",
                    "ORCID answered \"" + error + "\". Nothing was changed; please try again.");
        };
    }

    static String problem(Model model, HttpServletResponse response, HttpStatus status, String title, String detail) {
        response.setStatus(status.value());
        model.addAttribute("problemTitle", title);
        model.addAttribute("problemDetail", detail);
        return "accounts/permission-result";
    }
}
