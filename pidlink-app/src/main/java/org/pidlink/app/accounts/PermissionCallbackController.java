package org.pidlink.app.accounts;

import java.net.URI;

import org.pidlink.app.orcid.OrcidRegistrations;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Where ORCID sends the researcher back after the permission request. Spring Security's authorization-code
 * filter has already checked the state and exchanged the code; what reaches this page is the outcome: success,
 * an error (denied consent, expired code, ORCID down, refused grant), or a response matching no request of hers
 * (forged or stale state), which changes nothing. A code without any state comes from the link of an ORCID inbox
 * request (ORCID's own authorize page, which pidlink did not start): {@link InboxGrants} exchanges it.
 */
@Controller
class PermissionCallbackController {

    private final SignedIn signedIn;
    private final WritePermissions permissions;
    private final OrcidRegistrations registrations;
    private final InboxGrants inboxGrants;
    private final Researchers researchers;

    PermissionCallbackController(SignedIn signedIn, WritePermissions permissions, OrcidRegistrations registrations,
                                 InboxGrants inboxGrants, Researchers researchers) {
        this.signedIn = signedIn;
        this.permissions = permissions;
        this.registrations = registrations;
        this.inboxGrants = inboxGrants;
        this.researchers = researchers;
    }

    @GetMapping("/account/orcid/granted/{registrationId}")
    String granted(@PathVariable String registrationId, @RequestParam(required = false) String error,
                   @RequestParam(required = false) String code, @RequestParam(required = false) String state,
                   Authentication authentication, Model model, HttpServletRequest request,
                   HttpServletResponse response, RedirectAttributes redirect) {
        if (!registrations.isKnown(registrationId)) {
            return problem(model, response, HttpStatus.NOT_FOUND, "Unknown permission",
                    "pidlink has no ORCID permission called \"" + registrationId + "\".");
        }
        if (error != null) {
            return explain(error, model, response);
        }
        Researcher researcher = signedIn.researcher(authentication);
        if (code != null && state == null) {
            URI callback = URI.create(ServletUriComponentsBuilder.fromCurrentRequestUri().replaceQuery(null)
                    .toUriString());
            switch (inboxGrants.keep(researcher, registrationId, code, callback)) {
                case InboxGrants.Outcome.Refused refused -> {
                    return explain(refused.error(), model, response);
                }
                case InboxGrants.Outcome.Kept kept -> {
                    // The grant's result follows, as after a grant pidlink asked for.
                }
            }
        } else if (code != null || state != null) {
            return problem(model, response, HttpStatus.BAD_REQUEST, "This answer from ORCID matches no request",
                    "pidlink did not ask ORCID for this permission in your session (the request's state does not "
                            + "match, or the request expired). Nothing was changed. Start again from your settings.");
        }
        boolean active = permissions.of(researcher).stream().anyMatch(p ->
                p.registrationId().equals(registrations.canonical(registrationId))
                        && p.status() == PermissionStatus.ACTIVE);
        boolean autoUpdate = researchers.find(researcher.id()).map(Researcher::autoUpdate).orElse(false);
        redirect.addFlashAttribute("notice", !active ? "pidlink holds no permission for your ORCID record yet."
                : grantedNotice(registrationId, autoUpdate));
        return "redirect:" + AfterGrant.take(request).orElse("/settings");
    }

    /** What the grant lets pidlink do now, in the words of her settings page. */
    private String grantedNotice(String registrationId, boolean autoUpdate) {
        boolean autoUpdateGrant = OrcidRegistrations.AUTO_UPDATE.equals(registrationId);
        if (autoUpdateGrant && autoUpdate) {
            return "Thank you: pidlink may now update your ORCID record, and auto-update is on: pidlink adds the works"
                    + " whose DOI metadata names your iD. You can turn auto-update off in your settings.";
        }
        return autoUpdateGrant || registrations.shared()
                ? "Thank you: pidlink may now update your ORCID record. Auto-update is off; turn it on in your settings"
                        + " to add the works whose DOI metadata names your iD."
                : "Thank you: pidlink may now add the works you claim in search & link to your ORCID record.";
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
