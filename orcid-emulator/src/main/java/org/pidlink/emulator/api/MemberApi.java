package org.pidlink.emulator.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pidlink.core.identifiers.ExternalIdNormalizer;
import org.pidlink.emulator.EmulatorContext;
import org.pidlink.emulator.EmulatorModule;
import org.pidlink.emulator.api.MemberApiGate.Call;
import org.pidlink.emulator.http.Response;
import org.pidlink.emulator.http.RouteKind;
import org.pidlink.emulator.http.Routes;
import org.pidlink.emulator.schema.JsonBodyException;
import org.pidlink.emulator.schema.XmlBodyException;
import org.pidlink.emulator.state.RecordState;
import org.pidlink.emulator.state.StoredWork;
import org.pidlink.emulator.traffic.WorkLimitRefusals;
import org.pidlink.emulator.works.JsonWorkAsXml;
import org.pidlink.emulator.works.Work;
import org.pidlink.emulator.works.WorkJsonReader;
import org.pidlink.emulator.works.WorkXmlReader;
import tools.jackson.databind.JsonNode;

/**
 * Member API v3.0 for works ({@code /v3.0/{orcid}/…}) and the public API's read paths
 * ({@code /pub/v3.0/{orcid}/…}), orcid-api.md §2.4, §3, §4. Each call: bearer token (401 invalid_token /
 * 403 forbidden), record state (404/409/301), token-for-record and scope (401/9017, 403/9038), body schema
 * (9001 XML / 9047 JSON), business rules, limit and duplicates. Responses are XML or JSON by content
 * negotiation; errors are ORCID's five-field error in the negotiated type.
 */
public final class MemberApi implements EmulatorModule {

    private static final int MAX_BULK = 100;

    private EmulatorContext context;
    private MemberApiGate gate;
    private OrcidErrors errors;
    private WorkRules rules;
    private WorkService works;
    private WorkXmlReader xml;
    private WorkJsonReader jsonReader;
    private JsonViews jsonViews;
    private XmlViews xmlViews;
    private RecordViews activities;
    private ExternalIdNormalizer normalizer;

    @Override
    public void register(Routes routes, EmulatorContext ctx) {
        this.context = ctx;
        this.errors = new OrcidErrors();
        this.gate = ctx.shared(MemberApiGate.class, () -> new MemberApiGate(ctx, errors));
        this.normalizer = ExternalIdNormalizer.standard();
        this.rules = new WorkRules(errors, normalizer);
        this.works = new WorkService(ctx.state(), errors, normalizer,
                ctx.shared(WorkLimitRefusals.class, WorkLimitRefusals::new));
        WorkXmlReader.precompile();
        this.xml = new WorkXmlReader();
        this.jsonReader = new WorkJsonReader(ctx::json);
        this.jsonViews = new JsonViews(ctx::json, normalizer, gate::clientName);
        this.xmlViews = new XmlViews(normalizer, gate::clientName);
        this.activities = new RecordViews(gate, normalizer, jsonViews, xmlViews);

        ActivityScopes scopes = ActivityScopes.WORKS;
        for (boolean pub : new boolean[] {false, true}) {
            String base = pub ? "/pub/v3.0/{orcid}" : "/v3.0/{orcid}";
            routes.get(base + "/record", RouteKind.API, gate.route(pub, false, scopes, this::getRecord));
            routes.get(base + "/works", RouteKind.API, gate.route(pub, false, scopes, this::getWorks));
            routes.get(base + "/activities", RouteKind.API, gate.route(pub, false, scopes, this::getActivities));
            routes.get(base + "/work/{putCode}", RouteKind.API, gate.route(pub, false, scopes, this::getWork));
            routes.get(base + "/works/{putCodes}", RouteKind.API, gate.route(pub, false, scopes, this::getWorksBulk));
            routes.get(base + "/work/summary/{putCode}", RouteKind.API, gate.route(pub, false, scopes, this::getSummary));
        }
        routes.post("/v3.0/{orcid}/work", RouteKind.API, gate.route(false, true, scopes, this::postWork));
        routes.post("/v3.0/{orcid}/works", RouteKind.API, gate.route(false, true, scopes, this::postWorks));
        routes.put("/v3.0/{orcid}/work/{putCode}", RouteKind.API, gate.route(false, true, scopes, this::putWork));
        routes.delete("/v3.0/{orcid}/work/{putCode}", RouteKind.API, gate.route(false, true, scopes, this::deleteWork));
    }

    private boolean visible(Call call, StoredWork w) {
        return gate.visible(call, w.visibility(), w.sourceClientId(), ActivityScopes.WORKS.readLimited());
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
            throw gate.hidden(call, w.visibility());
        }
        return w;
    }

    // ---- reads -------------------------------------------------------------------------------------------

    private Response getRecord(Call call) {
        return ok(call, activities.record(call, WorkGroups.group(visibleWorks(call), normalizer)));
    }

    private Response getActivities(Call call) {
        return ok(call, activities.activities(call, WorkGroups.group(visibleWorks(call), normalizer)));
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

    // ---- helpers -----------------------------------------------------------------------------------------

    private Format bodyFormat(Call call) {
        return gate.bodyFormat(call.request());
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
        return gate.putCode(call);
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

    private static Response ok(Call call, byte[] body) {
        return MemberApiGate.ok(call, body);
    }
}
