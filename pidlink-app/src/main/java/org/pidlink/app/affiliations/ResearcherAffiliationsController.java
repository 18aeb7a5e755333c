package org.pidlink.app.affiliations;

import java.util.List;

import org.pidlink.app.accounts.Researcher;
import org.pidlink.app.accounts.SignedIn;
import org.pidlink.app.accounts.WritePermissions;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * For researchers: the permission link (signed in first: the browser's security sends her to sign in with ORCID and
 * back), which shows the affiliations her institution wants to add; approving asks ORCID for pidlink's permission to
 * update her record when pidlink does not hold it yet. Approve or decline also works item by item from her profile.
 */
@Controller
class ResearcherAffiliationsController {

    private final PermissionLinks links;
    private final AffiliationStore store;
    private final SignedIn signedIn;
    private final WritePermissions permissions;
    private final TransactionTemplate tx;
    private final AffiliationsProperties properties;
    private final Runnable wakeWriter;

    ResearcherAffiliationsController(PermissionLinks links, AffiliationStore store, SignedIn signedIn,
                                     WritePermissions permissions, TransactionTemplate tx,
                                     AffiliationsProperties properties, AffiliationsWriterWorker writer) {
        this.links = links;
        this.store = store;
        this.signedIn = signedIn;
        this.permissions = permissions;
        this.tx = tx;
        this.properties = properties;
        this.wakeWriter = writer::wakeAfterCommit;
    }

    @GetMapping(PermissionLinks.PATH + "{token}")
    String invitation(@PathVariable String token, Authentication authentication, Model model,
                      HttpServletResponse response) {
        Researcher researcher = signedIn.researcher(authentication);
        PermissionLinks.Opened opened = tx.execute(status -> links.open(token, researcher.orcid()));
        return switch (opened) {
            case PermissionLinks.Opened.Refused refused -> {
                response.setStatus(HttpStatus.NOT_FOUND.value());
                model.addAttribute("problemTitle", refused.title());
                model.addAttribute("problemDetail", refused.detail());
                yield "affiliations/link-refused";
            }
            case PermissionLinks.Opened.Valid valid -> {
                List<StoredAffiliation> rows = store.ofPerson(valid.personId());
                model.addAttribute("waiting", rows.stream().filter(ResearcherAffiliationsController::waiting).toList());
                model.addAttribute("others", rows.stream().filter(r -> !waiting(r)).toList());
                model.addAttribute("hasPermission", mayWrite(researcher));
                model.addAttribute("institution", properties.institution());
                yield "affiliations/invitation";
            }
        };
    }

    /** Approves or declines her affiliations among {@code ids}. */
    @PostMapping("/affiliations/decide")
    String decide(@RequestParam List<Long> ids, @RequestParam String decision, Authentication authentication,
                  RedirectAttributes redirect) {
        Researcher researcher = signedIn.researcher(authentication);
        boolean approve = "approve".equals(decision);
        int changed = tx.execute(status -> store.decide(researcher.orcid(), ids, approve, links.now()));
        if (!approve) {
            redirect.addFlashAttribute("notice", changed + " affiliation(s) declined: pidlink will not add them to "
                    + "your ORCID record.");
            return "redirect:/profile";
        }
        wakeWriter.run();
        if (!mayWrite(researcher)) {
            // Her approval is kept; ORCID's consent page gives pidlink the permission to write it.
            return "redirect:/oauth2/authorization/" + properties.registrationId();
        }
        redirect.addFlashAttribute("notice", changed + " affiliation(s) approved: pidlink is adding them to your "
                + "ORCID record now.");
        return "redirect:/profile";
    }

    private boolean mayWrite(Researcher researcher) {
        return permissions.find(researcher.orcid(), properties.registrationId())
                .filter(p -> p.mayWrite(links.now())).isPresent();
    }

    static boolean waiting(StoredAffiliation a) {
        return a.wanted() && "PENDING".equals(a.decision()) && "NONE".equals(a.state());
    }
}
