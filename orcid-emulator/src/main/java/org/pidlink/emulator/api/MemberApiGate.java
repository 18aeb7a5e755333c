package org.pidlink.emulator.api;

import java.util.Map;
import java.util.regex.Pattern;
import org.pidlink.emulator.EmulatorContext;
import org.pidlink.emulator.http.HttpProblem;
import org.pidlink.emulator.http.Request;
import org.pidlink.emulator.http.Response;
import org.pidlink.emulator.http.RouteHandler;
import org.pidlink.emulator.state.Client;
import org.pidlink.emulator.state.EmulatorState;
import org.pidlink.emulator.state.Researcher;
import org.pidlink.emulator.state.Scopes;
import org.pidlink.emulator.state.Token;
import org.pidlink.emulator.state.Visibility;
import org.pidlink.emulator.token.OAuthErrors;

/**
 * The checks every member- and public-API call passes, in ORCID's order (orcid-api.md §2.4, §3.1, §11.3, §12.4):
 * bearer token (403 {@code forbidden} / 401 {@code invalid_token}, OAuth shapes, always JSON) → content negotiation
 * (406/9001) → the request body when the route reads it early (415, 9001/9047: JAX-RS reads the entity before the
 * resource method runs) → record state (404/9016, 301 or 409/9007, 409/9018, 409/9044) → token for this record and
 * member client (401/9017) → scope (403/9038). Errors are ORCID's five-field error in the negotiated type.
 */
final class MemberApiGate {

    static final Pattern ORCID_ID = Pattern.compile("\\d{4}-\\d{4}-\\d{4}-\\d{3}[\\dX]");

    private final EmulatorContext context;
    private final EmulatorState state;
    private final OrcidErrors errors;

    /**
     * One API call that passed the gate. {@code token} and {@code client} are null for anonymous public-API calls;
     * {@code body} is what the route's early body reader made of the request, else null.
     */
    record Call(Request request, Format.Negotiated out, Token token, Client client, Researcher researcher,
                boolean publicApi, Object body) {
        String orcid() {
            return researcher.orcid();
        }

        String clientName() {
            return client == null ? "" : client.name();
        }
    }

    /** A handler behind the gate; may throw {@link ApiException}. */
    @FunctionalInterface
    interface CallHandler {
        Response handle(Call call);
    }

    /** Reads and schema-checks a request body before the record and scope checks; may throw {@link ApiException}. */
    @FunctionalInterface
    interface BodyReader {
        Object read(Request request);
    }

    MemberApiGate(EmulatorContext context, OrcidErrors errors) {
        this.context = context;
        this.state = context.state();
        this.errors = errors;
    }

    OrcidErrors errors() {
        return errors;
    }

    RouteHandler route(boolean publicApi, boolean write, ActivityScopes scopes, CallHandler handler) {
        return route(publicApi, write, scopes, null, handler);
    }

    /** Wraps {@code handler} in the checks; {@code early} (may be null) reads the body before the record checks. */
    RouteHandler route(boolean publicApi, boolean write, ActivityScopes scopes, BodyReader early,
                       CallHandler handler) {
        return request -> {
            Format.Negotiated out = Format.negotiate(request);
            Format.Negotiated errorOut = out == null ? Format.Negotiated.DEFAULT : out;
            try {
                Token token = bearer(request, publicApi);
                if (out == null) {
                    throw errors.exception(406, 9001, "HTTP 406 Not Acceptable");
                }
                Object body = early == null ? null : early.read(request);
                Researcher r = record(request, write);
                Client client = token == null ? null : state.client(token.clientId()).orElse(null);
                Call call = new Call(request, out, token, client, r, publicApi, body);
                if (!publicApi) {
                    checkTokenForRecord(call, scopes);
                }
                return handler.handle(call);
            } catch (ApiException e) {
                Response resp = OrcidErrorBody.response(errorOut, e.error(), context.json());
                for (var hd : e.headers().entrySet()) {
                    resp = resp.withHeader(hd.getKey(), hd.getValue());
                }
                return resp;
            }
        };
    }

    /**
     * The bearer filter: missing token 403 forbidden, bad token 401 invalid_token. Returns null for an anonymous
     * public-API call. A token the researcher revoked still works for DELETE (§2.4).
     */
    Token bearer(Request r, boolean publicApi) {
        String value = null;
        String auth = r.header("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            value = auth.substring(7).trim();
        } else if (r.query("access_token") != null) {
            value = r.query("access_token");
        }
        if (value == null || value.isEmpty()) {
            if (publicApi) {
                return null;
            }
            throw OAuthErrors.problem(403, "forbidden",
                    "Forbidden: The server understood the request but refuses to authorize it.");
        }
        String presented = value;
        Token looked = r.attribute(Token.class); // the dispatcher already resolved the bearer header
        Token t = looked != null ? looked : state.tokenByAccess(value).orElseThrow(() -> invalidToken(presented));
        if (t.expiredAt(state.now())) {
            throw invalidToken(value);
        }
        if (t.revocation() == Token.Revocation.BY_RESEARCHER && r.method().equals("DELETE")) {
            return t;
        }
        if (t.revocation() != Token.Revocation.NONE) {
            throw invalidToken(value);
        }
        return t;
    }

