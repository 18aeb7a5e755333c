package org.pidlink.emulator.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.pidlink.core.identifiers.ExternalIdNormalizer;
import org.pidlink.emulator.EmulatorContext;
import org.pidlink.emulator.EmulatorModule;
import org.pidlink.emulator.http.HttpProblem;
import org.pidlink.emulator.http.Request;
import org.pidlink.emulator.http.Response;
import org.pidlink.emulator.http.RouteHandler;
import org.pidlink.emulator.http.RouteKind;
import org.pidlink.emulator.http.Routes;
import org.pidlink.emulator.state.Client;
import org.pidlink.emulator.state.EmulatorState;
import org.pidlink.emulator.state.RecordState;
import org.pidlink.emulator.state.Researcher;
import org.pidlink.emulator.state.Scopes;
import org.pidlink.emulator.state.StoredWork;
import org.pidlink.emulator.state.Token;
import org.pidlink.emulator.state.Visibility;
import org.pidlink.emulator.token.OAuthErrors;
import org.pidlink.emulator.works.JsonBodyException;
import org.pidlink.emulator.works.JsonWorkAsXml;
import org.pidlink.emulator.works.Work;
import org.pidlink.emulator.works.WorkJsonReader;
import org.pidlink.emulator.works.WorkXmlReader;
import org.pidlink.emulator.works.XmlBodyException;
import tools.jackson.databind.JsonNode;

/**
 * Member API v3.0 for works ({@code /v3.0/{orcid}/…}) and the public API's read paths
 * ({@code /pub/v3.0/{orcid}/…}), orcid-api.md §2.4, §3, §4. Each call: bearer token (401 invalid_token /
 * 403 forbidden), record state (404/409/301), token-for-record and scope (401/9017, 403/9038), body schema
 * (9001 XML / 9047 JSON), business rules, limit and duplicates. Responses are XML or JSON by content
 * negotiation; errors are ORCID's five-field error in the negotiated type.
 */
public final class MemberApi implements EmulatorModule {

    private static final Pattern ORCID_ID = Pattern.compile("\\d{4}-\\d{4}-\\d{4}-\\d{3}[\\dX]");
    private static final int MAX_BULK = 100;

    private EmulatorContext context;
    private Routes routes;
    private EmulatorState state;
    private OrcidErrors errors;
    private WorkRules rules;
    private WorkService works;
    private WorkXmlReader xml;
    private WorkJsonReader jsonReader;
    private JsonViews jsonViews;
    private XmlViews xmlViews;
    private ExternalIdNormalizer normalizer;

    @Override
    public void register(Routes routes, EmulatorContext ctx) {
        this.context = ctx;
        this.routes = routes;
        this.state = ctx.state();
        this.errors = new OrcidErrors();
        this.normalizer = ExternalIdNormalizer.standard();
        this.rules = new WorkRules(errors, normalizer);
        this.works = new WorkService(state, errors, normalizer);
        WorkXmlReader.precompile();
        this.xml = new WorkXmlReader();
        this.jsonReader = new WorkJsonReader(ctx::json);
        this.jsonViews = new JsonViews(ctx::json, normalizer, this::clientName);
        this.xmlViews = new XmlViews(normalizer, this::clientName);

        for (boolean pub : new boolean[] {false, true}) {
            String base = pub ? "/pub/v3.0/{orcid}" : "/v3.0/{orcid}";
            routes.get(base + "/record", RouteKind.API, api(pub, false, this::getRecord));
            routes.get(base + "/works", RouteKind.API, api(pub, false, this::getWorks));
            routes.get(base + "/activities", RouteKind.API, api(pub, false, this::getActivities));
            routes.get(base + "/work/{putCode}", RouteKind.API, api(pub, false, this::getWork));
            routes.get(base + "/works/{putCodes}", RouteKind.API, api(pub, false, this::getWorksBulk));
            routes.get(base + "/work/summary/{putCode}", RouteKind.API, api(pub, false, this::getSummary));
        }
        routes.post("/v3.0/{orcid}/work", RouteKind.API, api(false, true, this::postWork));
        routes.post("/v3.0/{orcid}/works", RouteKind.API, api(false, true, this::postWorks));
        routes.put("/v3.0/{orcid}/work/{putCode}", RouteKind.API, api(false, true, this::putWork));
        routes.delete("/v3.0/{orcid}/work/{putCode}", RouteKind.API, api(false, true, this::deleteWork));
        // A path without a version is redirected to v3.0 (orcid-api.md §1).
        for (String method : List.of("GET", "POST", "PUT", "DELETE")) {
            routes.add(method, "/{orcid}/{rest*}", RouteKind.API, this::redirectToV3);
        }
    }

