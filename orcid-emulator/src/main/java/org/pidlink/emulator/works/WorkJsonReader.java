package org.pidlink.emulator.works;

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
import org.pidlink.emulator.schema.JsonBinding;
import org.pidlink.emulator.schema.JsonBodyException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads v3.0 work JSON the way ORCID's Jackson-over-JAXB binding does: unknown fields and wrong shapes are
 * refused (9047) with Jackson-style messages, scalars are coerced to strings, a single object is accepted
 * where a list is expected ({@code ACCEPT_SINGLE_VALUE_AS_ARRAY}), and null means absent. Value facets (empty
 * strings, lengths, enumerations, year range...) are left to the XSD, which the caller applies to the work
 * rendered as XML, so JSON and XML bodies are held to the same schema.
 */
public final class WorkJsonReader {

    private static final String WORK_CLASS = "org.orcid.jaxb.model.v3.release.record.Work";
    private static final Set<String> WORK_FIELDS = Set.of("put-code", "path", "created-date", "last-modified-date",
            "source", "title", "journal-title", "short-description", "citation", "type", "publication-date",
            "external-ids", "url", "contributors", "language-code", "country", "visibility", "display-index");
    private static final Map<String, Set<String>> OBJECT_FIELDS = Map.ofEntries(
            Map.entry("WorkTitle", Set.of("title", "subtitle", "translated-title")),
            Map.entry("Title", Set.of("value")),
            Map.entry("Subtitle", Set.of("value")),
            Map.entry("TranslatedTitle", Set.of("value", "language-code")),
            Map.entry("JournalTitle", Set.of("value")),
            Map.entry("Citation", Set.of("citation-type", "citation-value")),
            Map.entry("PublicationDate", Set.of("year", "month", "day", "media-type")),
            Map.entry("Year", Set.of("value")),
            Map.entry("Month", Set.of("value")),
            Map.entry("Day", Set.of("value")),
            Map.entry("ExternalIDs", Set.of("external-id")),
            Map.entry("ExternalID", Set.of("external-id-type", "external-id-value", "external-id-normalized",
                    "external-id-normalized-error", "external-id-url", "external-id-relationship")),
            Map.entry("Url", Set.of("value")),
            Map.entry("WorkContributors", Set.of("contributor")),
            Map.entry("Contributor", Set.of("contributor-orcid", "credit-name", "contributor-email",
                    "contributor-attributes")),
            Map.entry("ContributorOrcid", Set.of("uri", "path", "host")),
            Map.entry("CreditName", Set.of("value")),
            Map.entry("ContributorEmail", Set.of("value")),
            Map.entry("ContributorAttributes", Set.of("contributor-sequence", "contributor-role")),
            Map.entry("Country", Set.of("value", "visibility")));

    private static final JsonBinding BINDING = new JsonBinding(OBJECT_FIELDS);

    private final Supplier<JsonMapper> json;

    public WorkJsonReader(Supplier<JsonMapper> json) {
        this.json = json;
    }

    public JsonNode tree(byte[] body) throws JsonBodyException {
        return JsonBinding.tree(json.get(), body);
    }

    public Work readWork(byte[] body) throws JsonBodyException {
        return work(tree(body));
    }

    /** {@code {"bulk":[{"work":{…}}, …]}}: the works in request order. */
    public List<Work> readBulk(byte[] body) throws JsonBodyException {
        JsonNode root = tree(body);
        requireObject(root, "org.orcid.jaxb.model.v3.release.record.WorkBulk");
        checkFields(root, Set.of("bulk"), "org.orcid.jaxb.model.v3.release.record.WorkBulk");
        List<Work> out = new ArrayList<>();
        for (JsonNode item : list(root.get("bulk"))) {
            requireObject(item, "org.orcid.jaxb.model.v3.release.record.BulkElement");
            checkFields(item, Set.of("work", "error"), "org.orcid.jaxb.model.v3.release.record.BulkElement");
            JsonNode w = item.get("work");
            if (w != null && !w.isNull()) {
                out.add(work(w));
            }
        }
        return out;
    }

