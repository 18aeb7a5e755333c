package org.pidlink.core.metadata.datacite;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.pidlink.core.metadata.Container;
import org.pidlink.core.metadata.DoiRecord;
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
import org.pidlink.core.metadata.xml.SecureXmlParser;
import org.pidlink.core.metadata.xml.XmlElement;

/**
 * DataCite XML, every kernel from 2.1 to 4.7. Elements are matched by local name under a root {@code resource}
 * in any {@code http://datacite.org/schema/kernel-*} namespace, whatever its prefix ({@code ns0:}, {@code default:}).
 * A {@code resource} wrapped in another document (OAI-PMH) is found too.
 */
public final class DataCiteXmlReader {

    /** Subtrees never used for ORCID works; geo polygons make records megabytes large. */
    public static final Set<String> SKIP = Set.of("geoLocations", "subjects", "rightsList", "sizes", "formats");

    private final SecureXmlParser parser;

    public DataCiteXmlReader(SecureXmlParser parser) {
        this.parser = parser;
    }

    public static boolean isDataCiteNamespace(String namespace) {
        return namespace != null && (namespace.startsWith("http://datacite.org/schema/kernel-")
                || namespace.startsWith("https://datacite.org/schema/kernel-"));
    }

    /** Reads every DataCite {@code resource} in the document (parsed with {@link #SKIP}) into the sink. */
    public void read(XmlElement root, MetadataFormat format, ReadSink sink) {
        if (root.name().equals("resource")) {
            sink.guarded(root.location(), () -> record(root, format));
            return;
        }
        List<XmlElement> resources = root.descendants("resource", Set.of());
        resources.removeIf(r -> !isDataCiteNamespace(r.namespace()));
        if (resources.isEmpty()) {
            throw new MetadataReadException(root.location(),
                    "no DataCite <resource> element (root is <" + root.name() + ">)");
        }
        for (int i = 0; i < resources.size(); i++) {
            XmlElement r = resources.get(i);
            sink.guarded("record " + (i + 1) + " (" + r.location() + ")", () -> record(r, format));
        }
    }

    /** Parses one embedded document (the REST API's {@code xml} attribute) into a single draft. */
    public RecordDraft draft(byte[] content, MetadataFormat format) {
        XmlElement root = parser.parse(content, SKIP);
        if (!root.name().equals("resource")) {
            throw new MetadataReadException(root.location(), "root element is <" + root.name() + ">, not <resource>");
        }
        return draft(root, format);
    }

    private DoiRecord record(XmlElement resource, MetadataFormat format) {
        return draft(resource, format).build();
    }

    RecordDraft draft(XmlElement resource, MetadataFormat format) {
        RecordDraft d = new RecordDraft(format);
        XmlElement identifier = resource.child("identifier");
        d.doi = Dois.require(identifier == null ? null : identifier.text(),
                identifier == null ? resource.location() : identifier.location());

        readPeople(resource.child("creators"), "creator", "creatorName", d.creators, d);
        readTitles(resource.child("titles"), d);
        d.publisher = resource.childText("publisher");
        d.publicationYear = Dates.parseInt(resource.childText("publicationYear"));
        readPeople(resource.child("contributors"), "contributor", "contributorName", d.contributors, d);
        XmlElement dates = resource.child("dates");
        if (dates != null) {
            for (XmlElement date : dates.children("date")) {
                String raw = date.rawText();
                d.date(date.attr("dateType"), Dates.parse(raw), raw);
            }
        }
        d.language = Texts.trim(resource.childText("language"));
        XmlElement type = resource.child("resourceType");
        if (type != null) {
            d.resourceType = new ResourceType("datacite", Texts.trim(type.attr("resourceTypeGeneral")), type.text());
        }
        XmlElement alternates = resource.child("alternateIdentifiers");
        if (alternates != null) {
            for (XmlElement a : alternates.children("alternateIdentifier")) {
                d.identifier(a.attr("alternateIdentifierType"), a.text());
            }
        }
        XmlElement related = resource.child("relatedIdentifiers");
        if (related != null) {
            for (XmlElement r : related.children("relatedIdentifier")) {
                d.relatedIdentifier(r.attr("relatedIdentifierType"), r.text(), r.attr("relationType"),
                        r.attr("resourceTypeGeneral"));
            }
        }
        XmlElement descriptions = resource.child("descriptions");
        String seriesInformation = null;
        if (descriptions != null) {
            for (XmlElement desc : descriptions.children("description")) {
                d.description(desc.text(), desc.attr("descriptionType"), desc.attr("xml:lang"));
                if ("SeriesInformation".equalsIgnoreCase(Texts.trim(desc.attr("descriptionType")))
                        && seriesInformation == null) {
                    seriesInformation = desc.text();
                }
            }
        }
        readFunding(resource.child("fundingReferences"), d);
        d.container = container(resource.child("relatedItems"), d, seriesInformation);
        return d;
    }

