package org.pidlink.app.claims;

import org.pidlink.core.identifiers.OrcidId;

/**
 * Told, inside the transaction that changed them, that a researcher's queued claims changed, so that the
 * push engine reschedules the researcher. Implemented by the push engine.
 */
public interface ClaimQueueListener {

    /** The researcher's queued claims changed (added, rescheduled, held, released). */
    void queueChanged(OrcidId orcid);

    /** The researcher asked for their queued writes to run before everyone else's ("Sync now"). */
    default void syncRequested(OrcidId orcid) {
        queueChanged(orcid);
    }
}
