package org.pidlink.emulator.oauth;

import org.pidlink.emulator.state.Scopes;

/** What the consent page tells the researcher each scope allows, in orcid.org's words. */
final class ScopeDescriptions {

    private ScopeDescriptions() {
    }

    static String of(String scope) {
        return switch (scope) {
            case Scopes.OPENID, Scopes.AUTHENTICATE -> "Get your ORCID iD";
            case Scopes.READ_LIMITED -> "Read your information with visibility set to Trusted Organizations";
            case Scopes.ACTIVITIES_UPDATE -> "Add/update your research activities (works, affiliations, etc)";
            case Scopes.PERSON_UPDATE -> "Add/update other information about you (country, keywords, etc.)";
            default -> scope;
        };
    }
}
