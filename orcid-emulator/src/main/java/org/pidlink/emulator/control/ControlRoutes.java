package org.pidlink.emulator.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.pidlink.emulator.EmulatorContext;
import org.pidlink.emulator.EmulatorModule;
import org.pidlink.emulator.http.HttpProblem;
import org.pidlink.emulator.http.ProblemJson;
import org.pidlink.emulator.http.Request;
import org.pidlink.emulator.http.Response;
import org.pidlink.emulator.http.RouteHandler;
import org.pidlink.emulator.http.RouteKind;
import org.pidlink.emulator.http.Routes;
import org.pidlink.emulator.state.IssuedToken;
import org.pidlink.emulator.state.KnownOrganization;
import org.pidlink.emulator.state.Researcher;
import org.pidlink.emulator.token.TokenResponses;
import org.pidlink.emulator.traffic.Faults;
import org.pidlink.emulator.traffic.RequestLog;
import org.pidlink.emulator.traffic.WorkLimitRefusals;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /_emulator/}: the control API over HTTP, JSON in and out. Mounted only when the settings ask for it
 * (always for {@code ./pidlink emulator}). Errors are {@code application/problem+json}.
 */
public final class ControlRoutes implements EmulatorModule {

    private final EmulatorControl control;
    private Supplier<JsonMapper> json;
    private EmulatorContext context;

    public ControlRoutes(EmulatorControl control) {
        this.control = control;
    }

    @Override
    public void register(Routes routes, EmulatorContext ctx) {
        this.json = ctx::json;
        this.context = ctx;
        routes.post("/_emulator/clients", RouteKind.CONTROL, guard(this::createClient));
        routes.get("/_emulator/clients", RouteKind.CONTROL, guard(r -> ok(control.state().clients().stream()
                .map(c -> Map.of("clientId", c.clientId(), "name", c.name(), "redirectUris", c.redirectUris(),
                        "member", c.member(), "premium", c.premium())).toList())));
        routes.post("/_emulator/researchers", RouteKind.CONTROL, guard(this::createResearcher));
        routes.get("/_emulator/researchers", RouteKind.CONTROL, guard(r -> ok(control.researchers())));
        routes.get("/_emulator/researchers/{orcid}", RouteKind.CONTROL,
                guard(r -> ok(control.researcher(r.pathVariable("orcid")))));
        routes.post("/_emulator/tokens", RouteKind.CONTROL, guard(this::token));
        routes.post("/_emulator/authorization-codes", RouteKind.CONTROL, guard(this::authorizationCode));
        routes.post("/_emulator/researchers/{orcid}/revoke", RouteKind.CONTROL, guard(this::revoke));
        routes.delete("/_emulator/researchers/{orcid}/works/{putCode}", RouteKind.CONTROL, guard(this::deleteWork));
        routes.post("/_emulator/researchers/{orcid}/works", RouteKind.CONTROL, guard(this::addOwnWork));
        routes.get("/_emulator/researchers/{orcid}/works", RouteKind.CONTROL,
                guard(r -> ok(control.works(r.pathVariable("orcid")).stream().map(WorkInfo::of).toList())));
        routes.get("/_emulator/work-limit", RouteKind.CONTROL, guard(r -> ok(Map.of("refusedWorks", context.shared(WorkLimitRefusals.class, WorkLimitRefusals::new).works()))));
        routes.get("/_emulator/researchers/{orcid}/affiliations", RouteKind.CONTROL,
                guard(r -> ok(control.affiliations(r.pathVariable("orcid")).stream().map(AffiliationInfo::of).toList())));
        routes.delete("/_emulator/researchers/{orcid}/affiliations/{putCode}", RouteKind.CONTROL,
                guard(this::deleteAffiliation));
        routes.get("/_emulator/organizations", RouteKind.CONTROL, guard(r -> ok(control.organizations())));
        routes.post("/_emulator/organizations", RouteKind.CONTROL, guard(this::addOrganization));
        routes.put("/_emulator/researchers/{orcid}/state", RouteKind.CONTROL, guard(this::setState));
        routes.put("/_emulator/researchers/{orcid}/default-visibility", RouteKind.CONTROL, guard(r -> {
            control.setDefaultVisibility(r.pathVariable("orcid"), text(body(r), "visibility", true));
            return ok(control.researcher(r.pathVariable("orcid")));
        }));
        routes.put("/_emulator/rate-limit", RouteKind.CONTROL, guard(this::rateLimit));
        routes.get("/_emulator/rate-limit", RouteKind.CONTROL, guard(r -> ok(control.rateLimit())));
        routes.put("/_emulator/faults", RouteKind.CONTROL, guard(this::faults));
        routes.get("/_emulator/faults", RouteKind.CONTROL, guard(r -> ok(control.faults())));
        routes.get("/_emulator/stats", RouteKind.CONTROL, guard(r -> ok(control.stats())));
        routes.get("/_emulator/requests", RouteKind.CONTROL, guard(this::requests));
        routes.post("/_emulator/reset", RouteKind.CONTROL, guard(r -> {
            control.reset();
            return Response.empty(204);
        }));
    }

