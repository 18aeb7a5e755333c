package org.pidlink.app.accounts;

import org.pidlink.core.identifiers.OrcidId;

/** A researcher granted pidlink permission to update her ORCID record through a registration; the engine resumes her paused work. */
public record WritePermissionGranted(OrcidId orcid, String registrationId) {
}
