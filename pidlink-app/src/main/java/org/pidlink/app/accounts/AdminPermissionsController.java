package org.pidlink.app.accounts;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** For administrators: who holds write permission for which iD. */
@Controller
class AdminPermissionsController {

    private final TokenVault vault;
    private final Researchers researchers;

    AdminPermissionsController(TokenVault vault, Researchers researchers) {
        this.vault = vault;
        this.researchers = researchers;
    }

    record Holding(StoredPermission permission, Researcher holder) {
    }

    @GetMapping("/admin/orcid-permissions")
    String permissions(Model model) {
        List<StoredPermission> all = vault.all();
        Map<Long, Researcher> holders = all.stream().map(StoredPermission::researcherId).distinct()
                .flatMap(id -> researchers.find(id).stream())
                .collect(Collectors.toMap(Researcher::id, Function.identity()));
        model.addAttribute("holdings", all.stream().map(p -> new Holding(p, holders.get(p.researcherId()))).toList());
        return "accounts/admin-permissions";
    }
}
