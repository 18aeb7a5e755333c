package org.pidlink.app.claims;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads a work's title out of its payload, for display. */
final class WorkTitles {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private WorkTitles() {
    }

    static @Nullable String titleOf(@Nullable String workJson) {
        if (workJson == null) {
            return null;
        }
        try {
            JsonNode title = JSON.readTree(workJson).path("title").path("title").path("value");
            return title.isString() ? title.stringValue() : null;
        } catch (JacksonException e) {
            return null;
        }
    }
}