    private static HttpProblem invalidToken(String value) {
        return OAuthErrors.problem(401, "invalid_token", "Invalid access token: " + value);
    }

    /** Record state (orcid-api.md §3.1 step 1). */
    private Researcher record(Request request, boolean write) {
        String orcid = request.pathVariable("orcid");
        Researcher r = ORCID_ID.matcher(orcid).matches() ? state.researcher(orcid).orElse(null) : null;
        if (r == null) {
            throw errors.exception(404, 9016, "ORCID iD " + orcid + " not found");
        }
        switch (r.state()) {
            case DEPRECATED -> {
                Map<String, String> params = Map.of("orcid", "https://" + JsonViews.HOST + "/" + r.primaryOrcid(),
                        "deprecated_orcid", "https://" + JsonViews.HOST + "/" + orcid);
                if (write) {
                    throw errors.exception(409, 9007, null, params);
                }
                String location = context.baseUrl() + request.path().replace(orcid, r.primaryOrcid());
                throw new ApiException(errors.error(301, 9007, null, params), Map.of("Location", location));
            }
            case LOCKED -> throw errors.exception(409, 9018, null, Map.of("orcid", orcid));
            case DEACTIVATED -> {
                if (write || !request.routeTemplate().endsWith("/record")) {
                    throw errors.exception(409, 9044, null);
                }
            }
            case ACTIVE -> {
            }
        }
        return r;
    }

    /** Token for this record, member client, scope (orcid-api.md §2.4, §2.5). */
    private void checkTokenForRecord(Call call, ActivityScopes scopes) {
        Token t = call.token();
        if (t.orcid() != null && !t.orcid().equals(call.orcid())) {
            throw errors.exception(401, 9017, "Access token is for a different record");
        }
        if (call.client() == null || !call.client().member()) {
            throw errors.exception(401, 9017, "The client application is forbidden to perform the action.");
        }
        boolean ok = switch (call.request().method()) {
            case "POST" -> t.orcid() != null && (t.hasScope(scopes.create()) || t.hasScope(scopes.update()));
            case "PUT", "DELETE" -> t.orcid() != null && t.hasScope(scopes.update());
            default -> t.hasScope(Scopes.READ_PUBLIC) || t.hasScope(scopes.readLimited());
        };
        if (!ok) {
            throw errors.exception(403, 9038, null);
        }
    }

    /**
     * ORCID's visibility filter (orcid-api.md §3.6, §11.6): public items for everyone; the source always sees its
     * own; otherwise the token needs the kind's read-limited scope and the item must not be private.
     */
    boolean visible(Call call, Visibility visibility, String sourceClientId, String readLimitedScope) {
        if (visibility == Visibility.PUBLIC) {
            return true;
        }
        if (call.publicApi() || call.token() == null) {
            return false;
        }
        if (sourceClientId.equals(call.token().clientId())) {
            return true;
        }
        return visibility != Visibility.PRIVATE && call.token().orcid() != null
                && call.token().hasScope(readLimitedScope);
    }

    /** A single item the caller may not see: 9039 on the public API, 9013 if private, else 9038. */
    ApiException hidden(Call call, Visibility visibility) {
        if (call.publicApi()) {
            return errors.exception(403, 9039, null);
        }
        return visibility == Visibility.PRIVATE ? errors.exception(403, 9013, null) : errors.exception(403, 9038, null);
    }

    /** The path's put-code; a non-number is 400/9034. */
    long putCode(Call call) {
        String raw = call.request().pathVariable("putCode");
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw errors.exception(400, 9034, "'" + raw + "' is not a valid put code",
                    Map.of("clientName", call.clientName()));
        }
    }

    /** The body format of a write, from its Content-Type; anything but ORCID's types is 415/9001. */
    Format bodyFormat(Request request) {
        Format in = Format.ofContentType(request.header("Content-Type"));
        if (in == null) {
            throw errors.exception(415, 9001, "HTTP 415 Unsupported Media Type");
        }
        return in;
    }

    String clientName(String clientId) {
        if (ORCID_ID.matcher(clientId).matches()) {
            // A user source: ORCID names the researcher.
            return state.researcher(clientId).map(Researcher::displayName).orElse(clientId);
        }
        return state.client(clientId).map(Client::name).orElse(clientId);
    }

    static Response ok(Call call, byte[] body) {
        return Response.of(200, call.out().contentType(), body);
    }
}
