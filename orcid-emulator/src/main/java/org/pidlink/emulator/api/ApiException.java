package org.pidlink.emulator.api;

import java.util.Map;

/** Unwinds a member-API handler with an ORCID error; rendered in the negotiated media type. Stackless. */
public final class ApiException extends RuntimeException {

    private final transient OrcidError error;
    private final transient Map<String, String> headers;

    public ApiException(OrcidError error) {
        this(error, Map.of());
    }

    public ApiException(OrcidError error, Map<String, String> headers) {
        super(error.developerMessage(), null, false, false);
        this.error = error;
        this.headers = Map.copyOf(headers);
    }

    public OrcidError error() {
        return error;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
