package org.pidlink.app.push;

import java.time.Duration;

import org.pidlink.app.accounts.AutoUpdateChanged;
import org.pidlink.app.accounts.ResearcherDisconnected;
import org.pidlink.app.accounts.WritePermissionGranted;
import org.pidlink.app.accounts.WritePermissionRevoked;
import org.pidlink.app.claims.Claims;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Reacts to the accounts feature's events. They run in the publisher's transaction, so a permission change and
 * the claims it releases or holds commit together.
 */
@Component
class PushEventListeners {

    private static final Logger log = LoggerFactory.getLogger(PushEventListeners.class);
    /** Deleting a researcher's works on disconnection must finish before her token is revoked and erased. */
    private static final Duration REMOVAL_TIMEOUT = Duration.ofMinutes(2);

    private final Claims claims;
    private final PushEngine engine;

    PushEventListeners(Claims claims, PushEngine engine) {
        this.claims = claims;
        this.engine = engine;
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

    /** Disconnected and asked for her works to be removed: delete them now, while her token still works. */
    @EventListener
    void disconnected(ResearcherDisconnected event) {
        if (!event.removeWorks()) {
            return;
        }
        int deletions = claims.removeAllFromOrcid(event.orcid());
        if (deletions > 0 && !engine.drain(event.orcid(), REMOVAL_TIMEOUT)) {
            log.warn("Not all of {}'s works could be removed from ORCID before disconnecting; see the push queue",
                    event.orcid());
        }
    }
}
