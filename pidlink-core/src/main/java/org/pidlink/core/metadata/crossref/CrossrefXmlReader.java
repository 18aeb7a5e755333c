package org.pidlink.core.metadata.crossref;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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
import org.pidlink.core.metadata.xml.XmlElement;

/**
 * Crossref XML: deposits ({@code doi_batch}, schemas 4.x and 5.x; every DOI in the batch becomes a record) and query
 * output ({@code crossref_result} unixsd, {@code doi_records} unixref; the queried DOI). Crossref's schemas differ
 * between versions and namespaces, and the XSDs cannot be validated with the JDK (XSD 1.1), so elements are matched
 * by local name and read leniently.
 */
public final class CrossrefXmlReader {

    /** Never needed for a work and often the bulk of a record. */
    public static final Set<String> SKIP = Set.of("citation_list", "archive_locations", "crossmark_domains",
            "crossmark_policy", "collection", "scn_policies");
    /** Where one work's descendants end and another's begin. */
    private static final Set<String> NESTED_WORKS = Set.of("component_list", "content_item", "journal_article",
            "conference_paper", "dataset", "citation_list");
    private static final List<String> PUBLICATION_DATES = List.of("published-print", "published-online", "published");
    private static final List<String> OTHER_ISSUE_DATES = List.of("posted", "approved", "reviewed", "accepted");

    /** Reads the works of a Crossref document (parsed with {@link #SKIP}) into the sink. */
    public void read(XmlElement root, MetadataFormat format, ReadSink sink) {
        switch (root.name()) {
            case "doi_batch" -> {
                XmlElement body = root.child("body");
                if (body == null) {
                    throw new MetadataReadException(root.location(), "the deposit has no <body>");
                }
                List<Work> works = new ArrayList<>();
                for (XmlElement item : body.children()) {
                    collect(item, null, works);
                }
                if (works.isEmpty()) {
                    // resource-only deposits (fundref_data, doi_resources) add to existing DOIs; they hold no record
                    throw new MetadataReadException(body.location(), "the deposit holds no work with a DOI (its body has: "
                            + String.join(", ", body.children().stream().map(XmlElement::name).distinct().toList())
                            + ")");
                }
                emit(works, format, null, sink);
            }
            case "crossref_result" -> readQueryResult(root, format, sink);
            case "doi_records", "crossref" -> {
                List<XmlElement> crossrefs = root.name().equals("crossref") ? List.of(root)
                        : root.descendants("crossref", Set.of());
                for (XmlElement c : crossrefs) {
                    readCrossrefElement(c, null, format, sink);
                }
            }
            default -> throw new MetadataReadException(root.location(),
                    "<" + root.name() + "> is not a Crossref deposit or query result");
        }
    }

    private void readQueryResult(XmlElement root, MetadataFormat format, ReadSink sink) {
        List<XmlElement> queries = root.descendants("query", Set.of("doi_record"));
        if (queries.isEmpty()) {
            throw new MetadataReadException(root.location(), "the query result holds no <query>");
        }
        for (XmlElement query : queries) {
            String status = Texts.trim(query.attr("status"));
            XmlElement crossref = query.path("doi_record", "crossref");
            if (crossref == null) {
                String msg = query.childText("msg");
                sink.error(query.location(), "Crossref query " + (status == null ? "" : status + " ")
                        + "without a record" + (msg == null ? "" : ": " + msg)
                        + (query.childText("doi") == null ? "" : " (DOI " + query.childText("doi") + ")"));
                continue;
            }
            String publisher = null;
            for (XmlElement item : query.children("crm-item")) {
                if ("publisher-name".equals(item.attr("name"))) {
                    publisher = item.text();
                }
            }
            QueryContext ctx = new QueryContext(query.childText("doi"), publisher);
            readCrossrefElement(crossref, ctx, format, sink);
        }
    }

    private void readCrossrefElement(XmlElement crossref, QueryContext ctx, MetadataFormat format, ReadSink sink) {
        XmlElement error = crossref.child("error");
        if (error != null) {
            sink.error(error.location(), "Crossref reports: " + error.text());
            return;
        }
        List<Work> works = new ArrayList<>();
        for (XmlElement item : crossref.children()) {
            collect(item, null, works);
        }
        if (ctx != null && ctx.queriedDoi() != null) {
            // Query output carries the queried DOI and its parents (the book of a chapter); only the former is asked for.
            String wanted = ctx.queriedDoi().strip().toLowerCase(Locale.ROOT);
            List<Work> matching = works.stream()
                    .filter(w -> wanted.equals(Texts.trim(w.doiText()) == null ? null
                            : w.doiText().strip().toLowerCase(Locale.ROOT)))
                    .toList();
            if (!matching.isEmpty()) {
                works = matching;
            }
        }
        emit(works, format, ctx == null ? null : ctx.publisher(), sink);
    }