    /** One API call in progress. {@code token} is null for anonymous public-API calls. */
    record Call(Request request, Format.Negotiated out, Token token, Client client, Researcher researcher,
                boolean publicApi) {
        String orcid() {
            return researcher.orcid();
        }
    }

    @FunctionalInterface
    interface CallHandler {
        Response handle(Call call);
    }

    private RouteHandler api(boolean publicApi, boolean write, CallHandler h) {
        return request -> {
            Format.Negotiated out = Format.negotiate(request.header("Accept"));
            Format.Negotiated errorOut = out == null ? Format.Negotiated.DEFAULT : out;
            try {
                Token token = bearer(request, publicApi);
                if (out == null) {
                    throw errors.exception(406, 9001, "HTTP 406 Not Acceptable");
                }
                Researcher r = record(request, write);
                Client client = token == null ? null : state.client(token.clientId()).orElse(null);
                Call call = new Call(request, out, token, client, r, publicApi);
                if (!publicApi) {
                    checkTokenForRecord(call);
                }
                return h.handle(call);
            } catch (ApiException e) {
                Response resp = OrcidErrorBody.response(errorOut, e.error(), context.json());
                for (var hd : e.headers().entrySet()) {
                    resp = resp.withHeader(hd.getKey(), hd.getValue());
                }
                return resp;
            }
        };
    }

    // ---- checks ------------------------------------------------------------------------------------------

