package org.pidlink.emulator.http;

/** Handles one matched route. Throwing {@link HttpProblem} produces that response. */
@FunctionalInterface
public interface RouteHandler {
    Response handle(Request request) throws Exception;
}
