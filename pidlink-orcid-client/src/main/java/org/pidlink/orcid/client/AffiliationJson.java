package org.pidlink.orcid.client;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.pidlink.core.affiliation.AffiliationKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * ORCID's v3.0 affiliation JSON (orcid-api.md §11.2, §11.7): the write shape of an {@link Affiliation}, and the items,
 * summaries, {@code {kinds}} lists and {@code activities-summary} ORCID answers.
 */
final class AffiliationJson {

    private final ObjectMapper mapper;

    AffiliationJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The body of a POST ({@code putCode} null) or PUT; no visibility (ORCID keeps the researcher's). */
    ObjectNode write(Affiliation a, Long putCode) {
        ObjectNode n = mapper.createObjectNode();
        if (putCode != null) {
            n.put("put-code", putCode);
        }
        putIfPresent(n, "department-name", a.departmentName());
        putIfPresent(n, "role-title", a.roleTitle());
        if (a.startDate() != null) {
            n.set("start-date", date(a.startDate()));
        }
        if (a.endDate() != null) {
            n.set("end-date", date(a.endDate()));
        }
        Organization org = a.organization();
        ObjectNode o = n.putObject("organization");
        o.put("name", org.name());
        ObjectNode address = o.putObject("address");
        putIfPresent(address, "city", org.city());
        putIfPresent(address, "region", org.region());
        putIfPresent(address, "country", org.country());
        if (org.disambiguated() != null) {
            o.putObject("disambiguated-organization")
                    .put("disambiguated-organization-identifier", org.disambiguated().identifier())
                    .put("disambiguation-source", org.disambiguated().source().value());
        }
        if (a.url() != null) {
            n.putObject("url").put("value", a.url());
        }
        if (!a.externalIds().isEmpty()) {
            ArrayNode ids = n.putObject("external-ids").putArray("external-id");
            for (ExternalId id : a.externalIds()) {
                ObjectNode e = ids.addObject();
                e.put("external-id-type", id.type());
                e.put("external-id-value", id.value());
                if (id.url() != null) {
                    e.putObject("external-id-url").put("value", id.url());
                }
                putIfPresent(e, "external-id-relationship", id.relationship());
            }
        }
        return n;
    }

    private ObjectNode date(PartialDate d) {
        ObjectNode n = mapper.createObjectNode();
        n.putObject("year").put("value", Integer.toString(d.year()));
        if (d.month() != null) {
            n.putObject("month").put("value", "%02d".formatted(d.month()));
        }
        if (d.day() != null) {
            n.putObject("day").put("value", "%02d".formatted(d.day()));
        }
        return n;
    }

    /** An item or a summary. */
    FetchedAffiliation read(AffiliationKind kind, JsonNode item) {
        Long putCode = Json.longOrNull(item.path("put-code"));
        if (putCode == null) {
            throw new IllegalStateException(kind.value() + " without put-code");
        }
        JsonNode source = item.path("source");
        Long created = Json.longOrNull(item.path("created-date").path("value"));
        Long modified = Json.longOrNull(item.path("last-modified-date").path("value"));
        return new FetchedAffiliation(kind, putCode, Json.text(source.path("source-client-id").path("path")),
                Json.text(source.path("source-orcid").path("path")), Json.value(source.path("source-name")),
                Json.text(item.path("visibility")), created == null ? null : Instant.ofEpochMilli(created),
                modified == null ? null : Instant.ofEpochMilli(modified), content(kind, item),
                mapper.writeValueAsString(item));
    }

    /** Every summary of a {@code {kinds}} list, group by group, in ORCID's order. */
    List<FetchedAffiliation> section(AffiliationKind kind, JsonNode section) {
        List<FetchedAffiliation> out = new ArrayList<>();
        for (JsonNode group : Json.list(section.path("affiliation-group"))) {
            for (JsonNode summary : Json.list(group.path("summaries"))) {
                out.add(read(kind, summary.path(kind.summaryKey())));
            }
        }
        return out;
    }

    /** Every affiliation of an {@code activities-summary}, kind by kind in {@link AffiliationKind} order. */
    List<FetchedAffiliation> activities(JsonNode activities) {
        List<FetchedAffiliation> out = new ArrayList<>();
        for (AffiliationKind kind : AffiliationKind.values()) {
            out.addAll(section(kind, activities.path(kind.section())));
        }
        return out;
    }

    /** The typed content, or null when ORCID holds something the model cannot represent. */
    private static Affiliation content(AffiliationKind kind, JsonNode item) {
        try {
            JsonNode org = item.path("organization");
            JsonNode address = org.path("address");
            JsonNode dis = org.path("disambiguated-organization");
            DisambiguatedOrganization disambiguated = dis.isObject()
                    ? DisambiguatedOrganization.of(Json.text(dis.path("disambiguation-source")),
                    Json.text(dis.path("disambiguated-organization-identifier"))) : null;
            Organization organization = new Organization(Json.text(org.path("name")), Json.text(address.path("city")),
                    Json.text(address.path("region")), Json.text(address.path("country")), disambiguated);
            return new Affiliation(kind, organization, Json.text(item.path("department-name")),
                    Json.text(item.path("role-title")), date(item.path("start-date")), date(item.path("end-date")),
                    Json.value(item.path("url")), WorkJson.externalIds(item.path("external-ids")));
        } catch (IllegalArgumentException | NullPointerException notRepresentable) {
            return null;
        }
    }

    private static PartialDate date(JsonNode d) {
        String year = Json.value(d.path("year"));
        if (year == null) {
            return null;
        }
        String month = Json.value(d.path("month"));
        String day = Json.value(d.path("day"));
        return new PartialDate(Integer.parseInt(year.strip()), month == null ? null : Integer.valueOf(month.strip()),
                day == null ? null : Integer.valueOf(day.strip()));
    }

    private static void putIfPresent(ObjectNode n, String field, String value) {
        if (value != null) {
            n.put(field, value);
        }
    }
}
