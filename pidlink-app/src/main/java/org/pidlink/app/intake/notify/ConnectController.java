package org.pidlink.app.intake.notify;

import org.pidlink.app.orcid.OrcidRegistrations;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The link in pidlink's ORCID inbox requests. A researcher who is not signed in signs in with ORCID first (the
 * browser's security sends them to sign-in and back here); then ORCID asks them to grant the auto-update
 * permission, after which pidlink writes every claim that waited for them.
 */
@Controller
class ConnectController {

    static final String PATH = "/connect";

    @GetMapping(PATH)
    String connect() {
        return "redirect:/oauth2/authorization/" + OrcidRegistrations.AUTO_UPDATE;
    }
}
