package org.pidlink.emulator.http;

import java.util.Set;

/** Answers a request no route serves: an unknown path, or a known path with another method. */
@FunctionalInterface
public interface UnservedHandler {

    /**
     * @param allowed the methods the path is served with; empty when the path is unknown (404), else 405
     */
    Response handle(Request request, Set<String> allowed);
}
