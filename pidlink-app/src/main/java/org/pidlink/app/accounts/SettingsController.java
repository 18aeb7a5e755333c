package org.pidlink.app.accounts;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.pidlink.app.orcid.OrcidRegistrations;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/** What the researcher lets pidlink do: auto-update, public profile, access level, connect and disconnect. */
@Controller
class SettingsController {

    private final SignedIn signedIn;
    private final WritePermissions permissions;
    private final Disconnections disconnections;
    private final OrcidRegistrations registrations;
    private final SettingsChanges changes;

    SettingsController(SignedIn signedIn, WritePermissions permissions, Disconnections disconnections,
                       OrcidRegistrations registrations, SettingsChanges changes) {
        this.signedIn = signedIn;
        this.permissions = permissions;
        this.disconnections = disconnections;
        this.registrations = registrations;
        this.changes = changes;
    }

    /** One line of the permissions table: a registration the researcher grants, and her grant if any. */
    record PermissionLine(String registrationId, String purpose, StoredPermission granted) {
    }

    @GetMapping("/settings")
    String settings(Authentication authentication, Model model) {
        Researcher researcher = signedIn.researcher(authentication);
        return show(researcher, new SettingsForm(researcher.autoUpdate(), researcher.publicProfile(),
                researcher.accessLevel().name()), model);
    }

    @PostMapping("/settings")
    String save(Authentication authentication, @RequestParam(defaultValue = "false") boolean autoUpdate,
                @RequestParam(defaultValue = "false") boolean publicProfile,
                @RequestParam(required = false) String accessLevel, Model model, HttpServletResponse response,
                RedirectAttributes redirect) {
        Researcher researcher = signedIn.researcher(authentication);
        SettingsForm form = new SettingsForm(autoUpdate, publicProfile, accessLevel);
        Optional<AccessLevel> level = Arrays.stream(AccessLevel.values())
                .filter(l -> l.name().equals(form.accessLevel())).findFirst();
        if (level.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("formError", "Choose what pidlink may do with your iD: \"" + form.accessLevel()
                    + "\" is not one of the choices. Nothing was saved.");
            return show(researcher, form, model);
        }
        changes.save(researcher, new ResearcherSettings(form.autoUpdate(), form.publicProfile(), level.get()));
        redirect.addFlashAttribute("notice", "Your settings are saved.");
        return "redirect:/settings";
    }

    @PostMapping("/settings/disconnect")
    String disconnect(Authentication authentication, @RequestParam(defaultValue = "false") boolean removeWorks,
                      @RequestParam(defaultValue = "false") boolean confirmed, Model model,
                      HttpServletResponse response, RedirectAttributes redirect) {
        Researcher researcher = signedIn.researcher(authentication);
        if (!confirmed) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("disconnectError", "pidlink is still connected: tick \"Yes, disconnect pidlink from my"
                    + " ORCID record\" to confirm. Nothing was changed.");
            return show(researcher, new SettingsForm(researcher.autoUpdate(), researcher.publicProfile(),
                    researcher.accessLevel().name()), model);
        }
        Disconnections.Outcome outcome = disconnections.disconnect(researcher, removeWorks);
        String notice = outcome.erased() == 0 ? "pidlink held no permission for your ORCID record."
                : "pidlink is disconnected from your ORCID record"
                        + (removeWorks ? " and removes the works it added." : "; the works it added stay on your record.");
        if (!outcome.unrevoked().isEmpty()) {
            notice += " ORCID could not be reached to revoke the permission; pidlink erased its copy, so nobody can use"
                    + " it, but pidlink may still be listed under trusted parties in your ORCID account until you remove it there.";
        }
        redirect.addFlashAttribute("notice", notice);
        return "redirect:/settings";
    }

    private String show(Researcher researcher, SettingsForm form, Model model) {
        List<StoredPermission> held = permissions.of(researcher);
        List<PermissionLine> lines = registrations.distinct().stream()
                .map(id -> new PermissionLine(id, purpose(id), held.stream()
                        .filter(p -> p.registrationId().equals(id)).findFirst().orElse(null)))
                .toList();
        model.addAttribute("researcher", researcher);
        model.addAttribute("form", form);
        model.addAttribute("accessLevels", AccessLevel.values());
        model.addAttribute("permissionLines", lines);
        model.addAttribute("connected", !held.isEmpty());
        return "accounts/settings";
    }

    private String purpose(String registrationId) {
        if (registrations.shared()) {
            return "Add, update and remove works on your ORCID record";
        }
        return OrcidRegistrations.AUTO_UPDATE.equals(registrationId)
                ? "Auto-update: add works found in DOI metadata that name your iD"
                : "Search & link: add works you claim yourself";
    }
}
