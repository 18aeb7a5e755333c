package org.pidlink.app.lookup;

import org.pidlink.app.accounts.Researcher;
import org.pidlink.app.accounts.SignedIn;
import org.pidlink.app.lookup.WorksImport.ImportFailedException;
import org.pidlink.app.lookup.WorksImport.ImportReport;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code POST /profile/import-from-orcid}: the researcher's "Import my works from ORCID" button. */
@Controller
class ImportController {

    private final WorksImport works;
    private final SignedIn signedIn;

    ImportController(WorksImport works, SignedIn signedIn) {
        this.works = works;
        this.signedIn = signedIn;
    }

    @PostMapping("/profile/import-from-orcid")
    String importFromOrcid(Authentication authentication, RedirectAttributes flash) {
        Researcher researcher = signedIn.researcher(authentication);
        try {
            ImportReport report = works.importWorks(researcher.orcid());
            flash.addFlashAttribute("importMessage", report.summary() + ".");
        } catch (ImportFailedException e) {
            flash.addFlashAttribute("importError", e.getMessage());
        }
        return "redirect:/profile#import";
    }
}
