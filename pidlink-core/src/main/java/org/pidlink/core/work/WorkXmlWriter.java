package org.pidlink.core.work;

import java.io.StringWriter;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes works in ORCID's v3.0 XML shape ({@code application/vnd.orcid+xml}), valid against
 * {@code work-3.0.xsd} and, for several works, {@code bulk-3.0.xsd}.
 */
public final class WorkXmlWriter {

    static final String WORK_NS = "http://www.orcid.org/ns/work";
    static final String COMMON_NS = "http://www.orcid.org/ns/common";
    static final String BULK_NS = "http://www.orcid.org/ns/bulk";

    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

    private WorkXmlWriter() {
    }

    /** The work as an XML document, the body of {@code POST /work} or {@code PUT /work/{put-code}}. */
    public static String toXml(OrcidWork work) {
        return write(x -> {
            x.start("work", WORK_NS, "work");
            x.namespaces(false);
            writeWorkContent(x, work);
            x.end();
        });
    }

    /**
     * ORCID's {@code bulk:bulk} message holding the works, the body of {@code POST /works}.
     *
     * @throws InvalidWorkException for more than 100 works or a work with a put-code, which ORCID refuses
     */
    public static String toBulkXml(List<OrcidWork> works) {
        Bulk.check(works);
        return write(x -> {
            x.start("bulk", BULK_NS, "bulk");
            x.namespaces(true);
            for (OrcidWork work : works) {
                x.start("work", WORK_NS, "work");
                writeWorkContent(x, work);
                x.end();
            }
            x.end();
        });
    }

    private interface Body {
        void write(Xml x) throws XMLStreamException;
    }

    private static String write(Body body) {
        StringWriter out = new StringWriter(4096);
        try {
            XMLStreamWriter writer = OUTPUT.createXMLStreamWriter(out);
            writer.writeStartDocument("UTF-8", "1.0");
            Xml x = new Xml(writer);
            body.write(x);
            writer.writeCharacters("\n");
            writer.writeEndDocument();
            writer.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing XML to a string failed", e);
        }
        return out.toString();
    }

    private static void writeWorkContent(Xml x, OrcidWork work) throws XMLStreamException {
        if (work.putCode() != null) {
            x.attribute("put-code", work.putCode().toString());
        }
        WorkTitle title = work.title();
        x.start("work", WORK_NS, "title");
        x.leaf("common", COMMON_NS, "title", title.title());
        if (title.subtitle() != null) {
            x.leaf("common", COMMON_NS, "subtitle", title.subtitle());
        }
        if (title.translatedTitle() != null) {
            x.startLeaf("common", COMMON_NS, "translated-title");
            x.attribute("language-code", title.translatedTitle().languageCode());
            x.text(title.translatedTitle().value());
        }
        x.end();
        if (work.journalTitle() != null) {
            x.leaf("work", WORK_NS, "journal-title", work.journalTitle());
        }
        if (work.shortDescription() != null) {
            x.leaf("work", WORK_NS, "short-description", work.shortDescription());
        }
        if (work.citation() != null) {
            x.start("work", WORK_NS, "citation");
            x.leaf("work", WORK_NS, "citation-type", work.citation().type());
            x.leaf("work", WORK_NS, "citation-value", work.citation().value());
            x.end();
        }
        x.leaf("work", WORK_NS, "type", work.type());
        if (work.publicationDate() != null) {
            PublicationDate date = work.publicationDate();
            x.start("common", COMMON_NS, "publication-date");
            x.leaf("common", COMMON_NS, "year", date.yearText());
            if (date.month() != null) {
                x.leaf("common", COMMON_NS, "month", date.monthText());
            }
            if (date.day() != null) {
                x.leaf("common", COMMON_NS, "day", date.dayText());
            }
            x.end();
        }
        x.start("common", COMMON_NS, "external-ids");
        for (ExternalId id : work.externalIds()) {
            x.start("common", COMMON_NS, "external-id");
            x.leaf("common", COMMON_NS, "external-id-type", id.type());
            x.leaf("common", COMMON_NS, "external-id-value", id.value());
            if (id.url() != null) {
                x.leaf("common", COMMON_NS, "external-id-url", id.url());
            }
            x.leaf("common", COMMON_NS, "external-id-relationship", id.relationship().value());
            x.end();
        }
        x.end();
        if (work.url() != null) {
            x.leaf("common", COMMON_NS, "url", work.url());
        }
        if (!work.contributors().isEmpty()) {
            x.start("work", WORK_NS, "contributors");
            for (WorkContributor c : work.contributors()) {
                writeContributor(x, c);
            }
            x.end();
        }
        if (work.languageCode() != null) {
            x.leaf("common", COMMON_NS, "language-code", work.languageCode());
        }
        if (work.country() != null) {
            x.leaf("common", COMMON_NS, "country", work.country());
        }
    }

    private static void writeContributor(Xml x, WorkContributor c) throws XMLStreamException {
        x.start("work", WORK_NS, "contributor");
        if (c.orcid() != null) {
            x.start("common", COMMON_NS, "contributor-orcid");
            x.leaf("common", COMMON_NS, "uri", c.orcid().uri());
            x.leaf("common", COMMON_NS, "path", c.orcid().path());
            x.leaf("common", COMMON_NS, "host", c.orcid().host());
            x.end();
        }
        if (c.creditName() != null) {
            x.leaf("work", WORK_NS, "credit-name", c.creditName());
        }
        if (c.sequence() != null || c.role() != null) {
            x.start("work", WORK_NS, "contributor-attributes");
            if (c.sequence() != null) {
                x.leaf("work", WORK_NS, "contributor-sequence", c.sequence().value());
            }
            if (c.role() != null) {
                x.leaf("work", WORK_NS, "contributor-role", c.role());
            }
            x.end();
        }
        x.end();
    }

    /** A thin indenting layer over StAX: containers on their own lines, text elements on one line. */
    private static final class Xml {

        private final XMLStreamWriter w;
        private int depth;

        Xml(XMLStreamWriter w) {
            this.w = w;
        }

        void start(String prefix, String ns, String name) throws XMLStreamException {
            indent();
            w.writeStartElement(prefix, name, ns);
            depth++;
        }

        void namespaces(boolean bulk) throws XMLStreamException {
            if (bulk) {
                w.writeNamespace("bulk", BULK_NS);
            }
            w.writeNamespace("common", COMMON_NS);
            w.writeNamespace("work", WORK_NS);
        }

        void attribute(String name, String value) throws XMLStreamException {
            w.writeAttribute(name, value);
        }

        void startLeaf(String prefix, String ns, String name) throws XMLStreamException {
            indent();
            w.writeStartElement(prefix, name, ns);
        }

        void text(String value) throws XMLStreamException {
            w.writeCharacters(value);
            w.writeEndElement();
        }

        void leaf(String prefix, String ns, String name, String value) throws XMLStreamException {
            startLeaf(prefix, ns, name);
            text(value);
        }

        void end() throws XMLStreamException {
            depth--;
            indent();
            w.writeEndElement();
        }

        private void indent() throws XMLStreamException {
            w.writeCharacters("\n" + "  ".repeat(depth));
        }
    }
}
