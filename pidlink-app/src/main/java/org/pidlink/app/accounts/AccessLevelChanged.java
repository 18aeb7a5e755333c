package org.pidlink.app.accounts;

import org.pidlink.core.identifiers.OrcidId;

/** A researcher chose another access level: writes held while she allowed no writing may go now, or must wait. */
public record AccessLevelChanged(OrcidId orcid, AccessLevel level) {
}