    private static void readTitles(XmlElement titles, RecordDraft d) {
        if (titles == null) {
            return;
        }
        for (XmlElement t : titles.children("title")) {
            d.title(t.rawText(), titleType(t.attr("titleType")), t.attr("xml:lang"));
        }
    }

    static Title.TitleType titleType(String raw) {
        String t = Texts.trim(raw);
        if (t == null) {
            return Title.TitleType.MAIN;
        }
        return switch (t.toLowerCase(Locale.ROOT)) {
            case "subtitle" -> Title.TitleType.SUBTITLE;
            case "translatedtitle" -> Title.TitleType.TRANSLATED;
            case "alternativetitle" -> Title.TitleType.ALTERNATIVE;
            default -> Title.TitleType.OTHER;
        };
    }

    /**
     * Creators or contributors. Every name element starts a new person, so a {@code <creator>} that packs several
     * people (schema-invalid, but registered: {@code malformed-creator.xml}) yields each of them. Kernel-3 funders
     * ({@code contributorType="Funder"}) become funding references, which is what kernel 4 made of them.
     */
    private static void readPeople(XmlElement group, String personElement, String nameElement,
                                   List<PersonDraft> out, RecordDraft d) {
        if (group == null) {
            return;
        }
        for (XmlElement p : group.children(personElement)) {
            String role = p.attr("contributorType");
            if (role != null && role.strip().equalsIgnoreCase("Funder")) {
                d.fundingReferences.add(kernel3Funder(p, nameElement));
                continue;
            }
            PersonDraft current = null;
            for (XmlElement c : p.children()) {
                if (current == null || c.name().equals(nameElement) && current.name != null) {
                    current = new PersonDraft();
                    current.role(role);
                    out.add(current);
                }
                switch (c.name()) {
                    case "creatorName", "contributorName" -> {
                        current.name(c.rawText());
                        current.nameType = nameType(c.attr("nameType"));
                    }
                    case "givenName" -> current.givenName(c.rawText());
                    case "familyName" -> current.familyName(c.rawText());
                    case "nameIdentifier" -> current.nameIdentifiers.add(new NameIdentifierEntry(
                            c.attr("nameIdentifierScheme"), c.attr("schemeURI"), c.rawText()));
                    case "affiliation" -> current.affiliation(c.rawText());
                    default -> {
                        // other children carry nothing a work needs
                    }
                }
            }
            if (current == null) {
                PersonDraft empty = new PersonDraft();
                empty.role(role);
                out.add(empty); // dropped at build time unless it has content
            }
        }
    }

    static Person.NameType nameType(String raw) {
        String t = Texts.trim(raw);
        if (t == null) {
            return Person.NameType.UNKNOWN;
        }
        return switch (t.toLowerCase(Locale.ROOT)) {
            case "personal" -> Person.NameType.PERSONAL;
            case "organizational", "organisational" -> Person.NameType.ORGANIZATIONAL;
            default -> Person.NameType.UNKNOWN;
        };
    }

