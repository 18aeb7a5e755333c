package org.pidlink.emulator.api;

import java.util.List;
import java.util.Map;
import org.pidlink.core.affiliation.AffiliationKind;
import org.pidlink.core.identifiers.ExternalIdNormalizer;
import org.pidlink.emulator.EmulatorContext;
import org.pidlink.emulator.EmulatorModule;
import org.pidlink.emulator.affiliations.Affiliation;
import org.pidlink.emulator.affiliations.AffiliationAsXml;
import org.pidlink.emulator.affiliations.AffiliationJsonReader;
import org.pidlink.emulator.affiliations.AffiliationXmlReader;
import org.pidlink.emulator.api.MemberApiGate.Call;
import org.pidlink.emulator.http.Request;
import org.pidlink.emulator.http.Response;
import org.pidlink.emulator.http.RouteKind;
import org.pidlink.emulator.http.Routes;
import org.pidlink.emulator.schema.JsonBodyException;
import org.pidlink.emulator.schema.XmlBodyException;
import org.pidlink.emulator.state.StoredAffiliation;
import org.pidlink.emulator.works.Work;

/**
 * The seven affiliation kinds of the member API v3.0 and their public-API reads (orcid-api.md §11):
 * {@code POST /{kind}} (201 + Location), {@code PUT /{kind}/{put-code}} (200 + the item),
 * {@code DELETE /{kind}/{put-code}} (204), {@code GET /{kind}/{put-code}}, {@code GET /{kind}/summary/{put-code}}
 * and {@code GET /{kinds}} (grouped). Bodies are read before the record and scope checks, as JAX-RS does (§11.3 step
 * 0): XML against {@code {kind}-3.0.xsd} (9001; a relationship outside ORCID's enum 9051), JSON through ORCID's
 * binding and the same XSD (9047). Then the record, the token, {@link AffiliationRules}, and
 * {@link AffiliationService} (duplicates 9021, the organization table 9045).
 */
public final class AffiliationsApi implements EmulatorModule {

    private EmulatorContext context;
    private MemberApiGate gate;
    private OrcidErrors errors;
    private AffiliationRules rules;
    private AffiliationService service;
    private AffiliationXmlReader xml;
    private AffiliationJsonReader json;
    private AffiliationJsonViews jsonViews;
    private AffiliationXmlViews xmlViews;
    private ExternalIdNormalizer normalizer;

    @Override
    public void register(Routes routes, EmulatorContext ctx) {
        this.context = ctx;
        this.gate = ctx.shared(MemberApiGate.class, () -> new MemberApiGate(ctx, new OrcidErrors()));
        this.errors = gate.errors();
        this.normalizer = ExternalIdNormalizer.standard();
        this.rules = new AffiliationRules(errors);
        this.service = new AffiliationService(ctx.state(), errors, normalizer);
        this.xml = new AffiliationXmlReader();
        this.json = new AffiliationJsonReader(ctx::json);
        this.jsonViews = new AffiliationJsonViews(new JsonViews(ctx::json, normalizer, gate::clientName));
        this.xmlViews = new AffiliationXmlViews(new XmlViews(normalizer, gate::clientName));

        ActivityScopes scopes = ActivityScopes.AFFILIATIONS;
        for (AffiliationKind kind : AffiliationKind.values()) {
            for (boolean pub : new boolean[] {false, true}) {
                String base = (pub ? "/pub/v3.0/{orcid}/" : "/v3.0/{orcid}/");
                routes.get(base + kind.section(), RouteKind.API, gate.route(pub, false, scopes, c -> list(c, kind)));
                routes.get(base + kind.value() + "/{putCode}", RouteKind.API,
                        gate.route(pub, false, scopes, c -> read(c, kind, false)));
                routes.get(base + kind.value() + "/summary/{putCode}", RouteKind.API,
                        gate.route(pub, false, scopes, c -> read(c, kind, true)));
            }
            String item = "/v3.0/{orcid}/" + kind.value();
            routes.post(item, RouteKind.API, gate.route(false, true, scopes, r -> body(r, kind), c -> create(c, kind)));
            routes.put(item + "/{putCode}", RouteKind.API,
                    gate.route(false, true, scopes, r -> body(r, kind), c -> update(c, kind)));
            routes.delete(item + "/{putCode}", RouteKind.API, gate.route(false, true, scopes, this::delete));
        }
    }

    // ---- reads -------------------------------------------------------------------------------------------------

    private Response list(Call call, AffiliationKind kind) {
        List<StoredAffiliation> ofKind = call.researcher().affiliations().stream().filter(a -> a.kind() == kind)
                .toList();
        List<AffiliationGroups.Group> groups = AffiliationGroups.group(ofKind, a -> visible(call, a), true, normalizer);
        return MemberApiGate.ok(call, call.out().format() == Format.JSON
                ? jsonBytes(jsonViews.section(kind, groups, call.orcid()))
                : xmlViews.section(kind, groups, call.orcid()));
    }

