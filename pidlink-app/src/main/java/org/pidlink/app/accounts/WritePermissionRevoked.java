package org.pidlink.app.accounts;

import org.pidlink.core.identifiers.OrcidId;

/** ORCID rejected a researcher's token (or she disconnected): the engine pauses her pending writes, it does not fail them. */
public record WritePermissionRevoked(OrcidId orcid, String registrationId) {
}
