package org.pidlink.core.metadata;

import java.util.Objects;

/**
 * Something in a document that could not be read. The other records of the same document are still returned.
 *
 * @param location where: {@code "line 12, column 4"} (XML), {@code "$.data[3].attributes"} (JSON),
 *                 {@code "record 3 (line 40, column 9)"} (one record of a multi-record XML document) or
 *                 {@code "document"} when the whole input is concerned
 * @param message  what was wrong, in words a person understands
 */
public record ReadError(String location, String message) {

    public ReadError {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return location + ": " + message;
    }
}
