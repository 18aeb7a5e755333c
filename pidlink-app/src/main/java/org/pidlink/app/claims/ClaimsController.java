package org.pidlink.app.claims;

import org.pidlink.app.accounts.Researcher;
import org.pidlink.app.accounts.SignedIn;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The researcher's actions on her claims: "Sync now", "Put it back", "Remove all my works from ORCID". */
@Controller
class ClaimsController {

    private final Claims claims;
    private final SignedIn signedIn;

    ClaimsController(Claims claims, SignedIn signedIn) {
        this.claims = claims;
        this.signedIn = signedIn;
    }

    @PostMapping("/claims/sync-now")
    String syncNow(Authentication authentication, RedirectAttributes flash) {
        Researcher researcher = signedIn.researcher(authentication);
        flash.addFlashAttribute("claimsMessage", syncMessage(claims.syncNow(researcher.orcid())));
        return "redirect:/profile#claims";
    }

    @PostMapping("/claims/{id}/put-back")
    String putBack(@PathVariable long id, Authentication authentication, RedirectAttributes flash) {
        Researcher researcher = signedIn.researcher(authentication);
        ClaimView claim = claims.find(id).filter(c -> c.orcid().equals(researcher.orcid().value()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "You have no claim " + id));
        claims.putBack(claim.id());
        flash.addFlashAttribute("claimsMessage", "pidlink will add " + claim.doi() + " to your ORCID record again.");
        return "redirect:/profile#claims";
    }

    @PostMapping("/claims/remove-all")
    String removeAll(Authentication authentication, @RequestParam(defaultValue = "false") boolean confirmed,
                     RedirectAttributes flash) {
        Researcher researcher = signedIn.researcher(authentication);
        if (!confirmed) {
            flash.addFlashAttribute("claimsMessage", "Nothing was removed: tick \"Yes, remove every work pidlink"
                    + " added\" to confirm.");
            return "redirect:/profile#claims";
        }
        int removed = claims.removeAllFromOrcid(researcher.orcid());
        flash.addFlashAttribute("claimsMessage", removed == 0 ? "pidlink has no works on your ORCID record."
                : "pidlink is removing the " + removed + " work(s) it added to your ORCID record.");
        return "redirect:/profile#claims";
    }

    /** Says what "Sync now" set going, and what still waits and why. */
    static String syncMessage(SyncOutcome outcome) {
        String writing = outcome.writing() == 0 ? "Nothing is waiting to be written to your ORCID record."
                : outcome.writing() == 1 ? "1 change is being written to your ORCID record now."
                : outcome.writing() + " changes are being written to your ORCID record now.";
        if (outcome.held() == 0) {
            return writing;
        }
        return writing + " " + outcome.held() + (outcome.held() == 1 ? " change waits" : " changes wait")
                + (outcome.heldReason() == null ? "." : ": " + outcome.heldReason() + ".");
    }
}
