package org.pidlink.emulator.oauth;

import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.pidlink.emulator.api.ApiException;
import org.pidlink.emulator.api.OrcidError;
import org.pidlink.emulator.api.OrcidErrors;
import org.pidlink.emulator.http.Request;
import org.pidlink.emulator.http.Response;
import org.pidlink.emulator.http.RouteHandler;
import org.pidlink.emulator.state.EmulatorState;
import org.pidlink.emulator.state.Researcher;
import org.pidlink.emulator.state.Token;
import org.pidlink.emulator.token.OAuthErrors;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The checks in front of ORCID's client-credentials APIs (webhooks, notification-permission): the bearer
 * filter (no token 403 {@code forbidden}, bad token 401 {@code invalid_token}, orcid-api.md §2.4), the scope
 * (403/9038), the record (404/9016, deprecated 409/9007, locked 409/9018, deactivated 409/9044), and ORCID's
 * five-field error in XML or JSON.
 */
public final class PremiumApiGate {

    private static final Pattern ORCID_ID = Pattern.compile("\\d{4}-\\d{4}-\\d{4}-\\d{3}[\\dX]");
    private static final XMLOutputFactory XML_OUT = XMLOutputFactory.newFactory();
    private static final String ERROR_NS = "http://www.orcid.org/ns/error";

    private final EmulatorState state;
    private final OrcidErrors errors;
    private final Supplier<JsonMapper> json;

    /** One API call that passed the gate. */
    public record Call(Request request, MediaType out, Token token, Researcher researcher) {
    }

    /** A handler behind the gate; may throw {@link ApiException}. */
    @FunctionalInterface
    public interface Handler {
        Response handle(Call call);
    }

    public PremiumApiGate(EmulatorState state, OrcidErrors errors, Supplier<JsonMapper> json) {
        this.state = state;
        this.errors = errors;
        this.json = json;
    }

    public OrcidErrors errors() {
        return errors;
    }

    /**
     * Wraps {@code handler}: token with {@code scope}, then the record named by the path variable {@code orcid}
     * ({@code unknownRecordCode}: ORCID's error code when there is no such record; it differs between APIs).
     */
    public RouteHandler guard(String scope, int unknownRecordCode, Handler handler) {
        return request -> {
            MediaType negotiated = MediaType.negotiate(request.header("Accept"));
            MediaType out = negotiated == null ? MediaType.XML : negotiated;
            try {
                Token token = bearer(request);
                if (negotiated == null) {
                    throw errors.exception(406, 9001, "HTTP 406 Not Acceptable");
                }
                if (!token.hasScope(scope)) {
                    throw errors.exception(403, 9038, null);
                }
                Researcher r = record(request.pathVariable("orcid"), unknownRecordCode);
                return handler.handle(new Call(request, out, token, r));
            } catch (ApiException e) {
                return render(out, e.error());
            }
        };
    }

    private Token bearer(Request r) {
        String value = OpenIdConnect.bearer(r);
        if (value == null) {
            throw OAuthErrors.problem(403, "forbidden",
                    "Forbidden: The server understood the request but refuses to authorize it.");
        }
        return state.tokenByAccess(value).filter(t -> t.active(state.now()))
                .orElseThrow(() -> OAuthErrors.problem(401, "invalid_token", "Invalid access token: " + value));
    }

    private Researcher record(String orcid, int unknownCode) {
        Researcher r = orcid != null && ORCID_ID.matcher(orcid).matches() ? state.researcher(orcid).orElse(null) : null;
        if (r == null) {
            throw errors.exception(404, unknownCode, "ORCID iD " + orcid + " not found");
        }
        return switch (r.state()) {
            case ACTIVE -> r;
            case DEPRECATED -> throw errors.exception(409, 9007, null, Map.of(
                    "orcid", "https://orcid.org/" + r.primaryOrcid(), "deprecated_orcid", "https://orcid.org/" + orcid));
            case LOCKED -> throw errors.exception(409, 9018, null, Map.of("orcid", orcid));
            case DEACTIVATED -> throw errors.exception(409, 9044, null);
        };
    }

    /** ORCID's error body in the negotiated type. */
    public Response render(MediaType out, OrcidError e) {
        if (out == MediaType.JSON) {
            ObjectNode n = json.get().createObjectNode();
            n.put("response-code", e.responseCode());
            n.put("developer-message", e.developerMessage());
            n.put("user-message", e.userMessage());
            n.put("error-code", e.errorCode());
            n.put("more-info", e.moreInfo());
            return Response.of(e.responseCode(), out.contentType(), json.get().writeValueAsBytes(n));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try {
            XMLStreamWriter w = XML_OUT.createXMLStreamWriter(bytes, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.setPrefix("error", ERROR_NS);
            w.writeStartElement(ERROR_NS, "error");
            w.writeNamespace("error", ERROR_NS);
            leaf(w, "response-code", Integer.toString(e.responseCode()));
            leaf(w, "developer-message", e.developerMessage());
            leaf(w, "user-message", e.userMessage());
            leaf(w, "error-code", Integer.toString(e.errorCode()));
            leaf(w, "more-info", e.moreInfo());
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException ex) {
            throw new IllegalStateException(ex);
        }
        return Response.of(e.responseCode(), out.contentType(), bytes.toByteArray());
    }

    private static void leaf(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        w.writeStartElement(ERROR_NS, name);
        w.writeCharacters(value);
        w.writeEndElement();
    }
}
