package org.pidlink.app.home;

import java.util.List;

import org.pidlink.app.accounts.Administrators;
import org.pidlink.app.orcid.DemoResearchers;
import org.pidlink.app.orcid.EmbeddedOrcid;
import org.pidlink.app.orcid.OrcidPreset;
import org.pidlink.app.orcid.OrcidRegistrations;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The landing page. In a demo (the embedded ORCID emulator) it also tells a visitor how to sign in: the demo
 * researchers, their password, and which of them is an administrator.
 */
@Controller
class HomeController {

    private final OrcidRegistrations registrations;
    private final Administrators administrators;
    private final ObjectProvider<EmbeddedOrcid> emulator;

    HomeController(OrcidRegistrations registrations, Administrators administrators,
                   ObjectProvider<EmbeddedOrcid> emulator) {
        this.registrations = registrations;
        this.administrators = administrators;
        this.emulator = emulator;
    }

    /** A demo researcher as the landing page lists her. */
    record DemoAccount(String name, String email, String orcid, boolean administrator) {
    }

    @GetMapping("/")
    String home(Model model) {
        EmbeddedOrcid embedded = emulator.getIfAvailable();
        if (registrations.preset() == OrcidPreset.EMULATOR && embedded != null) {
            List<DemoAccount> accounts = DemoResearchers.all().stream()
                    .map(r -> new DemoAccount(r.name(), r.email(), r.orcid().value(),
                            administrators.isConfigured(r.orcid())))
                    .toList();
            model.addAttribute("demoAccounts", accounts);
            model.addAttribute("demoPassword", DemoResearchers.PASSWORD);
            model.addAttribute("emulatorUrl", embedded.emulator().baseUrl());
        }
        return "home";
    }
}
