package org.pidlink.app.claims;

import org.jspecify.annotations.Nullable;

/**
 * What "Sync now" set going, so the page can say it truthfully.
 *
 * @param writing    writes to ORCID that run now, ahead of other researchers'
 * @param held       writes that still may not run
 * @param heldReason why the first of them waits (e.g. the access level she chose), or null when none waits
 */
public record SyncOutcome(long writing, long held, @Nullable String heldReason) {
}
