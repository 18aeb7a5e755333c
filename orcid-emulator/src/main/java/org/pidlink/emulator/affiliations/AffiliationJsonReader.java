package org.pidlink.emulator.affiliations;

import static org.pidlink.emulator.schema.JsonBinding.checkFields;
import static org.pidlink.emulator.schema.JsonBinding.describe;
import static org.pidlink.emulator.schema.JsonBinding.list;
import static org.pidlink.emulator.schema.JsonBinding.present;
import static org.pidlink.emulator.schema.JsonBinding.requireObject;
import static org.pidlink.emulator.schema.JsonBinding.scalar;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.pidlink.core.affiliation.AffiliationKind;
import org.pidlink.emulator.schema.JsonBinding;
import org.pidlink.emulator.schema.JsonBodyException;
import org.pidlink.emulator.works.Work;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads affiliation JSON the way ORCID's Jackson-over-JAXB binding does ({@link JsonBinding}): unknown fields and
 * wrong shapes are refused (9047), scalars are coerced to strings, null means absent. Value facets (blank names,
 * year range, lengths) are left to the XSD, which the caller applies to the affiliation replayed as XML
 * ({@link AffiliationAsXml}), so JSON and XML bodies are held to the same schema.
 */
public final class AffiliationJsonReader {

    private static final String RECORD_PACKAGE = "org.orcid.jaxb.model.v3.release.record.";
    private static final Set<String> AFFILIATION_FIELDS = Set.of("put-code", "path", "created-date",
            "last-modified-date", "source", "department-name", "role-title", "start-date", "end-date", "organization",
            "url", "external-ids", "display-index", "visibility");
    private static final JsonBinding BINDING = new JsonBinding(Map.ofEntries(
            Map.entry("FuzzyDate", Set.of("year", "month", "day")),
            Map.entry("Year", Set.of("value")),
            Map.entry("Month", Set.of("value")),
            Map.entry("Day", Set.of("value")),
            Map.entry("Organization", Set.of("name", "address", "disambiguated-organization")),
            Map.entry("OrganizationAddress", Set.of("city", "region", "country")),
            Map.entry("DisambiguatedOrganization", Set.of("disambiguated-organization-identifier",
                    "disambiguation-source")),
            Map.entry("ExternalIDs", Set.of("external-id")),
            Map.entry("ExternalID", Set.of("external-id-type", "external-id-value", "external-id-normalized",
                    "external-id-normalized-error", "external-id-url", "external-id-relationship")),
            Map.entry("Url", Set.of("value"))));

    private final Supplier<JsonMapper> json;

    public AffiliationJsonReader(Supplier<JsonMapper> json) {
        this.json = json;
    }

    public Affiliation read(AffiliationKind kind, byte[] body) throws JsonBodyException {
        JsonNode n = JsonBinding.tree(json.get(), body);
        String type = RECORD_PACKAGE + className(kind);
        requireObject(n, type);
        checkFields(n, AFFILIATION_FIELDS, type);
        Long putCode = putCode(present(n.get("put-code")), type);
        JsonNode org = BINDING.object(n, "organization", "Organization");
        Affiliation.Organization organization = null;
        if (org != null) {
            JsonNode address = BINDING.object(org, "address", "OrganizationAddress");
            JsonNode dis = BINDING.object(org, "disambiguated-organization", "DisambiguatedOrganization");
            organization = new Affiliation.Organization(scalar(org, "name"),
                    address == null ? null : new Affiliation.Address(scalar(address, "city"),
                            scalar(address, "region"), scalar(address, "country")),
                    dis == null ? null : new Affiliation.DisambiguatedOrganization(
                            scalar(dis, "disambiguated-organization-identifier"), scalar(dis, "disambiguation-source")));
        }
        List<Work.ExternalId> ids = new ArrayList<>();
        JsonNode externalIds = BINDING.object(n, "external-ids", "ExternalIDs");
        if (externalIds != null) {
            for (JsonNode id : list(externalIds.get("external-id"))) {
                requireObject(id, "ExternalID");
                checkFields(id, BINDING.fields("ExternalID"), JsonBinding.COMMON_PACKAGE + "ExternalID");
                ids.add(new Work.ExternalId(scalar(id, "external-id-type"), scalar(id, "external-id-value"),
                        BINDING.value(id, "external-id-url", "Url"), scalar(id, "external-id-relationship")));
            }
        }
        return new Affiliation(putCode, scalar(n, "visibility"), scalar(n, "department-name"), scalar(n, "role-title"),
                date(n, "start-date"), date(n, "end-date"), organization, BINDING.value(n, "url", "Url"), ids);
    }

    private static Long putCode(JsonNode pc, String type) throws JsonBodyException {
        if (pc == null) {
            return null;
        }
        if (pc.isIntegralNumber()) {
            return pc.asLong();
        }
        if (pc.isString() && pc.asString().trim().matches("-?\\d{1,18}")) {
            return Long.parseLong(pc.asString().trim());
        }
        throw new JsonBodyException("Cannot deserialize value of type `java.lang.Long` from " + describe(pc)
                + " (through reference chain: " + type + "[\"put-code\"])");
    }

    private static Affiliation.FuzzyDate date(JsonNode n, String field) throws JsonBodyException {
        JsonNode d = BINDING.object(n, field, "FuzzyDate");
        return d == null ? null : new Affiliation.FuzzyDate(BINDING.value(d, "year", "Year"),
                BINDING.value(d, "month", "Month"), BINDING.value(d, "day", "Day"));
    }

    /** ORCID's model class of the kind: {@code InvitedPosition} for {@code invited-position}. */
    private static String className(AffiliationKind kind) {
        StringBuilder b = new StringBuilder();
        for (String part : kind.value().split("-")) {
            b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return b.toString();
    }
}