    private Response createClient(Request r) {
        JsonNode b = body(r);
        List<String> uris = new ArrayList<>();
        JsonNode u = b.get("redirectUris");
        if (u != null && u.isArray()) {
            u.forEach(n -> uris.add(n.asString()));
        }
        ClientInfo c = control.createClient(new ClientSpec(text(b, "clientId", false), text(b, "clientSecret", false),
                text(b, "name", false), uris, bool(b, "member", true), bool(b, "premium", false)));
        return created(c);
    }

    private Response createResearcher(Request r) {
        JsonNode b = body(r);
        ResearcherInfo info = control.createResearcher(new ResearcherSpec(text(b, "givenNames", true),
                text(b, "familyName", false), text(b, "email", false), text(b, "password", false),
                text(b, "creditName", false), text(b, "orcid", false), text(b, "defaultVisibility", false)));
        return created(info).withHeader("Location", context.baseUrl() + "/_emulator/researchers/" + info.orcid());
    }

    private Response token(Request r) {
        JsonNode b = body(r);
        String orcid = text(b, "orcid", false);
        IssuedToken t = control.issueToken(orcid, text(b, "clientId", true), text(b, "scope", true));
        Researcher researcher = orcid == null ? null : control.state().researcher(orcid).orElseThrow();
        ObjectNode n = TokenResponses.body(json.get(), t, researcher, null, control.state().now());
        return Response.json(200, n.toString());
    }

    private Response authorizationCode(Request r) {
        JsonNode b = body(r);
        String code = control.authorizationCode(text(b, "clientId", true), text(b, "orcid", true),
                text(b, "scope", true), text(b, "redirectUri", false), text(b, "nonce", false));
        return ok(Map.of("code", code));
    }

    private Response revoke(Request r) {
        int n = control.revoke(r.pathVariable("orcid"), text(body(r), "clientId", true));
        return ok(Map.of("revokedTokens", n));
    }

    private Response deleteWork(Request r) {
        long putCode = putCode(r);
        if (!control.deleteWork(r.pathVariable("orcid"), putCode)) {
            throw new UnknownEntityException("no work " + putCode + " on " + r.pathVariable("orcid"));
        }
        return Response.empty(204);
    }

    /** The researcher adds a work herself on orcid.org: {@code {title, doi}} → {@code {putCode}} (self-asserted). */
    private Response addOwnWork(Request r) {
        JsonNode b = body(r);
        long putCode = control.addWorkAsResearcher(r.pathVariable("orcid"), text(b, "title", true), text(b, "doi", true));
        return ok(Map.of("putCode", putCode));
    }

    private Response deleteAffiliation(Request r) {
        long putCode = putCode(r);
        if (!control.deleteAffiliation(r.pathVariable("orcid"), putCode)) {
            throw new UnknownEntityException("no affiliation " + putCode + " on " + r.pathVariable("orcid"));
        }
        return Response.empty(204);
    }

