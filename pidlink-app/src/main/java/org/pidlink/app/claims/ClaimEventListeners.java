package org.pidlink.app.claims;

import org.pidlink.app.accounts.AccessLevelChanged;
import org.pidlink.app.accounts.AutoUpdateChanged;
import org.pidlink.app.accounts.WritePermissionGranted;
import org.pidlink.app.accounts.WritePermissionRevoked;
import org.springframework.context.event.EventListener;

/**
 * Claims follow the researcher's permissions. The accounts events are published inside the transaction that
 * changes the permission, and these listeners run in it, so a permission and the claims it releases or holds
 * commit together.
 */
class ClaimEventListeners {

    private final Claims claims;

    ClaimEventListeners(Claims claims) {
        this.claims = claims;
    }

    /** Permission granted: waiting and paused claims are written (the backfill). */
    @EventListener
    void granted(WritePermissionGranted event) {
        claims.permissionsChanged(event.orcid(), event.registrationId());
    }

    /** Permission revoked: queued claims pause. */
    @EventListener
    void revoked(WritePermissionRevoked event) {
        claims.permissionsChanged(event.orcid(), event.registrationId());
    }

    /** Auto-update on: works found in DOI metadata are written; off: the ones not yet written wait. */
    @EventListener
    void autoUpdateChanged(AutoUpdateChanged event) {
        claims.permissionsChanged(event.orcid(), null);
    }

    /** Back to "Read and write": writes held while she allowed only reading go now; away from it: they wait. */
    @EventListener
    void accessLevelChanged(AccessLevelChanged event) {
        claims.permissionsChanged(event.orcid(), null);
    }
}
