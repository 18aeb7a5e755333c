package org.pidlink.app.orcid;

import org.pidlink.orcid.client.OrcidClient;

/**
 * Customizes the ORCID clients this feature builds for pidlink's registrations, before they are built: the push
 * feature plugs in ORCID's shared rate limit and the call audit this way, so that every call of every feature passes
 * them. Declare one as a bean; all of them are applied, in their order.
 */
@FunctionalInterface
public interface OrcidClientCustomizer {

    void customize(OrcidClient.Builder builder);
}
