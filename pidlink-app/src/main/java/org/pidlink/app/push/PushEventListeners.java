package org.pidlink.app.push;

import java.time.Duration;

import org.pidlink.app.accounts.ResearcherDisconnected;
import org.pidlink.app.claims.Claims;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A researcher who disconnects and asks for her works to be removed: the deletions are queued and made now, on the
 * publishing thread, while her token still works. It runs in the publisher's flow on purpose: accounts revokes and
 * erases the token only after this returns.
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