    /** The bearer filter: missing token 403 forbidden, bad token 401 invalid_token (OAuth shapes, always JSON). */
    private Token bearer(Request r, boolean publicApi) {
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
        var now = state.now();
        if (t.expiredAt(now)) {
            throw invalidToken(value);
        }
        if (t.revocation() == Token.Revocation.BY_RESEARCHER && r.method().equals("DELETE")) {
            return t; // ORCID lets a client clean up after the researcher revoked it (§2.4).
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

    /** Token for this record, member client, scope (orcid-api.md §2.4). */
    private void checkTokenForRecord(Call call) {
        Token t = call.token();
        if (t.orcid() != null && !t.orcid().equals(call.orcid())) {
            throw errors.exception(401, 9017, "Access token is for a different record");
        }
        if (call.client() == null || !call.client().member()) {
            throw errors.exception(401, 9017, "The client application is forbidden to perform the action.");
        }
        String method = call.request().method();
        boolean ok = switch (method) {
            case "POST" -> t.orcid() != null && (t.hasScope(Scopes.WORKS_CREATE) || t.hasScope(Scopes.WORKS_UPDATE));
            case "PUT", "DELETE" -> t.orcid() != null && t.hasScope(Scopes.WORKS_UPDATE);
            default -> t.hasScope(Scopes.READ_PUBLIC) || t.hasScope(Scopes.WORKS_READ_LIMITED);
        };
        if (!ok) {
            throw errors.exception(403, 9038, null);
        }
    }

    /** ORCID's visibility filter (orcid-api.md §3.6). */
    private boolean visible(Call call, StoredWork w) {
        if (w.visibility() == Visibility.PUBLIC) {
            return true;
        }
        if (call.publicApi() || call.token() == null) {
            return false;
        }
        if (w.sourceClientId().equals(call.token().clientId())) {
            return true;
        }
        return w.visibility() != Visibility.PRIVATE && call.token().orcid() != null
                && call.token().hasScope(Scopes.WORKS_READ_LIMITED);
    }

    private List<StoredWork> visibleWorks(Call call) {
        List<StoredWork> out = new ArrayList<>();
        if (call.researcher().state() == RecordState.DEACTIVATED) {
            return out;
        }
        for (StoredWork w : call.researcher().works()) {
            if (visible(call, w)) {
                out.add(w);
            }
        }
        return out;
    }

    private StoredWork readableWork(Call call, long putCode) {
        StoredWork w = call.researcher().work(putCode);
        if (w == null) {
            throw errors.exception(404, 9016, "No entity found for query");
        }
        if (!visible(call, w)) {
            if (call.publicApi()) {
                throw errors.exception(403, 9039, null);
            }
            throw w.visibility() == Visibility.PRIVATE ? errors.exception(403, 9013, null)
                    : errors.exception(403, 9038, null);
        }
        return w;
    }

    // ---- reads -------------------------------------------------------------------------------------------

    private Response getRecord(Call call) {
        List<WorkGroups.Group> groups = WorkGroups.group(visibleWorks(call), normalizer);
        return call.out().format() == Format.JSON
                ? ok(call, jsonViews.bytes(jsonViews.record(call.researcher(), groups)))
                : ok(call, xmlViews.record(call.researcher(), groups));
    }

    private Response getActivities(Call call) {
        List<WorkGroups.Group> groups = WorkGroups.group(visibleWorks(call), normalizer);
        return call.out().format() == Format.JSON
                ? ok(call, jsonViews.bytes(jsonViews.activities(call.researcher(), groups)))
                : ok(call, xmlViews.activities(call.researcher(), groups));
    }

    private Response getWorks(Call call) {
        List<WorkGroups.Group> groups = WorkGroups.group(visibleWorks(call), normalizer);
        return call.out().format() == Format.JSON
                ? ok(call, jsonViews.bytes(jsonViews.works(groups, call.orcid())))
                : ok(call, xmlViews.works(groups, call.orcid()));
    }

    private Response getWork(Call call) {
        StoredWork w = readableWork(call, putCode(call));
        return call.out().format() == Format.JSON
                ? ok(call, jsonViews.bytes(jsonViews.work(w, call.orcid(), true)))
                : ok(call, xmlViews.work(w, call.orcid(), true));
    }

    private Response getSummary(Call call) {
        StoredWork w = readableWork(call, putCode(call));
        return call.out().format() == Format.JSON
                ? ok(call, jsonViews.bytes(jsonViews.summary(w, call.orcid())))
                : ok(call, xmlViews.summary(w, call.orcid()));
    }

    private Response getWorksBulk(Call call) {
        String[] parts = call.request().pathVariable("putCodes").split(",");
        if (parts.length > MAX_BULK) {
            throw new ApiException(errors.error(400, 9042, "org.orcid.core.exception.ExceedMaxNumberOfPutCodesException",
                    "Too many put codes specified: maximum is " + MAX_BULK, Map.of()));
        }
        List<Long> codes = new ArrayList<>();
        for (String p : parts) {
            try {
                codes.add(Long.parseLong(p.trim()));
            } catch (NumberFormatException e) {
                throw errors.exception(400, 9006, "For input string: \"" + p + "\"");
            }
        }
        List<Object> found = new ArrayList<>();
        List<Object> missing = new ArrayList<>();
        String clientName = call.client() == null ? "" : call.client().name();
        for (long pc : codes) {
            StoredWork w = call.researcher().work(pc);
            if (w != null && visible(call, w)) {
                found.add(w);
            } else {
                missing.add(errors.error(400, 9034, "'" + pc + "' is not a valid put code",
                        Map.of("clientName", clientName)));
            }
        }
        found.addAll(missing);
        return call.out().format() == Format.JSON
                ? ok(call, jsonViews.bytes(jsonViews.bulk(found, call.orcid(), true)))
                : ok(call, xmlViews.bulk(found, call.orcid(), true));
    }

    // ---- writes ------------------------------------------------------------------------------------------

    private Response postWork(Call call) {
        Work w = rules.validate(readSingle(call), true, call.client().name());
        StoredWork s = works.create(call.researcher(), call.client().clientId(), call.client().name(), w);
        return Response.empty(201).withHeader("Location",
                context.baseUrl() + "/v3.0/" + call.orcid() + "/work/" + s.putCode());
    }

    private Response postWorks(Call call) {
        Format in = bodyFormat(call);
        List<Work> items;
        if (in == Format.XML) {
            try {
                WorkXmlReader.BulkXml bulk = xml.readBulk(call.request().body());
                if (!"bulk".equals(bulk.rootName())) {
                    throw errors.exception(400, 9001, "unexpected element (uri:\"" + bulk.rootNamespace()
                            + "\", local:\"" + bulk.rootName() + "\"). Expected elements are <{http://www.orcid.org/ns/bulk}bulk>");
                }
                items = bulk.works();
            } catch (XmlBodyException e) {
                throw errors.exception(400, 9001, e.orcidDetail());
            }
        } else {
            try {
                items = jsonReader.readBulk(call.request().body());
            } catch (JsonBodyException e) {
                throw errors.exception(400, 9047, null, Map.of("error", e.getMessage()));
            }
        }
        if (items.size() > MAX_BULK) {
            throw errors.exception(400, 9006, "You are allowed to add up to 100 elements per request.");
        }
        works.checkRoomFor(call.researcher(), items.size());
        List<Object> results = new ArrayList<>();
        for (Work item : items) {
            try {
                Work valid = rules.validate(item, true, call.client().name());
                results.add(works.createInBulk(call.researcher(), call.client().clientId(), call.client().name(),
                        valid));
            } catch (ApiException e) {
                results.add(e.error());
            }
        }
        return call.out().format() == Format.JSON
                ? ok(call, jsonViews.bytes(jsonViews.bulk(results, call.orcid(), false)))
                : ok(call, xmlViews.bulk(results, call.orcid(), false));
    }

    private Response putWork(Call call) {
        long urlPutCode = putCode(call);
        Work w = readSingle(call);
        String clientName = call.client().name();
        if (w.putCode() == null || w.putCode() != urlPutCode) {
            throw errors.exception(400, 9019, null, Map.of("urlPutCode", Long.toString(urlPutCode),
                    "bodyPutCode", String.valueOf(w.putCode()), "clientName", clientName));
        }
        StoredWork existing = call.researcher().work(urlPutCode);
        if (existing == null) {
            throw errors.exception(404, 9016, "No entity found for query");
        }
        if (sameContent(existing.work(), w)) {
            if (!existing.sourceClientId().equals(call.client().clientId())) {
                throw new ApiException(errors.error(403, 9014, null, Map.of()).withDeveloperMessage(
                        errors.error(403, 9010, null, Map.of("activity", "work")).developerMessage()));
            }
            return workResponse(call, existing);
        }
        Work valid = rules.validate(w, false, clientName);
        if (valid.visibility() != null && !valid.visibility().equals(existing.visibility().value())) {
            throw errors.exception(403, 9035, null, Map.of("clientName", clientName));
        }
        StoredWork updated = works.update(call.researcher(), call.client().clientId(), clientName, urlPutCode, valid);
        return workResponse(call, updated);
    }

    private Response workResponse(Call call, StoredWork w) {
        return call.out().format() == Format.JSON
                ? ok(call, jsonViews.bytes(jsonViews.work(w, call.orcid(), false)))
                : ok(call, xmlViews.work(w, call.orcid(), false));
    }

    private Response deleteWork(Call call) {
        works.delete(call.researcher(), call.client().clientId(), putCode(call));
        return Response.empty(204);
    }

    private Response redirectToV3(Request r) {
        String orcid = r.pathVariable("orcid");
        if (!ORCID_ID.matcher(orcid).matches()) {
            // Not an iD: this catch-all only shadowed a 404, or a 405 for a path known under other methods.
            Set<String> allowed = new java.util.LinkedHashSet<>();
            for (Routes.Route route : routes.all()) {
                if (!route.template().equals(r.routeTemplate())
                        && routes.match(route.method(), r.path()).route() == route) {
                    allowed.add(route.method());
                }
            }
            return allowed.isEmpty() ? Response.of(404, "text/plain;charset=UTF-8", "Not found: " + r.path())
                    : Response.of(405, "text/plain;charset=UTF-8", "Method not allowed")
                            .withHeader("Allow", String.join(", ", allowed));
        }
        String query = r.rawQuery() == null ? "" : "?" + r.rawQuery();
        return Response.redirect(context.baseUrl() + "/v3.0" + r.path() + query);
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    private Format bodyFormat(Call call) {
        Format in = Format.ofContentType(call.request().header("Content-Type"));
        if (in == null) {
            throw errors.exception(415, 9001, "HTTP 415 Unsupported Media Type");
        }
        return in;
    }

    /** Parses a single work and applies the XSD: 9001 for XML, 9047 for JSON. */
    private Work readSingle(Call call) {
        byte[] body = call.request().body();
        if (bodyFormat(call) == Format.XML) {
            try {
                return xml.readWork(body);
            } catch (XmlBodyException e) {
                throw errors.exception(400, 9001, e.orcidDetail());
            }
        }
        try {
            JsonNode tree = jsonReader.tree(body);
            Work w = jsonReader.work(tree);
            xml.validateWork(sink -> JsonWorkAsXml.write(tree, sink));
            return w;
        } catch (JsonBodyException e) {
            throw errors.exception(400, 9047, null, Map.of("error", e.getMessage()));
        } catch (XmlBodyException e) {
            throw errors.exception(400, 9047, null, Map.of("error", e.plainMessage()));
        }
    }

    private long putCode(Call call) {
        String raw = call.request().pathVariable("putCode");
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            String clientName = call.client() == null ? "" : call.client().name();
            throw errors.exception(400, 9034, "'" + raw + "' is not a valid put code",
                    Map.of("clientName", clientName));
        }
    }

    private static boolean sameContent(Work stored, Work submitted) {
        Work a = stored.withPutCode(null);
        Work b = new Work(null, submitted.title(), submitted.subtitle(), submitted.translatedTitle(),
                submitted.journalTitle(), submitted.shortDescription(), submitted.citation(),
                Vocabularies.workType(submitted.type()) == null ? submitted.type() : Vocabularies.workType(submitted.type()),
                submitted.publicationDate(), submitted.externalIds(), submitted.url(), submitted.contributors(),
                submitted.languageCode(), submitted.country(), stored.visibility());
        return a.equals(b);
    }

    private String clientName(String clientId) {
        return state.client(clientId).map(Client::name).orElse(clientId);
    }

    private Response ok(Call call, byte[] body) {
        return Response.of(200, call.out().contentType(), body);
    }

}
