package org.pidlink.core.metadata.crossref;

import java.util.ArrayList;
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
import org.pidlink.core.metadata.Person;
import org.pidlink.core.metadata.ResourceType;
import org.pidlink.core.metadata.Title;
import org.pidlink.core.metadata.support.Dates;
import org.pidlink.core.metadata.support.Dois;
import org.pidlink.core.metadata.support.NameIdentifierEntry;
import org.pidlink.core.metadata.support.PersonDraft;
import org.pidlink.core.metadata.support.ReadSink;
import org.pidlink.core.metadata.support.RecordDraft;
import org.pidlink.core.metadata.support.Texts;

import static org.pidlink.core.metadata.json.JsonPaths.elements;
import static org.pidlink.core.metadata.json.JsonPaths.text;
import static org.pidlink.core.metadata.json.JsonPaths.texts;

/**
 * Crossref REST JSON: the {@code {status, message-type, message}} envelope of {@code /works/{doi}} ({@code work})
 * and {@code /works} ({@code work-list}, records in {@code message.items}), a bare work object (the CSL transform,
 * whose fields are REST-shaped but may be plain strings instead of arrays), or an array of works.
 */
public final class CrossrefJsonReader {

    /** Person arrays and the role each stands for; {@code author} are creators, the rest contributors. */
    private static final String[] ROLES = {"author", "editor", "chair", "translator"};
    /** Publication-related dates; Crossref's system timestamps (created, deposited, indexed) are left out. */
    private static final String[] DATES = {"published-print", "published-online", "published", "issued", "posted",
            "accepted", "approved", "content-created"};
    private static final List<String> PUBLICATION_DATES = List.of("published-print", "published-online", "published");
    private static final List<String> OTHER_ISSUE_DATES = List.of("posted", "approved", "accepted");

    public void read(JsonNode root, ReadSink sink) {
        if (root.isArray()) {
            for (int i = 0; i < root.size(); i++) {
                JsonNode item = root.get(i);
                String path = "$[" + i + "]";
                sink.guarded(path, () -> work(item, path));
            }
            return;
        }
        if (!root.isObject()) {
            throw new MetadataReadException("$", "expected a JSON object or array");
        }
        JsonNode message = root.get("message");
        String messageType = text(root, "message-type");
        if ("failed".equals(text(root, "status")) || message != null && !message.isObject()) {
            throw new MetadataReadException("$.message", "the document is a Crossref API error: "
                    + (message == null ? root : message));
        }
        if (messageType != null && !messageType.equals("work") && !messageType.equals("work-list")) {
            throw new MetadataReadException("$.message-type",
                    "a Crossref \"" + messageType + "\" message holds no works");
        }
        if (message == null) {
            sink.guarded("$", () -> work(root, "$"));
        } else if ("work-list".equals(messageType) || message.has("items")) {
            JsonNode items = message.get("items");
            if (items == null || !items.isArray()) {
                throw new MetadataReadException("$.message.items", "a work-list without an items array");
            }
            for (int i = 0; i < items.size(); i++) {
                JsonNode item = items.get(i);
                String path = "$.message.items[" + i + "]";
                sink.guarded(path, () -> work(item, path));
            }
        } else {
            sink.guarded("$.message", () -> work(message, "$.message"));
        }
    }

    private DoiRecord work(JsonNode w, String path) {
        if (w == null || !w.isObject()) {
            throw new MetadataReadException(path, "expected a Crossref work object");
        }
        RecordDraft d = new RecordDraft(MetadataFormat.CROSSREF_JSON);
        d.doi = Dois.require(text(w, "DOI"), path + ".DOI");
        d.state = DoiState.FINDABLE;
        String type = Texts.trim(text(w, "type"));
        d.resourceType = new ResourceType("crossref", type, CrossrefTypes.subtype(text(w, "subtype")));
        for (String t : texts(w, "title")) {
            d.title(Texts.stripMarkup(t), Title.TitleType.MAIN, null);
        }
        for (String t : texts(w, "subtitle")) {
            d.title(Texts.stripMarkup(t), Title.TitleType.SUBTITLE, null);
        }
        for (String t : texts(w, "original-title")) {
            d.title(Texts.stripMarkup(t), Title.TitleType.TRANSLATED, null);
        }
        CrossrefTypes.promoteOriginalLanguageTitle(d);
        for (String t : texts(w, "short-title")) {
            d.title(Texts.stripMarkup(t), Title.TitleType.ALTERNATIVE, null);
        }
        for (String role : ROLES) {
            for (JsonNode n : elements(w, role)) {
                if (n.isObject()) {
                    PersonDraft p = person(n, role);
                    (role.equals("author") ? d.creators : d.contributors).add(p);
                }
            }
        }
        d.publisher = Texts.collapse(text(w, "publisher"));
        d.container = container(w, type);
        for (String dateType : DATES) {
            JsonNode date = w.get(dateType);
            if (date != null && date.isObject()) {
                date(date, dateType, d);
            }
        }
        CrossrefTypes.addIssued(d, PUBLICATION_DATES, OTHER_ISSUE_DATES);
        String abs = text(w, "abstract");
        if (abs != null) {
            d.description(Texts.stripMarkup(abs), "Abstract", null);
        }
        d.language = Texts.trim(text(w, "language"));
        if (type != null && (type.equals("book") || type.equals("monograph") || type.equals("edited-book")
                || type.equals("reference-book"))) {
            for (String isbn : texts(w, "ISBN")) {
                d.identifier("ISBN", isbn);
            }
        }
        relations(w.get("relation"), d);
        for (JsonNode f : elements(w, "funder")) {
            funder(f, d);
        }
        JsonNode resource = w.get("resource");
        String landing = resource == null ? null : text(resource.get("primary"), "URL");
        d.url = Texts.trim(landing != null ? landing : text(w, "URL"));
        return d.build();
    }

