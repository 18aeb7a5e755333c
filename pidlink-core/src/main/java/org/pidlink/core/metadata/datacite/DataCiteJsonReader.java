package org.pidlink.core.metadata.datacite;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.JsonNode;

import org.pidlink.core.metadata.Container;
import org.pidlink.core.metadata.DoiRecord;
import org.pidlink.core.metadata.DoiState;
import org.pidlink.core.metadata.FundingReference;
import org.pidlink.core.metadata.Identifier;
import org.pidlink.core.metadata.MetadataFormat;
import org.pidlink.core.metadata.MetadataReadException;
import org.pidlink.core.metadata.ResourceType;
import org.pidlink.core.metadata.support.Dates;
import org.pidlink.core.metadata.support.Dois;
import org.pidlink.core.metadata.support.NameIdentifierEntry;
import org.pidlink.core.metadata.support.PersonDraft;
import org.pidlink.core.metadata.support.ReadSink;
import org.pidlink.core.metadata.support.RecordDraft;
import org.pidlink.core.metadata.support.Texts;

import static org.pidlink.core.metadata.json.JsonPaths.elements;
import static org.pidlink.core.metadata.json.JsonPaths.integer;
import static org.pidlink.core.metadata.json.JsonPaths.text;

/**
 * DataCite REST API JSON: a JSON:API document for one DOI ({@code {data: {...}}}), a list page
 * ({@code {data: [...], meta, links}}), a bare attributes object, or an array of those.
 *
 * <p><b>The embedded XML wins.</b> With {@code detail=true} (implied for {@code GET /dois/{id}}) the attributes carry
 * the registered XML as base64 in {@code xml}. The JSON attributes are derived from that XML by DataCite's converter,
 * older records by older converters, and they disagree with it (doi-metadata.md §1.2): the converter silently drops
 * ORCID values it cannot normalize (a whitespace-only value becomes a nameIdentifier with no value), rewrites
 * schemes, and loses kernel-2 details. The XML is what the DOI's owner registered, and only it lets pidlink report
 * a bad ORCID iD exactly as found. So when {@code xml} is present and readable the descriptive metadata comes from
 * it; the JSON contributes what the XML cannot hold: {@code state}, {@code url}, and the {@code container} when the
 * XML yields none. When the XML is unreadable, the JSON attributes are used and the XML's problem is reported.
 */
public final class DataCiteJsonReader {

    private final DataCiteXmlReader xmlReader;

    public DataCiteJsonReader(DataCiteXmlReader xmlReader) {
        this.xmlReader = xmlReader;
    }

    public void read(JsonNode root, ReadSink sink) {
        if (root.isArray()) {
            for (int i = 0; i < root.size(); i++) {
                JsonNode item = root.get(i);
                String path = "$[" + i + "]";
                sink.guarded(path, () -> resourceOrAttributes(item, path, sink));
            }
            return;
        }
        if (!root.isObject()) {
            throw new MetadataReadException("$", "expected a JSON object or array");
        }
        if (root.has("errors") && !root.has("data")) {
            throw new MetadataReadException("$.errors", "the document is a DataCite API error: " + errors(root));
        }
        JsonNode data = root.get("data");
        if (data == null) {
            sink.guarded("$", () -> attributes(root, root, "$", sink));
        } else if (data.isArray()) {
            for (int i = 0; i < data.size(); i++) {
                JsonNode item = data.get(i);
                String path = "$.data[" + i + "]";
                sink.guarded(path, () -> resource(item, path, sink));
            }
        } else if (data.isObject()) {
            sink.guarded("$.data", () -> resource(data, "$.data", sink));
        } else {
            throw new MetadataReadException("$.data", "expected an object or an array");
        }
    }

    private static String errors(JsonNode root) {
        List<String> parts = new ArrayList<>();
        for (JsonNode e : elements(root, "errors")) {
            String status = text(e, "status");
            String title = text(e, "title");
            parts.add((status == null ? "" : status + " ") + (title == null ? "" : title));
        }
        return String.join("; ", parts).strip();
    }

