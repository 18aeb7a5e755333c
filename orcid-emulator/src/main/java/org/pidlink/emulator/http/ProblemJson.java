package org.pidlink.emulator.http;

import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/** RFC 9457 {@code application/problem+json}: how the control API answers errors (it is ours, not ORCID's). */
public final class ProblemJson {

    private ProblemJson() {
    }

    public static Response of(int status, String title, String detail) {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("type", "about:blank");
        n.put("title", title);
        n.put("status", status);
        n.put("detail", detail);
        return Response.of(status, "application/problem+json", n.toString());
    }

    /** A control-API path no route serves: 404, or 405 with {@code Allow}. */
    public static Response unserved(Request request, Set<String> allowed) {
        if (allowed.isEmpty()) {
            return of(404, "Not Found", "No control API resource at " + request.path());
        }
        return of(405, "Method Not Allowed", request.method() + " is not allowed here; allowed: "
                + String.join(", ", allowed)).withHeader("Allow", String.join(", ", allowed));
    }
}
