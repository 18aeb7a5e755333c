package org.pidlink.app.accounts;

import java.util.Objects;

/** What a researcher chose on her settings page. */
public record ResearcherSettings(boolean autoUpdate, boolean publicProfile, AccessLevel accessLevel) {

    public ResearcherSettings {
        Objects.requireNonNull(accessLevel, "accessLevel");
    }
}