    private void emit(List<Work> works, MetadataFormat format, String publisher, ReadSink sink) {
        if (works.isEmpty()) {
            sink.error("document", "no DOI record found in the Crossref XML");
        }
        for (int i = 0; i < works.size(); i++) {
            Work w = works.get(i);
            String location = works.size() == 1 ? w.element().location()
                    : "record " + (i + 1) + " (" + w.element().location() + ")";
            sink.guarded(location, () -> record(w, format, publisher));
        }
    }

    /** A work element with what its enclosing elements contribute. */
    private record Work(XmlElement element, String type, String subtype, Context context) {
        String doiText() {
            XmlElement doi = element.path("doi_data", "doi");
            if (doi == null) {
                doi = element.child("doi");
            }
            return doi == null ? null : doi.text();
        }
    }

    /** What a work inherits: its journal, book or proceedings, and their dates and publisher. */
    private record Context(Container container, List<XmlElement> dates, String publisher, String language) {
    }

    private record QueryContext(String queriedDoi, String publisher) {
    }

    private static boolean hasDoi(XmlElement e) {
        return e.child("doi_data") != null || e.child("doi") != null;
    }

    /** Finds the works in one top-level element of a deposit body or a query's {@code crossref} element. */
    private static void collect(XmlElement item, Context parent, List<Work> out) {
        switch (item.name()) {
            case "journal" -> {
                XmlElement meta = item.child("journal_metadata");
                XmlElement issue = item.child("journal_issue");
                Container journal = journalContainer(meta, issue);
                List<XmlElement> dates = issue == null ? List.of() : issue.children("publication_date");
                Context ctx = new Context(journal, dates, null,
                        meta == null ? null : Texts.trim(meta.attr("language")));
                for (XmlElement article : item.children("journal_article")) {
                    out.add(new Work(article, "journal-article", null, ctx));
                    components(article, out);
                }
            }
            case "book" -> {
                XmlElement meta = firstOf(item, "book_metadata", "book_series_metadata", "book_set_metadata");
                String bookType = CrossrefTypes.bookType(item.attr("book_type"));
                Container book = meta == null ? null : bookContainer(meta);
                String publisher = meta == null ? null : meta.path("publisher", "publisher_name") == null ? null
                        : meta.path("publisher", "publisher_name").text();
                if (meta != null && hasDoi(meta)) {
                    out.add(new Work(meta, bookType, null, new Context(seriesOf(meta), List.of(), publisher,
                            Texts.trim(meta.attr("language")))));
                }
                Context ctx = new Context(book, meta == null ? List.of() : meta.children("publication_date"),
                        publisher, meta == null ? null : Texts.trim(meta.attr("language")));
                for (XmlElement chapter : item.children("content_item")) {
                    out.add(new Work(chapter, CrossrefTypes.contentItemType(chapter.attr("component_type")), null,
                            ctx));
                    components(chapter, out);
                }
            }
            case "conference" -> {
                XmlElement meta = firstOf(item, "proceedings_metadata", "proceedings_series_metadata");
                Container proceedings = meta == null ? null : new Container(
                        meta.childText("proceedings_title"), "proceedings", isbnIssn(meta),
                        meta.childText("volume"), null, null, null);
                String publisher = meta == null || meta.path("publisher", "publisher_name") == null ? null
                        : meta.path("publisher", "publisher_name").text();
                Context ctx = new Context(proceedings, meta == null ? List.of() : meta.children("publication_date"),
                        publisher, meta == null ? null : Texts.trim(meta.attr("language")));
                for (XmlElement paper : item.children("conference_paper")) {
                    out.add(new Work(paper, "proceedings-article", null, ctx));
                    components(paper, out);
                }
            }
            case "report-paper" -> {
                XmlElement meta = firstOf(item, "report-paper_metadata", "report-paper_series_metadata");
                if (meta != null && hasDoi(meta)) {
                    out.add(new Work(meta, "report", null, new Context(null, List.of(), null,
                            Texts.trim(meta.attr("language")))));
                }
                Container report = meta == null ? null : new Container(meta.path("titles", "title") == null ? null
                        : meta.path("titles", "title").text(), "report", isbnIssn(meta), null, null, null, null);
                for (XmlElement part : item.children("content_item")) {
                    out.add(new Work(part, "report-component", null, new Context(report, List.of(), null, null)));
                }
            }
            case "database" -> {
                XmlElement meta = item.child("database_metadata");
                if (meta != null && hasDoi(meta)) {
                    out.add(new Work(meta, "database", null, new Context(null, List.of(), null,
                            Texts.trim(meta.attr("language")))));
                }
                Container db = meta == null ? null : new Container(meta.path("titles", "title") == null ? null
                        : meta.path("titles", "title").text(), "database", List.of(), null, null, null, null);
                for (XmlElement dataset : item.children("dataset")) {
                    out.add(new Work(dataset, "dataset", CrossrefTypes.subtype(dataset.attr("dataset_type")),
                            new Context(db, List.of(), null, null)));
                    components(dataset, out);
                }
            }
            case "standard" -> {
                XmlElement meta = firstOf(item, "standard_metadata", "standard_series_metadata");
                if (meta != null && hasDoi(meta)) {
                    out.add(new Work(meta, "standard", null, new Context(null, List.of(), null,
                            Texts.trim(meta.attr("language")))));
                }
            }
            case "sa_component" -> components(item, out);
            case "dissertation" -> out.add(new Work(item, "dissertation", null, emptyContext(item)));
            case "posted_content" -> out.add(new Work(item, "posted-content",
                    CrossrefTypes.subtype(item.attr("type")), emptyContext(item)));
            case "peer_review" -> out.add(new Work(item, "peer-review", CrossrefTypes.subtype(item.attr("type")),
                    emptyContext(item)));
            case "pending_publication" -> {
                XmlElement publication = item.child("publication");
                Container c = publication == null ? null : new Container(publication.childText("full_title"),
                        "journal", isbnIssn(publication), null, null, null, null);
                out.add(new Work(item, "pending-publication", null, new Context(c, List.of(), null, null)));
            }
            default -> {
                // head, journal-level or other elements without works
            }
        }
    }

