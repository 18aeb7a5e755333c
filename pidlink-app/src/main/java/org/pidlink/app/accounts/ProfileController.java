package org.pidlink.app.accounts;

import java.util.List;

import org.pidlink.app.orcid.OrcidRegistrations;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The researcher's profile: her authenticated iD, shown as ORCID's display guidelines ask, and her claims. */
@Controller
class ProfileController {

    private final SignedIn signedIn;
    private final WritePermissions permissions;
    private final OrcidRegistrations registrations;
    private final ObjectProvider<ProfileSection> sections;

    ProfileController(SignedIn signedIn, WritePermissions permissions, OrcidRegistrations registrations,
                      ObjectProvider<ProfileSection> sections) {
        this.signedIn = signedIn;
        this.permissions = permissions;
        this.registrations = registrations;
        this.sections = sections;
    }

    @GetMapping("/profile")
    String profile(Authentication authentication, Model model) {
        Researcher researcher = signedIn.researcher(authentication);
        List<ProfileSection> parts = sections.orderedStream().toList();
        parts.forEach(section -> model.addAllAttributes(section.model(researcher)));
        model.addAttribute("researcher", researcher);
        model.addAttribute("orcidUri", registrations.recordUri(researcher.orcid()));
        List<StoredPermission> held = permissions.of(researcher);
        model.addAttribute("permissions", held);
        model.addAttribute("summary", AccountSummary.of(researcher, held).sentence());
        model.addAttribute("sections", parts);
        return "accounts/profile";
    }
}
