package org.pidlink.emulator.http;

/**
 * Unwinds a handler with a ready response (an ORCID error, an OAuth error...). Stackless: it is control flow,
 * and the benchmarks throw it on every refused request.
 */
public final class HttpProblem extends RuntimeException {

    private final transient Response response;

    public HttpProblem(Response response) {
        super(null, null, false, false);
        this.response = response;
    }

    public Response response() {
        return response;
    }
}