    private static Context emptyContext(XmlElement item) {
        return new Context(null, List.of(), null, Texts.trim(item.attr("language")));
    }

    /** Components (figures, tables, supplements) are DOIs of their own, typed {@code component} for skipping. */
    private static void components(XmlElement parent, List<Work> out) {
        XmlElement list = parent.child("component_list");
        if (list == null) {
            return;
        }
        for (XmlElement c : list.children("component")) {
            if (hasDoi(c)) {
                out.add(new Work(c, "component", null, new Context(null, List.of(), null, null)));
            }
        }
    }

    private static XmlElement firstOf(XmlElement parent, String... names) {
        for (String n : names) {
            XmlElement e = parent.child(n);
            if (e != null) {
                return e;
            }
        }
        return null;
    }

    private static Container journalContainer(XmlElement meta, XmlElement issue) {
        if (meta == null && issue == null) {
            return null;
        }
        String title = meta == null ? null : meta.childText("full_title");
        List<Identifier> ids = meta == null ? List.of() : isbnIssn(meta);
        String volume = issue == null ? null : issue.path("journal_volume", "volume") == null ? null
                : issue.path("journal_volume", "volume").text();
        String number = issue == null ? null : issue.childText("issue");
        return new Container(title, "journal", ids, volume, number, null, null);
    }

    private static Container bookContainer(XmlElement meta) {
        XmlElement titles = meta.child("titles");
        return new Container(titles == null ? null : titles.childText("title"), "book", isbnIssn(meta),
                meta.childText("volume"), null, null, null);
    }

    /** A book's series, when it belongs to one. */
    private static Container seriesOf(XmlElement bookMeta) {
        XmlElement series = bookMeta.child("series_metadata");
        if (series == null) {
            return null;
        }
        XmlElement titles = series.child("titles");
        return new Container(titles == null ? null : titles.childText("title"), "series", isbnIssn(series),
                null, null, null, null);
    }

    private static List<Identifier> isbnIssn(XmlElement meta) {
        List<Identifier> ids = new ArrayList<>(2);
        for (XmlElement issn : meta.children("issn")) {
            if (issn.text() != null) {
                ids.add(new Identifier("ISSN", issn.text()));
            }
        }
        for (XmlElement isbn : meta.children("isbn")) {
            if (isbn.text() != null) {
                ids.add(new Identifier("ISBN", isbn.text()));
            }
        }
        return ids;
    }