    private DoiRecord resourceOrAttributes(JsonNode node, String path, ReadSink sink) {
        if (node != null && node.has("attributes")) {
            return resource(node, path, sink);
        }
        return attributes(node, node, path, sink);
    }

    private DoiRecord resource(JsonNode resource, String path, ReadSink sink) {
        if (!resource.isObject()) {
            throw new MetadataReadException(path, "expected a JSON:API resource object");
        }
        String type = text(resource, "type");
        if (type != null && !type.equals("dois")) {
            throw new MetadataReadException(path + ".type",
                    "a JSON:API resource of type \"" + type + "\", not a DOI");
        }
        JsonNode attributes = resource.get("attributes");
        if (attributes == null || !attributes.isObject()) {
            throw new MetadataReadException(path + ".attributes", "the resource has no attributes object");
        }
        return attributes(attributes, resource, path + ".attributes", sink);
    }

    /**
     * @param attributes the attributes object
     * @param resource   the object holding the DOI as {@code id} (the resource, or the attributes themselves)
     */
    private DoiRecord attributes(JsonNode attributes, JsonNode resource, String path, ReadSink sink) {
        if (attributes == null || !attributes.isObject()) {
            throw new MetadataReadException(path, "expected an object of DOI attributes");
        }
        String doiText = text(attributes, "doi");
        if (doiText == null) {
            doiText = text(resource, "id");
        }
        if (doiText == null) { // request payloads may name the DOI only among the identifiers
            for (JsonNode id : elements(attributes, "identifiers")) {
                String type = text(id, "identifierType") != null ? text(id, "identifierType")
                        : text(id, "identifier_type");
                if ("DOI".equalsIgnoreCase(Texts.trim(type))) {
                    doiText = text(id, "identifier");
                    break;
                }
            }
        }
        RecordDraft d = null;
        String xml = text(attributes, "xml");
        if (xml != null) {
            try {
                byte[] decoded = Base64.getMimeDecoder().decode(xml);
                d = xmlReader.draft(decoded, MetadataFormat.DATACITE_JSON);
            } catch (MetadataReadException e) {
                sink.error(path + ".xml", "the embedded XML could not be read (" + e.location() + ": "
                        + e.reason() + "); the JSON attributes were used instead");
            } catch (IllegalArgumentException e) {
                sink.error(path + ".xml", "the embedded XML is not valid base64 (" + e.getMessage()
                        + "); the JSON attributes were used instead");
            }
        }
        if (d == null) {
            d = fromAttributes(attributes);
        } else if (d.container == null) {
            d.container = container(attributes.get("container"));
        }
        // The API's DOI is the one asked for; the XML's identifier can be spelled differently (upper case, URL).
        if (doiText != null || d.doi == null) {
            d.doi = Dois.require(doiText, path + ".doi");
        }
        d.state = state(text(attributes, "state"));
        d.url = Texts.trim(text(attributes, "url"));
        return d.build();
    }