    private static PersonDraft person(JsonNode n, String role) {
        PersonDraft p = new PersonDraft().givenName(text(n, "given")).familyName(text(n, "family"));
        String suffix = Texts.collapse(text(n, "suffix"));
        String literal = text(n, "name") != null ? text(n, "name") : text(n, "literal");
        if (p.familyName == null && p.givenName == null && literal != null) {
            p.name(literal);
            p.nameType = Person.NameType.ORGANIZATIONAL;
        } else {
            String name = p.displayName();
            p.name(suffix == null || name == null ? name : name + " " + suffix);
            p.nameType = Person.NameType.PERSONAL;
        }
        p.role(role);
        if (n.has("ORCID")) {
            JsonNode orcid = n.get("ORCID");
            p.nameIdentifiers.add(NameIdentifierEntry.orcid(orcid.isNull() ? null
                    : orcid.isString() ? orcid.stringValue() : orcid.toString()));
        }
        for (JsonNode aff : elements(n, "affiliation")) {
            p.affiliation(text(aff));
        }
        return p;
    }

    private static Container container(JsonNode w, String type) {
        String title = Texts.stripMarkup(text(w, "container-title"));
        List<Identifier> ids = new ArrayList<>();
        boolean inBook = type != null && (type.startsWith("book-") || type.equals("reference-entry")
                || type.equals("proceedings-article"));
        for (String issn : texts(w, "ISSN")) {
            ids.add(new Identifier("ISSN", issn.strip()));
        }
        if (inBook) {
            for (String isbn : texts(w, "ISBN")) {
                ids.add(new Identifier("ISBN", isbn.strip()));
            }
        }
        if (title == null && ids.isEmpty()) {
            return null;
        }
        String first = null;
        String last = null;
        String page = Texts.trim(text(w, "page"));
        if (page != null) {
            int dash = page.indexOf('-');
            first = dash < 0 ? page : Texts.trim(page.substring(0, dash));
            last = dash < 0 ? null : Texts.trim(page.substring(dash + 1));
        }
        return new Container(title, containerType(type), ids, Texts.trim(text(w, "volume")),
                Texts.trim(text(w, "issue")), first, last);
    }

    private static String containerType(String workType) {
        if (workType == null) {
            return null;
        }
        if (workType.equals("journal-article") || workType.equals("journal-issue")) {
            return "journal";
        }
        if (workType.startsWith("book-") || workType.equals("reference-entry")) {
            return "book";
        }
        if (workType.startsWith("proceedings")) {
            return "proceedings";
        }
        if (workType.equals("dataset")) {
            return "database";
        }
        return null;
    }

    /** {@code {"date-parts": [[2020, 5, 3]]}}; the raw value is the timestamp when there is one, else the parts. */
    private static void date(JsonNode date, String type, RecordDraft d) {
        JsonNode parts = date.get("date-parts");
        Integer[] ymd = new Integer[3];
        if (parts != null && parts.isArray() && !parts.isEmpty() && parts.get(0).isArray()) {
            JsonNode first = parts.get(0);
            for (int i = 0; i < 3 && i < first.size(); i++) {
                JsonNode v = first.get(i);
                ymd[i] = v.isIntegralNumber() && v.canConvertToInt() ? v.intValue() : Dates.parseInt(text(v));
            }
        }
        String raw = text(date, "date-time");
        if (raw == null && parts != null) {
            raw = parts.toString();
        }
        d.date(type, Dates.of(ymd[0], ymd[1], ymd[2]), raw);
    }

    /** {@code relation: {"is-version-of": [{"id-type": "doi", "id": "..."}], ...}}. */
    private static void relations(JsonNode relation, RecordDraft d) {
        if (relation == null || !relation.isObject()) {
            return;
        }
        for (String relationType : relation.propertyNames()) {
            for (JsonNode r : elements(relation, relationType)) {
                String idType = Texts.trim(text(r, "id-type"));
                d.relatedIdentifier(idType == null ? null : idType.toUpperCase(Locale.ROOT), text(r, "id"),
                        relationType, null);
            }
        }
    }

    private static void funder(JsonNode f, RecordDraft d) {
        if (!f.isObject()) {
            return;
        }
        String name = Texts.collapse(text(f, "name"));
        String doi = Texts.trim(text(f, "DOI"));
        Identifier id = doi == null ? null : new Identifier("Crossref Funder ID", doi);
        List<String> awards = texts(f, "award");
        if (awards.isEmpty()) {
            if (name != null || id != null) {
                d.fundingReferences.add(new FundingReference(name, id, null, null, null));
            }
            return;
        }
        for (String award : awards) {
            d.fundingReferences.add(new FundingReference(name, id, Texts.collapse(award), null, null));
        }
    }
}