    private DoiRecord record(Work w, MetadataFormat format, String queryPublisher) {
        XmlElement e = w.element();
        RecordDraft d = new RecordDraft(format);
        d.doi = Dois.require(w.doiText(), e.location());
        d.state = DoiState.FINDABLE;
        d.resourceType = new ResourceType("crossref", w.type(), w.subtype());
        XmlElement titles = e.child("titles");
        if (titles != null) {
            for (XmlElement t : titles.children()) {
                switch (t.name()) {
                    case "title" -> d.title(t.rawText(), Title.TitleType.MAIN, null);
                    case "subtitle" -> d.title(t.rawText(), Title.TitleType.SUBTITLE, null);
                    case "original_language_title" -> d.title(t.rawText(), Title.TitleType.TRANSLATED,
                            t.attr("language"));
                    default -> {
                        // other title forms carry nothing more
                    }
                }
            }
        } else if (e.child("title") != null) { // component titles sit in <titles>, sometimes directly
            d.title(e.child("title").rawText(), Title.TitleType.MAIN, null);
        }
        CrossrefTypes.promoteOriginalLanguageTitle(d);
        XmlElement contributors = e.child("contributors");
        people(contributors != null ? contributors : e, d);
        d.publisher = firstNonNull(e.path("publisher", "publisher_name") == null ? null
                : e.path("publisher", "publisher_name").text(), w.context().publisher(), queryPublisher);
        Container container = w.context().container();
        XmlElement pages = e.child("pages");
        if (container != null && pages != null) {
            container = new Container(container.title(), container.type(), container.identifiers(),
                    container.volume(), container.issue(), pages.childText("first_page"),
                    pages.childText("last_page"));
        }
        d.container = container;
        dates(e, w.context().dates(), d);
        d.language = firstNonNull(Texts.trim(e.attr("language")), w.context().language());
        if (w.type().equals("book") || w.type().equals("monograph") || w.type().equals("edited-book")
                || w.type().equals("reference-book")) {
            for (XmlElement isbn : e.children("isbn")) {
                d.identifier("ISBN", isbn.text());
            }
        }
        XmlElement item = e.child("publisher_item");
        if (item != null) {
            for (XmlElement id : item.children("identifier")) {
                if (!isOwnDoi(id.attr("id_type"), id.text(), d)) {
                    d.identifier(id.attr("id_type"), id.text());
                }
            }
        }
        for (XmlElement abs : e.descendants("abstract", NESTED_WORKS)) {
            String type = Texts.trim(abs.attr("abstract-type"));
            d.description(abs.rawText(), type == null ? "Abstract" : type, abs.attr("xml:lang"));
        }
        relations(e, d);
        funding(e, d);
        XmlElement resource = e.path("doi_data", "resource");
        d.url = resource == null ? null : Texts.trim(resource.text());
        return d.build();
    }

    private static boolean isOwnDoi(String type, String value, RecordDraft d) {
        if (value == null || type == null || !type.strip().equalsIgnoreCase("doi")) {
            return false;
        }
        try {
            return org.pidlink.core.identifiers.Doi.parse(value).equals(d.doi);
        } catch (org.pidlink.core.identifiers.InvalidIdentifierException e) {
            return false;
        }
    }

