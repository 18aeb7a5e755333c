package org.pidlink.app.accounts;

import org.pidlink.core.identifiers.OrcidId;

/** A researcher turned auto-update on (the engine backfills her works) or off. */
public record AutoUpdateChanged(OrcidId orcid, boolean enabled) {
}