    private static FundingReference kernel3Funder(XmlElement contributor, String nameElement) {
        XmlElement id = contributor.child("nameIdentifier");
        Identifier funderId = null;
        if (id != null && id.text() != null) {
            funderId = new Identifier(Texts.trim(id.attr("nameIdentifierScheme")), id.text());
        }
        return new FundingReference(contributor.childText(nameElement), funderId, null, null, null);
    }

    private static void readFunding(XmlElement group, RecordDraft d) {
        if (group == null) {
            return;
        }
        for (XmlElement f : group.children("fundingReference")) {
            XmlElement id = f.child("funderIdentifier");
            Identifier funderId = id == null || id.text() == null ? null
                    : new Identifier(Texts.trim(id.attr("funderIdentifierType")), id.text());
            XmlElement award = f.child("awardNumber");
            String awardNumber = award == null ? null : award.text();
            String awardUri = award == null ? null : Texts.trim(award.attr("awardURI"));
            if (f.childText("funderName") == null && funderId == null && awardNumber == null) {
                continue;
            }
            d.fundingReferences.add(new FundingReference(f.childText("funderName"), funderId, awardNumber, awardUri,
                    f.childText("awardTitle")));
        }
    }

    /**
     * The container: a relatedItem the work IsPublishedIn (else IsPartOf), else the SeriesInformation description,
     * else an ISSN or ISBN the work IsPublishedIn / IsPartOf. A relatedItem's identifier also becomes a related
     * identifier, since it is one.
     */
    private static Container container(XmlElement relatedItems, RecordDraft d, String seriesInformation) {
        XmlElement chosen = null;
        if (relatedItems != null) {
            for (XmlElement item : relatedItems.children("relatedItem")) {
                XmlElement itemId = item.child("relatedItemIdentifier");
                if (itemId != null) {
                    d.relatedIdentifier(itemId.attr("relatedItemIdentifierType"), itemId.text(),
                            item.attr("relationType"), item.attr("relatedItemType"));
                }
                String relation = Texts.trim(item.attr("relationType"));
                if ("IsPublishedIn".equalsIgnoreCase(relation)
                        || chosen == null && "IsPartOf".equalsIgnoreCase(relation)) {
                    if (chosen == null || !"IsPublishedIn".equalsIgnoreCase(Texts.trim(chosen.attr("relationType")))) {
                        chosen = item;
                    }
                }
            }
        }
        if (chosen != null) {
            XmlElement titles = chosen.child("titles");
            String title = null;
            if (titles != null) {
                for (XmlElement t : titles.children("title")) {
                    if (titleType(t.attr("titleType")) == Title.TitleType.MAIN) {
                        title = t.text();
                        break;
                    }
                }
            }
            XmlElement itemId = chosen.child("relatedItemIdentifier");
            List<Identifier> ids = itemId == null || itemId.text() == null ? List.of()
                    : List.of(new Identifier(Texts.trim(itemId.attr("relatedItemIdentifierType")), itemId.text()));
            return new Container(title, containerType(chosen.attr("relatedItemType")), ids,
                    chosen.childText("volume"), chosen.childText("issue"), chosen.childText("firstPage"),
                    chosen.childText("lastPage"));
        }
        if (seriesInformation != null) {
            return new Container(seriesInformation, "series", List.of(), null, null, null, null);
        }
        return DataCiteContainers.fromRelatedIdentifiers(d.relatedIdentifiers);
    }

    static String containerType(String relatedItemType) {
        String t = Texts.trim(relatedItemType);
        if (t == null) {
            return null;
        }
        return switch (t) {
            case "Journal", "JournalArticle" -> "journal";
            case "Book", "BookChapter" -> "book";
            case "ConferenceProceeding", "ConferencePaper" -> "proceedings";
            default -> t.toLowerCase(Locale.ROOT);
        };
    }
}
