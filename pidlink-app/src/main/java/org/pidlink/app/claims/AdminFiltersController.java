package org.pidlink.app.claims;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.pidlink.app.admin.TypeMappings;
import org.pidlink.app.claims.WorkFilters.Filter;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /admin/filters} (administrators only, as all of {@code /admin/**}): the filters researchers start with, and
 * the ones locked for everybody. Saving applies them to every researcher's claims at once.
 */
@Controller
class AdminFiltersController {

    private final ResearcherFilters filters;
    private final TypeMappings types;

    AdminFiltersController(ResearcherFilters filters, TypeMappings types) {
        this.filters = filters;
        this.types = types;
    }

    @GetMapping("/admin/filters")
    String show(Model model) {
        ResearcherFilters.Defaults defaults = filters.defaults();
        List<String> allTypes = FilterForm.workTypes(types);
        return page(model, FilterForm.of(defaults.filters(), allTypes), defaults.locked(), allTypes);
    }

    @PostMapping("/admin/filters")
    String save(@RequestParam(required = false) List<String> workTypes,
                @RequestParam(defaultValue = "false") boolean findableOnly,
                @RequestParam(defaultValue = "false") boolean excludeVersions,
                @RequestParam(defaultValue = "false") boolean creatorOnly,
                @RequestParam(defaultValue = "") String yearFloor,
                @RequestParam(required = false) List<String> locked, Model model, HttpServletResponse response,
                RedirectAttributes redirect) {
        List<String> allTypes = FilterForm.workTypes(types);
        FilterForm form = new FilterForm(workTypes, findableOnly, excludeVersions, creatorOnly, yearFloor);
        List<String> problems = new ArrayList<>();
        EnumSet<Filter> locks = FilterForm.locks(locked, problems);
        FilterForm.Checked checked = form.check(allTypes, EnumSet.noneOf(Filter.class));
        problems.addAll(checked.problems());
        if (!problems.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("formErrors", problems);
            return page(model, form, locks, allTypes);
        }
        int researchers = filters.saveDefaults(new ResearcherFilters.Defaults(checked.filters(), locks));
        redirect.addFlashAttribute("notice", "Saved. "
                + (researchers == 0 ? "No researcher's works change."
                : researchers == 1 ? "pidlink is bringing 1 researcher's ORCID record in line with them now."
                : "pidlink is bringing " + researchers + " researchers' ORCID records in line with them now."));
        return "redirect:/admin/filters";
    }

    private String page(Model model, FilterForm form, java.util.Set<Filter> locked, List<String> allTypes) {
        model.addAttribute("form", form);
        model.addAttribute("locked", locked.stream().map(Enum::name).toList());
        model.addAttribute("allTypes", allTypes);
        model.addAttribute("ownFilters", filters.researchersWithOwnFilters());
        return "claims/admin-filters";
    }
}
