package org.pidlink.app.intake.api;

import java.util.EnumSet;
import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** For administrators: the API keys of metadata sources; create one (shown once) or revoke one. */
@Controller
class ApiKeysAdminController {

    private final ApiKeys keys;

    ApiKeysAdminController(ApiKeys keys) {
        this.keys = keys;
    }

    @GetMapping("/admin/api-keys")
    String list(Model model) {
        model.addAttribute("keys", keys.all());
        return "intake/api-keys";
    }

    @PostMapping("/admin/api-keys")
    String create(@RequestParam String source, @RequestParam(required = false) String label,
                  @RequestParam(required = false) List<String> permissions, Authentication admin, Model model) {
        EnumSet<ApiPermission> granted = EnumSet.noneOf(ApiPermission.class);
        (permissions == null ? List.of(ApiPermission.DOIS.value()) : permissions).forEach(p -> java.util.Arrays
                .stream(ApiPermission.values()).filter(a -> a.value().equals(p)).forEach(granted::add));
        if (source == null || source.isBlank()) {
            model.addAttribute("error", "Name the source that will use the key (e.g. a repository or a DOI registrar).");
        } else if (granted.isEmpty()) {
            model.addAttribute("error", "Choose what the key may do: send DOI metadata, upload affiliations or both.");
        } else {
            model.addAttribute("created", keys.create(source, label, admin.getName(), granted));
        }
        return list(model);
    }

    @PostMapping("/admin/api-keys/{id}/revoke")
    String revoke(@PathVariable long id, Model model) {
        model.addAttribute("notice", keys.revoke(id) ? "The key is revoked: calls with it are refused from now on."
                : "That key was already revoked.");
        return list(model);
    }
}