    public Work work(JsonNode n) throws JsonBodyException {
        requireObject(n, WORK_CLASS);
        checkFields(n, WORK_FIELDS, WORK_CLASS);
        WorkBuilder w = new WorkBuilder();
        JsonNode pc = present(n.get("put-code"));
        if (pc != null) {
            if (pc.isIntegralNumber()) {
                w.putCode = pc.asLong();
            } else if (pc.isString() && pc.asString().trim().matches("-?\\d{1,18}")) {
                w.putCode = Long.parseLong(pc.asString().trim());
            } else {
                throw new JsonBodyException("Cannot deserialize value of type `java.lang.Long` from "
                        + describe(pc) + " (through reference chain: " + WORK_CLASS + "[\"put-code\"])");
            }
        }
        JsonNode title = BINDING.object(n, "title", "WorkTitle");
        if (title != null) {
            w.title = BINDING.value(title, "title", "Title");
            w.subtitle = BINDING.value(title, "subtitle", "Subtitle");
            JsonNode tt = BINDING.object(title, "translated-title", "TranslatedTitle");
            if (tt != null) {
                w.hasTranslatedTitle = true;
                w.translatedTitle = scalar(tt, "value");
                w.translatedTitleLanguage = scalar(tt, "language-code");
            }
        }
        w.journalTitle = BINDING.value(n, "journal-title", "JournalTitle");
        w.shortDescription = scalar(n, "short-description");
        JsonNode citation = BINDING.object(n, "citation", "Citation");
        if (citation != null) {
            w.hasCitation = true;
            w.citationType = scalar(citation, "citation-type");
            w.citationValue = scalar(citation, "citation-value");
        }
        w.type = scalar(n, "type");
        JsonNode date = BINDING.object(n, "publication-date", "PublicationDate");
        if (date != null) {
            w.hasPublicationDate = true;
            w.year = BINDING.value(date, "year", "Year");
            w.month = BINDING.value(date, "month", "Month");
            w.day = BINDING.value(date, "day", "Day");
        }
        JsonNode ids = BINDING.object(n, "external-ids", "ExternalIDs");
        if (ids != null) {
            for (JsonNode id : list(ids.get("external-id"))) {
                requireObject(id, "ExternalID");
                checkFields(id, OBJECT_FIELDS.get("ExternalID"), "org.orcid.jaxb.model.v3.release.common.ExternalID");
                w.eidType = scalar(id, "external-id-type");
                w.eidValue = scalar(id, "external-id-value");
                w.eidUrl = BINDING.value(id, "external-id-url", "Url");
                w.eidRelationship = scalar(id, "external-id-relationship");
                w.endExternalId();
            }
        }
        w.url = BINDING.value(n, "url", "Url");
        JsonNode contributors = BINDING.object(n, "contributors", "WorkContributors");
        if (contributors != null) {
            for (JsonNode c : list(contributors.get("contributor"))) {
                requireObject(c, "Contributor");
                checkFields(c, OBJECT_FIELDS.get("Contributor"), "org.orcid.jaxb.model.v3.release.common.Contributor");
                JsonNode co = BINDING.object(c, "contributor-orcid", "ContributorOrcid");
                if (co != null) {
                    w.cUri = scalar(co, "uri");
                    w.cPath = scalar(co, "path");
                    w.cHost = scalar(co, "host");
                }
                w.cCreditName = BINDING.value(c, "credit-name", "CreditName");
                JsonNode email = present(c.get("contributor-email"));
                if (email != null) {
                    w.cEmail = email.isObject() ? BINDING.value(c, "contributor-email", "ContributorEmail")
                            : scalar(c, "contributor-email");
                }
                JsonNode attrs = BINDING.object(c, "contributor-attributes", "ContributorAttributes");
                if (attrs != null) {
                    w.cSequence = scalar(attrs, "contributor-sequence");
                    w.cRole = scalar(attrs, "contributor-role");
                }
                w.endContributor();
            }
        }
        w.languageCode = scalar(n, "language-code");
        w.country = BINDING.value(n, "country", "Country");
        w.visibility = scalar(n, "visibility");
        return w.build();
    }
}