    /** One item or its summary: 404/9016 unknown, 400/9006 another kind's put-code, then visibility (§11.1). */
    private Response read(Call call, AffiliationKind kind, boolean summary) {
        long putCode = gate.putCode(call);
        StoredAffiliation s = call.researcher().affiliation(putCode);
        if (s == null) {
            throw errors.exception(404, 9016, "No entity found for query");
        }
        if (s.kind() != kind) {
            throw errors.exception(400, 9006, "Given affiliation " + putCode + " doesn't match the desired type "
                    + kind.value());
        }
        if (!visible(call, s)) {
            throw gate.hidden(call, s.visibility());
        }
        if (call.out().format() == Format.JSON) {
            return MemberApiGate.ok(call, jsonBytes(summary ? jsonViews.summary(s, call.orcid())
                    : jsonViews.item(s, call.orcid())));
        }
        return MemberApiGate.ok(call, summary ? xmlViews.summary(s, call.orcid()) : xmlViews.item(s, call.orcid()));
    }

    private boolean visible(Call call, StoredAffiliation a) {
        return gate.visible(call, a.visibility(), a.sourceClientId(), ActivityScopes.AFFILIATIONS.readLimited());
    }

    // ---- writes ------------------------------------------------------------------------------------------------

    private Response create(Call call, AffiliationKind kind) {
        Affiliation a = (Affiliation) call.body();
        rules.validate(kind, a, null, call.clientName());
        StoredAffiliation s = service.create(call.researcher(), call.client(), kind, a);
        return Response.empty(201).withHeader("Location",
                context.baseUrl() + "/v3.0/" + call.orcid() + "/" + kind.value() + "/" + s.putCode());
    }

    /** §11.4: put-codes (9019), then load, source, rules, duplicates and the organization under the record's lock. */
    private Response update(Call call, AffiliationKind kind) {
        long urlPutCode = gate.putCode(call);
        Affiliation a = (Affiliation) call.body();
        String clientName = call.clientName();
        if (a.putCode() == null || a.putCode() != urlPutCode) {
            throw errors.exception(400, 9019, null, Map.of("urlPutCode", Long.toString(urlPutCode),
                    "bodyPutCode", String.valueOf(a.putCode()), "clientName", clientName));
        }
        StoredAffiliation s = service.update(call.researcher(), call.client(), kind, urlPutCode, a,
                existing -> rules.validate(kind, a, existing.visibility(), clientName));
        return MemberApiGate.ok(call, call.out().format() == Format.JSON ? jsonBytes(jsonViews.item(s, call.orcid()))
                : xmlViews.item(s, call.orcid()));
    }

    private Response delete(Call call) {
        service.delete(call.researcher(), call.client(), gate.putCode(call));
        return Response.empty(204);
    }

    // ---- bodies ------------------------------------------------------------------------------------------------

    /** Reads the body as JAX-RS would, before the resource method: 415, then 9001/9051 (XML) or 9047 (JSON). */
    private Affiliation body(Request request, AffiliationKind kind) {
        if (gate.bodyFormat(request) == Format.XML) {
            Affiliation a;
            try {
                a = xml.read(kind, request.body());
            } catch (XmlBodyException e) {
                throw errors.exception(400, 9001, e.orcidDetail());
            }
            for (Work.ExternalId id : a.externalIds()) {
                if (id.relationship() != null && !Vocabularies.RELATIONSHIPS.contains(id.relationship())) {
                    throw errors.exception(400, 9051, null, Map.of("value", id.relationship(),
                            "enum", "org.orcid.jaxb.model.common.Relationship"));
                }
            }
            String country = country(a);
            if (country != null && !Vocabularies.COUNTRIES.contains(country)) {
                throw errors.exception(400, 9001, "unexpected value '" + country
                        + "' for org.orcid.jaxb.model.common.Iso3166Country: not an ISO 3166-1 alpha-2 country code");
            }
            return a;
        }
        Affiliation a;
        try {
            a = json.read(kind, request.body());
            for (Work.ExternalId id : a.externalIds()) {
                if (id.relationship() != null && !Vocabularies.RELATIONSHIPS.contains(id.relationship())) {
                    throw notAnEnumValue("org.orcid.jaxb.model.common.Relationship", id.relationship(),
                            Vocabularies.RELATIONSHIPS);
                }
            }
            String country = country(a);
            if (country != null && !Vocabularies.COUNTRIES.contains(country)) {
                throw notAnEnumValue("org.orcid.jaxb.model.common.Iso3166Country", country, Vocabularies.COUNTRIES);
            }
        } catch (JsonBodyException e) {
            throw errors.exception(400, 9047, null, Map.of("error", e.getMessage()));
        }
        try {
            Affiliation parsed = a;
            xml.validate(kind, sink -> AffiliationAsXml.write(kind, parsed, sink));
        } catch (XmlBodyException e) {
            // ORCID leaves ${error} unsubstituted on this path and appends the schema's message (§11.3).
            throw errors.exception(400, 9047, e.plainMessage());
        }
        return a;
    }

    /** The address's country, or null when none is given (a blank one is left to the rules: 9060, 9061). */
    private static String country(Affiliation a) {
        String c = a.organization() == null || a.organization().address() == null ? null
                : a.organization().address().country();
        return c == null || c.isBlank() ? null : c;
    }

    /** Jackson's refusal of a string that is not one of an enum's values. */
    private static JsonBodyException notAnEnumValue(String enumClass, String value, java.util.Collection<String> values) {
        return new JsonBodyException("Cannot deserialize value of type `" + enumClass + "` from String \"" + value
                + "\": not one of the values accepted for Enum class: " + values);
    }

    private byte[] jsonBytes(tools.jackson.databind.node.ObjectNode n) {
        return context.json().writeValueAsBytes(n);
    }
}
