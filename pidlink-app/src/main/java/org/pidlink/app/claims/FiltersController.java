package org.pidlink.app.claims;

import java.util.List;

import org.pidlink.app.accounts.Researcher;
import org.pidlink.app.accounts.SignedIn;
import org.pidlink.app.admin.TypeMappings;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /settings/works}: what pidlink sends to her ORCID record, her write mode and her filters. A change is
 * previewed first (what it removes from and adds to her record, counted from her claims), then saved, and applied
 * at once (continuous sync).
 */
@Controller
class FiltersController {

    private final SignedIn signedIn;
    private final ResearcherFilters filters;
    private final TypeMappings types;

    FiltersController(SignedIn signedIn, ResearcherFilters filters, TypeMappings types) {
        this.signedIn = signedIn;
        this.filters = filters;
        this.types = types;
    }

    @GetMapping("/settings/works")
    String show(Authentication authentication, Model model) {
        Researcher researcher = signedIn.researcher(authentication);
        ResearcherFilters.InForce inForce = filters.of(researcher.orcid());
        List<String> allTypes = FilterForm.workTypes(types);
        return page(model, inForce, FilterForm.of(inForce.filters(), allTypes), filters.reviewFirst(researcher.orcid()),
                allTypes);
    }

    /** {@code action=preview} shows what the change would do; {@code action=save} saves and applies it. */
    @PostMapping("/settings/works")
    String post(Authentication authentication, @RequestParam(defaultValue = "preview") String action,
                @RequestParam(defaultValue = "false") boolean reviewFirst,
                @RequestParam(required = false) List<String> workTypes,
                @RequestParam(defaultValue = "false") boolean findableOnly,
                @RequestParam(defaultValue = "false") boolean excludeVersions,
                @RequestParam(defaultValue = "false") boolean creatorOnly,
                @RequestParam(defaultValue = "") String yearFloor, Model model, HttpServletResponse response,
                RedirectAttributes redirect) {
        Researcher researcher = signedIn.researcher(authentication);
        ResearcherFilters.InForce inForce = filters.of(researcher.orcid());
        List<String> allTypes = FilterForm.workTypes(types);
        FilterForm form = new FilterForm(workTypes, findableOnly, excludeVersions, creatorOnly, yearFloor);
        FilterForm.Checked checked = form.check(allTypes, inForce.locked());
        if (!"preview".equals(action) && !"save".equals(action)) {
            checked = new FilterForm.Checked(null, List.of("\"" + action + "\" is neither preview nor save."));
        }
        if (checked.filters() == null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("formErrors", checked.problems());
            return page(model, inForce, form, reviewFirst, allTypes);
        }
        if ("save".equals(action)) {
            filters.save(researcher.orcid(), checked.filters(), reviewFirst);
            redirect.addFlashAttribute("notice", "Saved. pidlink is bringing your ORCID record in line with your"
                    + " choices now; your list of works on your profile shows each change as it happens.");
            return "redirect:/settings/works";
        }
        FilterPreview preview = filters.preview(researcher.orcid(), checked.filters(), reviewFirst);
        model.addAttribute("preview", preview);
        // A locked filter shows the institution's value, which is what saving keeps.
        WorkFilters shown = checked.filters().within(inForce.filters(), inForce.locked());
        return page(model, inForce, FilterForm.of(shown, allTypes), reviewFirst, allTypes);
    }

    private static String page(Model model, ResearcherFilters.InForce inForce, FilterForm form, boolean reviewFirst,
                               List<String> allTypes) {
        model.addAttribute("inForce", inForce);
        model.addAttribute("form", form);
        model.addAttribute("reviewFirst", reviewFirst);
        model.addAttribute("allTypes", allTypes);
        return "claims/filters";
    }
}
