package org.pidlink.emulator.api;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.pidlink.emulator.EmulatorContext;
import org.pidlink.emulator.EmulatorModule;
import org.pidlink.emulator.http.ProblemJson;
import org.pidlink.emulator.http.Request;
import org.pidlink.emulator.http.Response;
import org.pidlink.emulator.http.RouteKind;
import org.pidlink.emulator.http.Routes;

/**
 * What ORCID's API hosts do with requests no resource serves. A path without a version ({@code /{orcid}/works}) is
 * redirected to {@code /v3.0/…} (302, orcid-api.md §1). Anything else is JAX-RS's {@code NotFoundException} or
 * {@code NotAllowedException}, which ORCID's mapper turns into its five-field error with code 9001 and the exception's
 * status, in the negotiated type (XML without {@code Accept}, §12.3), and without an {@code Allow} header (§12.1). On
 * the member API ({@code /v3.0/…}) the bearer token is checked first, as Spring Security does: no token 403
 * {@code forbidden}, a bad one 401 {@code invalid_token}.
 */
public final class UnservedPaths implements EmulatorModule {

    private static final String UNVERSIONED = "/{orcid}/{rest*}";
    private static final Pattern VERSIONED = Pattern.compile("/v\\d.*");

    private EmulatorContext context;
    private Routes routes;
    private MemberApiGate gate;

    @Override
    public void register(Routes routes, EmulatorContext ctx) {
        this.context = ctx;
        this.routes = routes;
        this.gate = ctx.shared(MemberApiGate.class, () -> new MemberApiGate(ctx, new OrcidErrors()));
        routes.unserved(this::unserved);
        for (String method : List.of("GET", "POST", "PUT", "DELETE")) {
            routes.add(method, UNVERSIONED, RouteKind.API, this::redirectToV3);
        }
    }

    /**
     * {@code allowed} is not used: the unversioned catch-all takes every path under four methods, so the methods a
     * path is really served with are those of the other routes.
     */
    Response unserved(Request r, Set<String> allowed) {
        Set<String> served = routes.allowedMethods(r.path(), UNVERSIONED);
        if (r.path().startsWith("/_emulator/")) {
            return ProblemJson.unserved(r, served); // the control API is ours, not ORCID's
        }
        Format.Negotiated negotiated = Format.negotiate(r);
        Format.Negotiated out = negotiated == null ? Format.Negotiated.DEFAULT : negotiated;
        if (VERSIONED.matcher(r.path()).matches()) {
            gate.bearer(r, false);
        }
        int status = served.isEmpty() ? 404 : 405;
        OrcidError e = gate.errors().error(status, 9001,
                status == 404 ? "HTTP 404 Not Found" : "HTTP 405 Method Not Allowed", Map.of());
        return OrcidErrorBody.response(out, e, context.json());
    }

    private Response redirectToV3(Request r) {
        String orcid = r.pathVariable("orcid");
        if (!MemberApiGate.ORCID_ID.matcher(orcid).matches()) {
            // Not an iD: this catch-all only shadowed a 404, or a 405 for a path known under other methods.
            return unserved(r, Set.of());
        }
        String query = r.rawQuery() == null ? "" : "?" + r.rawQuery();
        return Response.redirect(context.baseUrl() + "/v3.0" + r.path() + query);
    }
}
