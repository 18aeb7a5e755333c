package org.pidlink.app.intake.api;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.pidlink.app.intake.DoiOwners;
import org.pidlink.app.intake.DoiOwners.PrefixAssignment;
import org.pidlink.app.intake.IntakeProperties;
import org.pidlink.app.intake.api.ApiKeys.ApiKeyView;
import org.pidlink.app.intake.harvest.DataCiteHarvester;
import org.pidlink.app.intake.kafka.KafkaIntake;
import org.pidlink.core.identifiers.Doi;
import org.pidlink.core.identifiers.ParseResult;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * For administrators: the API keys of metadata sources; create one (shown once) or revoke one; assign DOI prefixes
 * to a key's source, and transfer a DOI from one source to another.
 */
@Controller
class ApiKeysAdminController {

    private final ApiKeys keys;
    private final DoiOwners owners;
    private final IntakeProperties intake;

    ApiKeysAdminController(ApiKeys keys, DoiOwners owners, IntakeProperties intake) {
        this.keys = keys;
        this.owners = owners;
        this.intake = intake;
    }

    @GetMapping("/admin/api-keys")
    String list(Model model) {
        List<ApiKeyView> all = keys.all();
        Map<String, List<String>> prefixes = new TreeMap<>();
        for (PrefixAssignment p : owners.prefixes()) {
            prefixes.computeIfAbsent(p.owner(), o -> new java.util.ArrayList<>()).add(p.prefix());
        }
        model.addAttribute("keys", all);
        model.addAttribute("prefixes", prefixes);
        model.addAttribute("sources", sources(all));
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
    String revoke(@PathVariable long id, @RequestParam(defaultValue = "false") boolean confirmed, Model model) {
        if (!confirmed) {
            model.addAttribute("error", "The key is still active: tick \"Yes, revoke\" beside it to confirm.");
            return list(model);
        }
        model.addAttribute("notice", keys.revoke(id) ? "The key is revoked: calls with it are refused from now on."
                : "That key was already revoked.");
        return list(model);
    }

    @PostMapping("/admin/api-keys/{id}/prefixes")
    String assignPrefix(@PathVariable long id, @RequestParam String prefix, Authentication admin, Model model) {
        ApiKeyView key = keys.find(id).orElse(null);
        if (key == null) {
            model.addAttribute("error", "There is no API key " + id + ".");
            return list(model);
        }
        String owner = ApiKeys.owner(key.source());
        try {
            int moved = owners.assignPrefix(prefix, owner, admin.getName());
            model.addAttribute("notice", "DOIs under " + prefix.strip() + " belong to " + owner + " from now on"
                    + (moved == 0 ? "." : "; " + moved + " DOI(s) pidlink knew under it moved to it."));
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", e.getMessage());
        }
        return list(model);
    }

    @PostMapping("/admin/api-keys/prefixes/remove")
    String unassignPrefix(@RequestParam String prefix, Authentication admin, Model model) {
        model.addAttribute("notice", owners.unassignPrefix(prefix, admin.getName())
                ? "The prefix " + prefix.strip() + " is no longer assigned; its DOIs keep their owners."
                : "The prefix " + prefix.strip() + " was not assigned.");
        return list(model);
    }

    @PostMapping("/admin/api-keys/transfer")
    String transfer(@RequestParam String doi, @RequestParam String owner, Authentication admin, Model model) {
        if (!(Doi.tryParse(doi) instanceof ParseResult.Valid<Doi> valid)) {
            model.addAttribute("error", "'" + doi + "' is not a DOI.");
        } else if (!sources(keys.all()).contains(owner)) {
            model.addAttribute("error", "'" + owner + "' is not a source pidlink takes DOIs from.");
        } else {
            try {
                String previous = owners.transfer(valid.value(), owner, admin.getName());
                model.addAttribute("notice", valid.value().value() + " now belongs to " + owner
                        + (previous == null ? "." : " (it belonged to " + previous + ")."));
            } catch (IllegalArgumentException e) {
                model.addAttribute("error", e.getMessage() + ".");
            }
        }
        return list(model);
    }

    /** Every source a DOI can belong to: the API keys' sources, and the harvest and Kafka topic when they run. */
    private Set<String> sources(List<ApiKeyView> all) {
        Set<String> sources = new TreeSet<>();
        all.stream().filter(ApiKeyView::active).forEach(k -> sources.add(ApiKeys.owner(k.source())));
        if (intake.harvest().enabled()) {
            sources.add(DataCiteHarvester.SOURCE);
        }
        if (intake.kafka().enabled()) {
            sources.add(KafkaIntake.source(intake.kafka().topic()));
        }
        return sources;
    }
}
