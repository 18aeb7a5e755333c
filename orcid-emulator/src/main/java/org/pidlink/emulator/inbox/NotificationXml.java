package org.pidlink.emulator.inbox;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import javax.xml.validation.Schema;
import javax.xml.validation.Validator;
import javax.xml.transform.stream.StreamSource;
import org.pidlink.emulator.inbox.PermissionNotification.AuthorizationUrl;
import org.pidlink.emulator.inbox.PermissionNotification.ExternalId;
import org.pidlink.emulator.inbox.PermissionNotification.Item;
import org.pidlink.emulator.schema.HardenedXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Permission notifications as XML: read and validated against ORCID's real notification-permission-3.0.xsd
 * (bundled with the 2.1 schemas it imports; DTDs and external entities refused), and written in ORCID's shape
 * with the server's fields (put-code, dates, source).
 */
final class NotificationXml {

    static final String NS = "http://www.orcid.org/ns/notification";
    static final String COMMON = "http://www.orcid.org/ns/common";
    private static final String XSD = "orcid-model/notification_3.0/notification-permission-3.0.xsd";

    NotificationXml() {
    }

    /**
     * The compiled schema and the hardened parser factory are immutable once built, so one per JVM serves every
     * emulator; they are built on the first notification, not at start (compiling takes far longer than
     * starting an emulator, and most emulators never see a notification).
     */
    private static final class Compiled {
        static final Schema SCHEMA = HardenedXml.compileSchema(NotificationXml.class, XSD);
        static final DocumentBuilderFactory PARSERS = HardenedXml.domParsers();
    }

    private static final class Writers {
        static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();
    }

    // ---- reading ------------------------------------------------------------------------------------------------

    PermissionNotification read(byte[] body) {
        Document doc = parse(body);
        Element root = doc.getDocumentElement();
        if (!NS.equals(root.getNamespaceURI()) || !root.getLocalName().equals("notification")) {
            throw new InvalidNotification("the root element must be notification:notification");
        }
        Element url = child(root, NS, "authorization-url");
        AuthorizationUrl authorizationUrl = new AuthorizationUrl(text(url, NS, "uri"), text(url, NS, "path"),
                text(url, NS, "host"));
        List<Item> items = new ArrayList<>();
        for (Element item : children(child(root, NS, "items"), NS, "item")) {
            Element id = child(item, COMMON, "external-id");
            ExternalId externalId = id == null ? null : new ExternalId(text(id, COMMON, "external-id-type"),
                    text(id, COMMON, "external-id-value"), text(id, COMMON, "external-id-url"),
                    text(id, COMMON, "external-id-relationship"));
            items.add(new Item(text(item, NS, "item-type"), text(item, NS, "item-name"), externalId));
        }
        return new PermissionNotification(authorizationUrl, text(root, NS, "notification-subject"),
                text(root, NS, "notification-intro"), items);
    }

    /** A JSON body is checked by the same schema: rendered as the XML it stands for, then validated. */
    void validate(PermissionNotification n) {
        parse(write(n, null, null));
    }

    /** Well-formed with no DTD (the parser refuses one), then valid against the schema, both with line numbers. */
    private Document parse(byte[] body) {
        try {
            DocumentBuilder builder;
            // A DocumentBuilderFactory is not guaranteed to be thread-safe; the builders it makes are used alone.
            synchronized (Compiled.PARSERS) {
                builder = Compiled.PARSERS.newDocumentBuilder();
            }
            // DefaultHandler throws on fatal errors and keeps the JDK from printing them to stderr.
            builder.setErrorHandler(new DefaultHandler());
            Document doc = builder.parse(new ByteArrayInputStream(body));
            Validator validator = Compiled.SCHEMA.newValidator();
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            // With no ErrorHandler set, a Validator throws on every error (javax.xml.validation.Validator).
            validator.validate(new StreamSource(new ByteArrayInputStream(body)));
            return doc;
        } catch (SAXParseException e) {
            throw new InvalidNotification("line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": "
                    + e.getMessage());
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new InvalidNotification(String.valueOf(e.getMessage()));
        }
    }

