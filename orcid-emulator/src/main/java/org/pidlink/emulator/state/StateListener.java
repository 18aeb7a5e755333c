package org.pidlink.emulator.state;

import java.time.Instant;

/** Told about changes of the state, e.g. by webhooks (a record changed) and the inbox. Must be quick. */
public interface StateListener {

    /** Something on the record changed (a work created, updated or deleted, the state changed...). */
    default void recordChanged(String orcid, Instant at) {
    }

    /** The whole state was reset; drop whatever you keep per record. */
    default void reset() {
    }
}
