package org.pidlink.emulator.http;

import tools.jackson.databind.json.JsonMapper;

/**
 * The emulator's JSON mapper. A {@link JsonMapper} is immutable and thread-safe, so one per JVM serves every
 * emulator; it is built on first use, not at start, because building Jackson's first mapper (class loading)
 * is the largest part of a cold emulator start. Modules take it as {@code ctx::json} and call it when they
 * write or read JSON.
 */
public final class Json {

    private Json() {
    }

    public static JsonMapper mapper() {
        return Holder.MAPPER;
    }

    private static final class Holder {
        static final JsonMapper MAPPER = JsonMapper.builder().build();
    }
}
