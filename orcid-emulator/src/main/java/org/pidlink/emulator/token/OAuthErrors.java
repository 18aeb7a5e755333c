package org.pidlink.emulator.token;

import org.pidlink.emulator.http.HttpProblem;
import org.pidlink.emulator.http.Json;
import org.pidlink.emulator.http.Response;
import tools.jackson.databind.node.ObjectNode;

/** OAuth-layer error bodies (orcid-api.md §2.2, §2.4): {@code {"error":…,"error_description":…}}. */
public final class OAuthErrors {

    private OAuthErrors() {
    }

    public static HttpProblem problem(int status, String error, String description) {
        return new HttpProblem(response(status, error, description));
    }

    public static Response response(int status, String error, String description) {
        ObjectNode body = Json.mapper().createObjectNode();
        if (error.equals("invalid_client")) {
            // Observed key order for this one on the sandbox (orcid-api.md §2.2).
            body.put("error_description", description);
            body.put("error", error);
        } else {
            body.put("error", error);
            body.put("error_description", description);
        }
        return Response.json(status, Json.mapper().writeValueAsBytes(body)).withHeader("Cache-Control", "no-store");
    }
}
