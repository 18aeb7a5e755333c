package org.pidlink.app.accounts;

import org.pidlink.core.identifiers.OrcidId;

/** A researcher disconnected pidlink. Published before pidlink revokes and erases her tokens, so a listener that removes the works pidlink added must do so synchronously (WritePermissions.find still answers during the event). */
public record ResearcherDisconnected(OrcidId orcid, boolean removeWorks) {
}
