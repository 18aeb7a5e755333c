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

/**
 * The researcher's actions on her claims: "Sync now" (all, or one work), "Exclude" and "Put it back" / "Include
 * again" per work, "Remove all my works from ORCID", her write mode and her review decisions.
 */
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

    @PostMapping("/claims/{id}/exclude")
    String exclude(@PathVariable long id, Authentication authentication, RedirectAttributes flash) {
        ClaimView claim = own(id, authentication);
        // From what the exclusion queued, not from the claim read again: the deletion may already have run.
        flash.addFlashAttribute("claimsMessage", claims.exclude(claim.id())
                ? "Excluded " + claim.doi() + ": pidlink removes it from your ORCID record and will not add it again."
                : "Excluded " + claim.doi() + ": pidlink will not add it to your ORCID record.");
        return "redirect:/profile#claims";
    }

    @PostMapping("/claims/{id}/sync-now")
    String syncOne(@PathVariable long id, Authentication authentication, RedirectAttributes flash) {
        ClaimView claim = claims.syncNow(own(id, authentication).id());
        flash.addFlashAttribute("claimsMessage", claim.queuedAction() == null
                ? claim.doi() + ": nothing to write to your ORCID record."
                : claim.nextAttemptAt() == null && claim.status() == ClaimStatus.QUEUED
                        ? claim.doi() + ": pidlink writes it to your ORCID record now."
                        : claim.doi() + ": " + WorkRow.sentence(claim));
        return "redirect:/profile#claims";
    }

    private ClaimView own(long id, Authentication authentication) {
        Researcher researcher = signedIn.researcher(authentication);
        return claims.find(id).filter(c -> c.orcid().equals(researcher.orcid().value()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "You have no claim " + id));
    }

    @PostMapping("/claims/{id}/put-back")
    String putBack(@PathVariable long id, Authentication authentication, RedirectAttributes flash) {
        ClaimView claim = own(id, authentication);
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

    /** Her write mode: automatic, or review first (works only auto-update found wait for her approval). */
    @PostMapping("/claims/write-mode")
    String writeMode(Authentication authentication, @RequestParam(defaultValue = "false") boolean reviewFirst,
                     RedirectAttributes flash) {
        Researcher researcher = signedIn.researcher(authentication);
        claims.setReviewFirst(researcher.orcid(), reviewFirst);
        flash.addFlashAttribute("claimsMessage", reviewFirst
                ? "Review first: pidlink adds the works it finds in DOI metadata only after you approve them."
                : "Automatic: pidlink adds the works it finds in DOI metadata without asking; those that waited for"
                        + " your review are being added.");
        return "redirect:/profile#review";
    }

    /** Approves one work awaiting her review ({@code claimId}), or all of them ({@code all}). */
    @PostMapping("/claims/review/approve")
    String approve(Authentication authentication, @RequestParam(required = false) Long claimId,
                   @RequestParam(defaultValue = "false") boolean all, RedirectAttributes flash) {
        Researcher researcher = signedIn.researcher(authentication);
        int approved = claims.approve(researcher.orcid(), selection(claimId, all));
        flash.addFlashAttribute("claimsMessage", approved == 0 ? "No work awaiting your review was approved."
                : approved == 1 ? "Approved: pidlink adds the work to your ORCID record now."
                : "Approved " + approved + " works: pidlink adds them to your ORCID record now.");
        return "redirect:/profile#review";
    }

    /** Dismisses one work awaiting her review, or all of them: never proposed again unless she brings it back. */
    @PostMapping("/claims/review/dismiss")
    String dismiss(Authentication authentication, @RequestParam(required = false) Long claimId,
                   @RequestParam(defaultValue = "false") boolean all, RedirectAttributes flash) {
        Researcher researcher = signedIn.researcher(authentication);
        int dismissed = claims.dismiss(researcher.orcid(), selection(claimId, all));
        flash.addFlashAttribute("claimsMessage", dismissed == 0 ? "No work awaiting your review was dismissed."
                : dismissed == 1 ? "Dismissed: pidlink will not propose this work again unless you bring it back"
                        + " from your list of works."
                : "Dismissed " + dismissed + " works: pidlink will not propose them again unless you bring them back"
                        + " from your list of works.");
        return "redirect:/profile#review";
    }

    private static java.util.@org.jspecify.annotations.Nullable List<Long> selection(Long claimId, boolean all) {
        if (all) {
            return null;
        }
        if (claimId == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Choose a work, or all of them");
        }
        return java.util.List.of(claimId);
    }
}
