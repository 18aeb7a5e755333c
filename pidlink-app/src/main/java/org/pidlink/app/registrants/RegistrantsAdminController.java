package org.pidlink.app.registrants;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.pidlink.app.intake.RegistrantKeys;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * For administrators: register data centres and publishers with their prefixes, give each an API key that reads
 * its own suggestions only and a webhook, and watch the deliveries.
 */
@Controller
class RegistrantsAdminController {

    private static final int LOG_LINES = 100;

    private final RegistrantStore registrants;
    private final RegistrantKeys keys;
    private final Suggestions suggestions;
    private final Outbox outbox;

    RegistrantsAdminController(RegistrantStore registrants, RegistrantKeys keys, Suggestions suggestions,
                               Outbox outbox) {
        this.registrants = registrants;
        this.keys = keys;
        this.suggestions = suggestions;
        this.outbox = outbox;
    }

    @GetMapping("/admin/registrants")
    String list(Model model) {
        model.addAttribute("registrants", registrants.all());
        model.addAttribute("kinds", RegistrantKind.values());
        return "registrants/admin";
    }

    @PostMapping("/admin/registrants")
    String create(@RequestParam String name, @RequestParam RegistrantKind kind,
                  @RequestParam(required = false) String dataciteClientId, @RequestParam String prefixes,
                  @RequestParam(required = false) String webhookUrl, Authentication admin, Model model) {
        RegistrantStore.Created created;
        try {
            created = registrants.create(name, kind, dataciteClientId, prefixes, webhookUrl, admin.getName());
        } catch (RegistrantStore.RefusedException e) {
            model.addAttribute("error", e.getMessage());
            return list(model);
        }
        Registrant registrant = created.registrant();
        RegistrantKeys.IssuedKey key = keys.issue(registrant.keySource(), registrant.name(), admin.getName());
        registrants.setApiKey(registrant.id(), key.id());
        model.addAttribute("createdKey", key.key());
        model.addAttribute("createdSecret", created.webhookSecret());
        model.addAttribute("notice", registrant.name() + " is registered. Give it the API key"
                + (created.webhookSecret() == null ? "" : " and the webhook secret") + " below.");
        return detail(registrant.id(), model);
    }

    @GetMapping("/admin/registrants/{id}")
    String detail(@PathVariable long id, Model model) {
        Registrant registrant = registrants.find(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no registrant " + id));
        model.addAttribute("registrant", registrant);
        model.addAttribute("counts", suggestions.counts(id));
        model.addAttribute("statuses", SuggestionStatus.values());
        model.addAttribute("deliveries", outbox.log(id, LOG_LINES));
        return "registrants/registrant";
    }

    @PostMapping("/admin/registrants/{id}/prefixes")
    String addPrefixes(@PathVariable long id, @RequestParam String prefixes, Model model) {
        try {
            List<String> valid = RegistrantStore.parsePrefixes(prefixes);
            registrants.addPrefixes(id, valid);
            model.addAttribute("notice", "Added " + String.join(", ", valid) + ".");
        } catch (RegistrantStore.RefusedException e) {
            model.addAttribute("error", e.getMessage());
        }
        return detail(id, model);
    }

    @PostMapping("/admin/registrants/{id}/prefixes/remove")
    String removePrefix(@PathVariable long id, @RequestParam String prefix, Model model) {
        model.addAttribute("notice", registrants.removePrefix(id, prefix)
                ? "Removed " + prefix.strip() + ": its DOIs' suggestions stay, no new ones are made."
                : prefix.strip() + " was not this registrant's.");
        return detail(id, model);
    }

    @PostMapping("/admin/registrants/{id}/webhook")
    String webhook(@PathVariable long id, @RequestParam(required = false) @Nullable String webhookUrl, Model model) {
        try {
            String secret = registrants.setWebhook(id, webhookUrl);
            model.addAttribute("createdSecret", secret);
            model.addAttribute("notice", secret == null ? "The webhook is off."
                    : "The webhook is set, with a new secret (below); the old secret no longer signs deliveries.");
        } catch (RegistrantStore.RefusedException e) {
            model.addAttribute("error", e.getMessage());
        }
        return detail(id, model);
    }

    @PostMapping("/admin/registrants/{id}/key")
    String newKey(@PathVariable long id, Authentication admin, Model model) {
        Registrant registrant = registrants.find(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no registrant " + id));
        if (registrant.apiKeyId() != null) {
            keys.revoke(registrant.apiKeyId());
        }
        RegistrantKeys.IssuedKey key = keys.issue(registrant.keySource(), registrant.name(), admin.getName());
        registrants.setApiKey(id, key.id());
        model.addAttribute("createdKey", key.key());
        model.addAttribute("notice", "A new API key replaces the old one, which is revoked.");
        return detail(id, model);
    }
}
