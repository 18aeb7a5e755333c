package org.pidlink.app.accounts;

import org.pidlink.app.orcid.OrcidRegistrations;
import org.pidlink.core.identifiers.OrcidId;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** Public lookup of a researcher by iD: answers only for researchers who chose to show their profile. */
@Controller
class PublicProfileController {

    private final Researchers researchers;
    private final OrcidRegistrations registrations;

    PublicProfileController(Researchers researchers, OrcidRegistrations registrations) {
        this.researchers = researchers;
        this.registrations = registrations;
    }

    @GetMapping("/researchers/{orcid}")
    String profile(@PathVariable String orcid, Model model) {
        OrcidId id = OrcidId.tryParse(orcid).toOptional().orElseThrow(() -> new ResponseStatusException(
                HttpStatus.BAD_REQUEST, "\"" + orcid + "\" is not an ORCID iD"));
        Researcher researcher = researchers.find(id).filter(Researcher::publicProfile)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "pidlink has no public profile for " + id.value()));
        model.addAttribute("researcher", researcher);
        model.addAttribute("orcidUri", registrations.recordUri(id));
        return "accounts/public-profile";
    }
}
