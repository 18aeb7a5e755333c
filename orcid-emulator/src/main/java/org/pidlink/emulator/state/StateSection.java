package org.pidlink.emulator.state;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Part of the emulator's state that a module keeps itself (the inbox, the webhooks), saved in the state file
 * under {@link #name()} next to the core state. Register with {@link EmulatorState#addSection}.
 */
public interface StateSection {

    /** The key in the state file's {@code sections}; unique per emulator. */
    String name();

    /** What to save: a value Jackson writes as it is (records, lists, maps). Called while the emulator runs. */
    Object snapshot();

    /** Replaces the section's content with what {@link #snapshot()} saved (after a reset of the whole state). */
    void restore(JsonNode saved, JsonMapper json);

    /**
     * Applies one change the section recorded with {@link StateJournal#section} while the emulator ran, on top of
     * what {@link #restore} (or an earlier replay) set; replaying a change twice must leave the same content.
     */
    void replay(JsonNode entry, JsonMapper json);
}
