package org.pidlink.app.claims;

import org.pidlink.core.identifiers.OrcidId;

/**
 * Told, inside the transaction that changed them, that a researcher's queued claims changed, so that the push
 * engine reschedules her. Implemented by the push engine's schedule; it reads her {@link DueWrites} from the
 * {@link ClaimQueue} it is handed, after locking its own row, so concurrent changes always see each other.
 */
public interface ClaimQueueListener {

    /** The researcher's queued claims changed (added, rescheduled, held, released). */
    void queueChanged(OrcidId orcid, ClaimQueue queue);

    /** The researcher asked for her queued writes to run before everyone else's ("Sync now"). */
    default void syncRequested(OrcidId orcid, ClaimQueue queue) {
        queueChanged(orcid, queue);
    }
}
