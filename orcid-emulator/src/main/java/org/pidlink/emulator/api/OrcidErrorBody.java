package org.pidlink.emulator.api;

import org.pidlink.emulator.http.Response;
import org.pidlink.emulator.schema.XmlOut;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * ORCID's five-field error ({@code response-code, developer-message, user-message, error-code, more-info},
 * orcid-api.md §4.1) in JSON or in the {@code error} namespace: one writer for every API (member, webhooks,
 * notification-permission) and for the errors inside a bulk response.
 */
public final class OrcidErrorBody {

    private OrcidErrorBody() {
    }

    /** The error as the whole response, in the negotiated type, with its status. */
    public static Response response(Format.Negotiated out, OrcidError e, JsonMapper json) {
        byte[] body;
        if (out.format() == Format.JSON) {
            body = json.writeValueAsBytes(json(json, e));
        } else {
            XmlOut x = new XmlOut();
            xml(x, e);
            body = x.toBytes();
        }
        return Response.of(e.responseCode(), out.contentType(), body);
    }

    static ObjectNode json(JsonMapper json, OrcidError e) {
        ObjectNode n = json.createObjectNode();
        n.put("response-code", e.responseCode());
        n.put("developer-message", e.developerMessage());
        n.put("user-message", e.userMessage());
        n.put("error-code", e.errorCode());
        n.put("more-info", e.moreInfo());
        return n;
    }

    static void xml(XmlOut x, OrcidError e) {
        x.start(XmlOut.ERROR, "error");
        x.leaf(XmlOut.ERROR, "response-code", Integer.toString(e.responseCode()));
        x.leaf(XmlOut.ERROR, "developer-message", e.developerMessage());
        x.leaf(XmlOut.ERROR, "user-message", e.userMessage());
        x.leaf(XmlOut.ERROR, "error-code", Integer.toString(e.errorCode()));
        x.leaf(XmlOut.ERROR, "more-info", e.moreInfo());
        x.end();
    }
}
