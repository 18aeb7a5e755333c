package org.pidlink.core.metadata;

import org.pidlink.core.PidlinkException;

/**
 * A document, or one record of it, that cannot be read. {@link MetadataReader} catches these and reports them as
 * {@link ReadError}s; they escape only from the format-specific readers.
 */
public final class MetadataReadException extends PidlinkException {

    private final String location;

    public MetadataReadException(String location, String message) {
        super(location + ": " + message);
        this.location = location;
    }

    public MetadataReadException(String location, String message, Throwable cause) {
        super(location + ": " + message, cause);
        this.location = location;
    }

    /** Where, in the form of {@link ReadError#location()}. */
    public String location() {
        return location;
    }

    /** The message without the location. */
    public String reason() {
        String full = getMessage();
        return full.substring(location.length() + 2);
    }

    public ReadError toReadError() {
        return new ReadError(location, reason());
    }
}