    static DoiState state(String raw) {
        String s = Texts.trim(raw);
        if (s == null) {
            return DoiState.UNKNOWN;
        }
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "findable" -> DoiState.FINDABLE;
            case "registered" -> DoiState.REGISTERED;
            case "draft" -> DoiState.DRAFT;
            default -> DoiState.UNKNOWN;
        };
    }

    private static RecordDraft fromAttributes(JsonNode a) {
        RecordDraft d = new RecordDraft(MetadataFormat.DATACITE_JSON);
        for (JsonNode t : elements(a, "titles")) {
            d.title(text(t, "title"), DataCiteXmlReader.titleType(text(t, "titleType")), text(t, "lang"));
        }
        people(elements(a, "creators"), d.creators);
        people(elements(a, "contributors"), d.contributors);
        d.publisher = Texts.collapse(text(a, "publisher"));
        d.publicationYear = integer(a, "publicationYear");
        for (JsonNode date : elements(a, "dates")) {
            String raw = text(date, "date");
            d.date(text(date, "dateType"), Dates.parse(raw), raw);
        }
        JsonNode types = a.get("types");
        if (types != null && types.isObject()) {
            d.resourceType = new ResourceType("datacite", Texts.trim(text(types, "resourceTypeGeneral")),
                    Texts.collapse(text(types, "resourceType")));
        }
        String seriesInformation = null;
        for (JsonNode desc : elements(a, "descriptions")) {
            // older records hold a description as an array of strings
            for (String t : org.pidlink.core.metadata.json.JsonPaths.texts(desc, "description")) {
                d.description(t, text(desc, "descriptionType"), text(desc, "lang"));
                if ("SeriesInformation".equalsIgnoreCase(Texts.trim(text(desc, "descriptionType")))
                        && seriesInformation == null) {
                    seriesInformation = Texts.collapse(t);
                }
            }
        }
        d.language = Texts.trim(text(a, "language"));
        String ownDoi = Texts.trim(text(a, "doi"));
        for (JsonNode id : elements(a, "identifiers")) {
            String value = text(id, "identifier");
            String type = text(id, "identifierType");
            // old responses repeat the DOI itself here
            if ("DOI".equalsIgnoreCase(Texts.trim(type)) && ownDoi != null && value != null
                    && value.strip().toLowerCase(Locale.ROOT).endsWith(ownDoi.toLowerCase(Locale.ROOT))) {
                continue;
            }
            d.identifier(type, value);
        }
        for (JsonNode id : elements(a, "alternateIdentifiers")) {
            d.identifier(text(id, "alternateIdentifierType"), text(id, "alternateIdentifier"));
        }
        for (JsonNode r : elements(a, "relatedIdentifiers")) {
            d.relatedIdentifier(text(r, "relatedIdentifierType"), text(r, "relatedIdentifier"),
                    text(r, "relationType"), text(r, "resourceTypeGeneral"));
        }
        for (JsonNode f : elements(a, "fundingReferences")) {
            funding(f, d);
        }
        d.container = container(a.get("container"));
        if (d.container == null) {
            d.container = relatedItemContainer(elements(a, "relatedItems"), d);
        } else {
            relatedItemContainer(elements(a, "relatedItems"), d);
        }
        if (d.container == null && seriesInformation != null) {
            d.container = new Container(seriesInformation, "series", List.of(), null, null, null, null);
        }
        if (d.container == null) {
            d.container = DataCiteContainers.fromRelatedIdentifiers(d.relatedIdentifiers);
        }
        return d;
    }

    private static void people(List<JsonNode> nodes, List<PersonDraft> out) {
        for (JsonNode n : nodes) {
            if (!n.isObject()) {
                continue;
            }
            PersonDraft p = new PersonDraft()
                    .name(text(n, "name"))
                    .givenName(text(n, "givenName"))
                    .familyName(text(n, "familyName"));
            p.nameType = DataCiteXmlReader.nameType(text(n, "nameType"));
            p.role(text(n, "contributorType"));
            for (JsonNode aff : elements(n, "affiliation")) {
                p.affiliation(text(aff));
            }
            for (JsonNode id : elements(n, "nameIdentifiers")) {
                if (id.isObject()) {
                    JsonNode value = id.get("nameIdentifier");
                    p.nameIdentifiers.add(new NameIdentifierEntry(text(id, "nameIdentifierScheme"),
                            text(id, "schemeUri") != null ? text(id, "schemeUri") : text(id, "schemeURI"),
                            value == null || value.isNull() ? null : value.isString() ? value.stringValue()
                                    : value.toString()));
                }
            }
            out.add(p);
        }
    }

    private static void funding(JsonNode f, RecordDraft d) {
        if (!f.isObject()) {
            return;
        }
        String funderIdValue = text(f, "funderIdentifier");
        Identifier funderId = Texts.isBlank(funderIdValue) ? null
                : new Identifier(Texts.trim(text(f, "funderIdentifierType")), funderIdValue.strip());
        JsonNode award = f.get("awardNumber");
        String awardNumber;
        String awardUri = text(f, "awardUri");
        if (award != null && award.isObject()) { // an older shape nests the URI with the number
            awardNumber = text(award, "awardNumber");
            if (awardUri == null) {
                awardUri = text(award, "awardURI") != null ? text(award, "awardURI") : text(award, "awardUri");
            }
        } else {
            awardNumber = text(award);
        }
        String funderName = Texts.collapse(text(f, "funderName"));
        if (funderName == null && funderId == null && Texts.isBlank(awardNumber)) {
            return;
        }
        d.fundingReferences.add(new FundingReference(funderName, funderId, Texts.collapse(awardNumber),
                Texts.trim(awardUri), Texts.collapse(text(f, "awardTitle"))));
    }

    /** The API's derived {@code container} object; null when absent or empty ({@code {}}). */
    private static Container container(JsonNode c) {
        if (c == null || !c.isObject() || c.isEmpty()) {
            return null;
        }
        String title = Texts.collapse(text(c, "title"));
        String idValue = Texts.trim(text(c, "identifier"));
        List<Identifier> ids = idValue == null ? List.of()
                : List.of(new Identifier(Texts.trim(text(c, "identifierType")), idValue));
        if (title == null && ids.isEmpty()) {
            return null;
        }
        String type = Texts.trim(text(c, "type"));
        return new Container(title, type == null ? null : DataCiteXmlReader.containerType(type), ids,
                Texts.trim(text(c, "volume")), Texts.trim(text(c, "issue")), Texts.trim(text(c, "firstPage")),
                Texts.trim(text(c, "lastPage")));
    }

    private static Container relatedItemContainer(List<JsonNode> items, RecordDraft d) {
        JsonNode chosen = null;
        for (JsonNode item : items) {
            if (!item.isObject()) {
                continue;
            }
            JsonNode itemId = item.get("relatedItemIdentifier");
            if (itemId != null && itemId.isObject()) {
                d.relatedIdentifier(text(itemId, "relatedItemIdentifierType"), text(itemId, "relatedItemIdentifier"),
                        text(item, "relationType"), text(item, "relatedItemType"));
            }
            String relation = Texts.trim(text(item, "relationType"));
            if ("IsPublishedIn".equalsIgnoreCase(relation) && (chosen == null
                    || !"IsPublishedIn".equalsIgnoreCase(Texts.trim(text(chosen, "relationType"))))
                    || "IsPartOf".equalsIgnoreCase(relation) && chosen == null) {
                chosen = item;
            }
        }
        if (chosen == null) {
            return null;
        }
        String title = null;
        for (JsonNode t : elements(chosen, "titles")) {
            if (text(t, "titleType") == null) {
                title = Texts.collapse(text(t, "title"));
                break;
            }
        }
        JsonNode itemId = chosen.get("relatedItemIdentifier");
        List<Identifier> ids = new ArrayList<>(1);
        if (itemId != null && itemId.isObject() && !Texts.isBlank(text(itemId, "relatedItemIdentifier"))) {
            ids.add(new Identifier(Texts.trim(text(itemId, "relatedItemIdentifierType")),
                    text(itemId, "relatedItemIdentifier").strip()));
        }
        return new Container(title, DataCiteXmlReader.containerType(text(chosen, "relatedItemType")), ids,
                Texts.trim(text(chosen, "volume")), Texts.trim(text(chosen, "issue")),
                Texts.trim(text(chosen, "firstPage")), Texts.trim(text(chosen, "lastPage")));
    }
}