    private static long putCode(Request r) {
        try {
            return Long.parseLong(r.pathVariable("putCode"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("put-code must be a number");
        }
    }

    private Response addOrganization(Request r) {
        JsonNode b = body(r);
        KnownOrganization org = control.addOrganization(new KnownOrganization(text(b, "source", true),
                text(b, "identifier", true), text(b, "name", true), text(b, "city", false), text(b, "region", false),
                text(b, "country", false)));
        return created(org);
    }

    private Response setState(Request r) {
        JsonNode b = body(r);
        control.setState(r.pathVariable("orcid"), text(b, "state", true), text(b, "primaryOrcid", false));
        return ok(control.researcher(r.pathVariable("orcid")));
    }

    private Response rateLimit(Request r) {
        JsonNode b = body(r);
        JsonNode ps = b.get("perSecond");
        if (ps == null || !ps.isNumber()) {
            throw new IllegalArgumentException("perSecond (a number; 0 turns rate limiting off) is required");
        }
        JsonNode burst = b.get("burst");
        control.rateLimit(ps.asDouble(), burst == null || burst.isNull() ? (int) Math.ceil(ps.asDouble()) : burst.asInt());
        return ok(control.rateLimit());
    }

    private Response faults(Request r) {
        JsonNode b = body(r);
        List<Integer> statuses = new ArrayList<>();
        JsonNode s = b.get("statuses");
        if (s != null && s.isArray()) {
            s.forEach(n -> statuses.add(n.asInt()));
        }
        JsonNode seed = b.get("seed");
        Faults f = new Faults(number(b, "errorRate"), statuses, (long) number(b, "latencyMs"),
                number(b, "dropConnectionRate"), seed == null || seed.isNull() ? null : seed.asLong(),
                Faults.ErrorBody.fromJson(text(b, "errorBody", false)));
        control.faults(f);
        return ok(f);
    }

    private Response requests(Request r) {
        int limit = 100;
        String l = r.query("limit");
        if (l != null) {
            try {
                limit = Integer.parseInt(l);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("limit must be a number");
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (RequestLog.Entry e : control.requests(Math.max(0, limit))) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("at", e.at().toString());
            m.put("clientId", e.clientId());
            m.put("method", e.method());
            m.put("path", e.path());
            m.put("template", e.template());
            m.put("status", e.status());
            m.put("micros", e.micros());
            out.add(m);
        }
        return ok(out);
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    private RouteHandler guard(RouteHandler h) {
        return r -> {
            try {
                return h.handle(r);
            } catch (UnknownEntityException e) {
                return problem(404, "Not Found", e.getMessage());
            } catch (IllegalArgumentException e) {
                return problem(400, "Bad Request", e.getMessage());
            }
        };
    }

    private static Response problem(int status, String title, String detail) {
        return ProblemJson.of(status, title, detail);
    }

    private JsonNode body(Request r) {
        if (r.body().length == 0) {
            return json.get().createObjectNode();
        }
        try {
            JsonNode n = json.get().readTree(r.body());
            if (!n.isObject()) {
                throw new HttpProblem(problem(400, "Bad Request", "the body must be a JSON object"));
            }
            return n;
        } catch (JacksonException e) {
            throw new HttpProblem(problem(400, "Bad Request", "the body is not valid JSON: " + e.getOriginalMessage()));
        }
    }

    private static String text(JsonNode b, String field, boolean required) {
        JsonNode n = b.get(field);
        if (n == null || n.isNull()) {
            if (required) {
                throw new IllegalArgumentException(field + " is required");
            }
            return null;
        }
        if (!n.isString()) {
            throw new IllegalArgumentException(field + " must be a string");
        }
        return n.asString();
    }

    private static boolean bool(JsonNode b, String field, boolean dflt) {
        JsonNode n = b.get(field);
        return n == null || n.isNull() ? dflt : n.asBoolean();
    }

    private static double number(JsonNode b, String field) {
        JsonNode n = b.get(field);
        if (n == null || n.isNull()) {
            return 0;
        }
        if (!n.isNumber()) {
            throw new IllegalArgumentException(field + " must be a number");
        }
        return n.asDouble();
    }

    private Response ok(Object value) {
        return Response.json(200, json.get().writeValueAsBytes(value));
    }

    private Response created(Object value) {
        return Response.json(201, json.get().writeValueAsBytes(value));
    }
}
