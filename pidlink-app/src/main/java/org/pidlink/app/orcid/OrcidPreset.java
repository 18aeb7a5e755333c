package org.pidlink.app.orcid;

import java.net.URI;

/**
 * Which ORCID pidlink talks to. {@link #EMULATOR} runs an ORCID emulator inside pidlink, with demo researchers,
 * so that {@code ./pidlink serve} works on a laptop with no ORCID credentials.
 */
public enum OrcidPreset {
    EMULATOR(null, null),
    SANDBOX(URI.create("https://sandbox.orcid.org"), URI.create("https://api.sandbox.orcid.org")),
    PRODUCTION(URI.create("https://orcid.org"), URI.create("https://api.orcid.org"));

    private final URI oauthBase;
    private final URI apiBase;

    OrcidPreset(URI oauthBase, URI apiBase) {
        this.oauthBase = oauthBase;
        this.apiBase = apiBase;
    }

    /** ORCID's OAuth/OIDC host, which is also the OIDC issuer; null for the emulator (known once it runs). */
    URI oauthBase() {
        return oauthBase;
    }

    /** The member API host without version; null for the emulator. */
    URI apiBase() {
        return apiBase;
    }
}