    private static Element child(Element parent, String ns, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String ns, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    private static String text(Element parent, String ns, String name) {
        Element e = child(parent, ns, name);
        return e == null ? null : e.getTextContent();
    }

    // ---- writing ------------------------------------------------------------------------------------------------

    byte[] write(StoredNotification n, String clientHost) {
        return write(n.content(), n, clientHost);
    }

    byte[] writeList(List<StoredNotification> list, String clientHost) {
        return document(w -> {
            w.writeStartElement(NS, "notifications");
            declare(w);
            for (StoredNotification n : list) {
                notification(w, n.content(), n, clientHost, false);
            }
            w.writeEndElement();
        });
    }

    private byte[] write(PermissionNotification content, StoredNotification stored, String clientHost) {
        return document(w -> notification(w, content, stored, clientHost, true));
    }

    private interface Body {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    private static byte[] document(Body body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(2048);
        try {
            XMLStreamWriter w = Writers.FACTORY.createXMLStreamWriter(bytes, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.setPrefix("notification", NS);
            w.setPrefix("common", COMMON);
            body.write(w);
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    private static void declare(XMLStreamWriter w) throws XMLStreamException {
        w.writeNamespace("notification", NS);
        w.writeNamespace("common", COMMON);
    }

    private static void notification(XMLStreamWriter w, PermissionNotification c, StoredNotification s,
                                     String clientHost, boolean root) throws XMLStreamException {
        w.writeStartElement(NS, "notification");
        if (root) {
            declare(w);
        }
        if (s != null) {
            w.writeAttribute("put-code", Long.toString(s.putCode()));
        }
        leaf(w, NS, "notification-type", "permission");
        w.writeStartElement(NS, "authorization-url");
        leaf(w, NS, "uri", c.authorizationUrl().uri());
        leaf(w, NS, "path", c.authorizationUrl().path());
        leaf(w, NS, "host", c.authorizationUrl().host());
        w.writeEndElement();
        leaf(w, NS, "notification-subject", c.subject());
        leaf(w, NS, "notification-intro", c.intro());
        w.writeStartElement(NS, "items");
        for (Item i : c.items()) {
            w.writeStartElement(NS, "item");
            leaf(w, NS, "item-type", i.type());
            leaf(w, NS, "item-name", i.name());
            if (i.externalId() != null) {
                w.writeStartElement(COMMON, "external-id");
                leaf(w, COMMON, "external-id-type", i.externalId().type());
                leaf(w, COMMON, "external-id-value", i.externalId().value());
                leaf(w, COMMON, "external-id-url", i.externalId().url());
                leaf(w, COMMON, "external-id-relationship", i.externalId().relationship());
                w.writeEndElement();
            }
            w.writeEndElement();
        }
        w.writeEndElement();
        if (s != null) {
            leaf(w, COMMON, "created-date", date(s.createdDate()));
            leaf(w, COMMON, "sent-date", date(s.sentDate()));
            leaf(w, COMMON, "read-date", date(s.readDate()));
            leaf(w, NS, "actioned-date", date(s.actionedDate()));
            leaf(w, COMMON, "archived-date", date(s.archivedDate()));
            w.writeStartElement(COMMON, "source");
            w.writeStartElement(COMMON, "source-client-id");
            leaf(w, COMMON, "uri", "https://" + clientHost + "/client/" + s.sourceClientId());
            leaf(w, COMMON, "path", s.sourceClientId());
            leaf(w, COMMON, "host", clientHost);
            w.writeEndElement();
            leaf(w, COMMON, "source-name", s.sourceName());
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private static void leaf(XMLStreamWriter w, String ns, String name, String value) throws XMLStreamException {
        if (value != null) {
            w.writeStartElement(ns, name);
            w.writeCharacters(value);
            w.writeEndElement();
        }
    }

    static String date(Instant i) {
        return i == null ? null : i.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