    private static String firstNonNull(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /**
     * {@code person_name} and {@code organization} children (of {@code contributors}, or of the work itself in
     * dissertations). Authors are creators, every other role a contributor; positions count within each list.
     */
    private static void people(XmlElement holder, RecordDraft d) {
        for (XmlElement c : holder.children()) {
            boolean person = c.name().equals("person_name");
            if (!person && !c.name().equals("organization")) {
                continue;
            }
            PersonDraft p = new PersonDraft();
            String role = Texts.trim(c.attr("contributor_role"));
            p.role(role == null ? "author" : role);
            if (person) {
                p.givenName(c.childText("given_name")).familyName(c.childText("surname"));
                String suffix = c.childText("suffix");
                String name = p.displayName();
                p.name(suffix == null || name == null ? name : name + " " + suffix);
                p.nameType = Person.NameType.PERSONAL;
                for (XmlElement orcid : c.children("ORCID")) {
                    p.nameIdentifiers.add(NameIdentifierEntry.orcid(orcid.rawText()));
                }
                for (XmlElement aff : c.children("affiliation")) {
                    p.affiliation(aff.text());
                }
                XmlElement affiliations = c.child("affiliations");
                if (affiliations != null) {
                    for (XmlElement inst : affiliations.children("institution")) {
                        p.affiliation(inst.childText("institution_name"));
                    }
                }
            } else {
                p.name(c.rawText());
                p.nameType = Person.NameType.ORGANIZATIONAL;
            }
            (p.roles.contains("author") ? d.creators : d.contributors).add(p);
        }
    }

    private static void dates(XmlElement e, List<XmlElement> inherited, RecordDraft d) {
        List<XmlElement> own = e.children("publication_date");
        for (XmlElement pd : own.isEmpty() ? inherited : own) {
            String media = Texts.trim(pd.attr("media_type"));
            String type = media == null ? "published" : switch (media.toLowerCase(Locale.ROOT)) {
                case "print" -> "published-print";
                case "online" -> "published-online";
                default -> "published";
            };
            date(pd, type, d);
        }
        String[][] others = {{"posted_date", "posted"}, {"approval_date", "approved"}, {"review_date", "reviewed"},
                {"acceptance_date", "accepted"}};
        for (String[] o : others) {
            for (XmlElement pd : e.children(o[0])) {
                date(pd, o[1], d);
            }
        }
        CrossrefTypes.addIssued(d, PUBLICATION_DATES, OTHER_ISSUE_DATES);
    }

    private static void date(XmlElement pd, String type, RecordDraft d) {
        Integer year = Dates.parseInt(pd.childText("year"));
        Integer month = Dates.parseInt(pd.childText("month"));
        Integer day = Dates.parseInt(pd.childText("day"));
        String raw = pd.childText("year") == null ? pd.text()
                : pd.childText("year") + (pd.childText("month") == null ? "" : "-" + pd.childText("month")
                + (pd.childText("day") == null ? "" : "-" + pd.childText("day")));
        d.date(type, Dates.of(year, month, day), raw);
    }

    /** {@code rel:program/related_item/(inter|intra)_work_relation}, wherever the program sits (crossmark too). */
    private static void relations(XmlElement e, RecordDraft d) {
        for (XmlElement item : e.descendants("related_item", NESTED_WORKS)) {
            for (XmlElement rel : item.children()) {
                if (rel.name().equals("inter_work_relation") || rel.name().equals("intra_work_relation")) {
                    String idType = Texts.trim(rel.attr("identifier-type"));
                    d.relatedIdentifier(idType == null ? null : idType.toUpperCase(Locale.ROOT), rel.text(),
                            rel.attr("relationship-type"), null);
                }
            }
        }
    }

    /**
     * FundRef: {@code fr:program/fr:assertion[@name=fundgroup]} with {@code funder_name} (its own text; the
     * {@code funder_identifier} may be nested inside it or be its sibling) and {@code award_number}s. One funding
     * reference per award, or one without an award.
     */
    private static void funding(XmlElement e, RecordDraft d) {
        for (XmlElement program : e.descendants("program", NESTED_WORKS)) {
            if (!"fundref".equalsIgnoreCase(Texts.trim(program.attr("name")))
                    && !program.namespace().contains("fundref")) {
                continue;
            }
            List<XmlElement> groups = new ArrayList<>();
            for (XmlElement a : program.children("assertion")) {
                if ("fundgroup".equals(a.attr("name"))) {
                    groups.add(a);
                }
            }
            if (groups.isEmpty()) {
                groups.add(program);
            }
            for (XmlElement group : groups) {
                fundGroup(group, d);
            }
        }
    }

    private static void fundGroup(XmlElement group, RecordDraft d) {
        String funderName = null;
        String funderId = null;
        List<String> awards = new ArrayList<>();
        for (XmlElement a : group.descendants("assertion", Set.of())) {
            String name = a.attr("name");
            if ("funder_name".equals(name) && funderName == null) {
                funderName = a.ownText();
            } else if ("funder_identifier".equals(name) && funderId == null) {
                funderId = a.text();
            } else if ("award_number".equals(name) && a.text() != null) {
                awards.add(a.text());
            }
        }
        if (funderName == null && funderId == null && awards.isEmpty()) {
            return;
        }
        Identifier id = funderId == null ? null : new Identifier("Crossref Funder ID", funderId);
        if (awards.isEmpty()) {
            d.fundingReferences.add(new FundingReference(funderName, id, null, null, null));
        }
        for (String award : awards) {
            d.fundingReferences.add(new FundingReference(funderName, id, award, null, null));
        }
    }
}
