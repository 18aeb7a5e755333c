package org.pidlink.emulator.oauth;

import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.pidlink.emulator.api.ApiException;
import org.pidlink.emulator.api.Format;
import org.pidlink.emulator.api.OrcidErrorBody;
import org.pidlink.emulator.api.OrcidErrors;
import org.pidlink.emulator.http.Request;
import org.pidlink.emulator.http.Response;
import org.pidlink.emulator.http.RouteHandler;
import org.pidlink.emulator.state.EmulatorState;
import org.pidlink.emulator.state.Researcher;
import org.pidlink.emulator.state.Token;
import org.pidlink.emulator.token.OAuthErrors;
import tools.jackson.databind.json.JsonMapper;

/**
 * The checks in front of ORCID's client-credentials APIs (webhooks, notification-permission): the bearer
 * filter (no token 403 {@code forbidden}, bad token 401 {@code invalid_token}, orcid-api.md §2.4), the scope
 * (403/9038), the record (404/9016, deprecated 409/9007, locked 409/9018, deactivated 409/9044), and ORCID's
 * five-field error in the negotiated type ({@link Format}, as the member API).
 */
public final class PremiumApiGate {

    private static final Pattern ORCID_ID = Pattern.compile("\\d{4}-\\d{4}-\\d{4}-\\d{3}[\\dX]");

    private final EmulatorState state;
    private final OrcidErrors errors;
    private final Supplier<JsonMapper> json;

    /** One API call that passed the gate. */
    public record Call(Request request, Format.Negotiated out, Token token, Researcher researcher) {
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
            Format.Negotiated negotiated = Format.negotiate(request);
            Format.Negotiated out = negotiated == null ? Format.Negotiated.DEFAULT : negotiated;
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
                return OrcidErrorBody.response(out, e.error(), json.get());
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
}
