package org.pidlink.emulator.schema;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** A small StAX writer with ORCID's namespace prefixes bound; unchecked so the writers read like the XSD. */
public final class XmlOut implements XmlSink {

    public static final String COMMON = "http://www.orcid.org/ns/common";
    public static final String WORK = "http://www.orcid.org/ns/work";
    public static final String BULK = "http://www.orcid.org/ns/bulk";
    public static final String ERROR = "http://www.orcid.org/ns/error";
    public static final String ACTIVITIES = "http://www.orcid.org/ns/activities";

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    public static final String RECORD = "http://www.orcid.org/ns/record";
    public static final String PERSON = "http://www.orcid.org/ns/person";
    public static final String PERSONAL_DETAILS = "http://www.orcid.org/ns/personal-details";
    public static final String EMAIL = "http://www.orcid.org/ns/email";

    private static final java.util.Map<String, String> PREFIXES = prefixes();

    /** ORCID's prefixes: each namespace's last path segment ({@code http://www.orcid.org/ns/employment}). */
    private static java.util.Map<String, String> prefixes() {
        java.util.Map<String, String> m = new java.util.HashMap<>();
        for (String ns : java.util.List.of(COMMON, WORK, BULK, ERROR, ACTIVITIES, RECORD, PERSON, PERSONAL_DETAILS,
                EMAIL)) {
            m.put(ns, ns.substring(ns.lastIndexOf('/') + 1));
        }
        for (String kind : java.util.List.of("employment", "education", "qualification", "invited-position",
                "distinction", "membership", "service", "funding", "peer-review", "research-resource")) {
            m.put("http://www.orcid.org/ns/" + kind, kind);
        }
        return java.util.Map.copyOf(m);
    }

    // A Writer, not an OutputStream: the JDK writer encodes byte by byte into an OutputStream.
    private final StringWriter chars = new StringWriter(2048);
    private final XMLStreamWriter w;
    private final String[] rootNamespaces;
    private boolean rootOpen;

    /** {@code rootNamespaces}: namespaces to declare on the root, besides common and work. */
    public XmlOut(String... rootNamespaces) {
        this.rootNamespaces = rootNamespaces;
        try {
            w = FACTORY.createXMLStreamWriter(chars);
            w.writeStartDocument("UTF-8", "1.0");
            w.setPrefix("common", COMMON);
            w.setPrefix("work", WORK);
            w.setPrefix("bulk", BULK);
            w.setPrefix("error", ERROR);
            for (var e : PREFIXES.entrySet()) {
                w.setPrefix(e.getValue(), e.getKey());
            }
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Opens an element; the first one (the root) declares the namespaces. */
    @Override
    public XmlOut start(String ns, String name) {
        try {
            w.writeStartElement(ns, name);
            if (!rootOpen) {
                rootOpen = true;
                java.util.Set<String> declared = new java.util.LinkedHashSet<>();
                declared.add(ns);
                declared.add(COMMON);
                declared.add(WORK);
                declared.addAll(java.util.List.of(rootNamespaces));
                for (String d : declared) {
                    w.writeNamespace(PREFIXES.get(d), d);
                }
            }
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public XmlOut attr(String name, String value) {
        if (value != null) {
            try {
                w.writeAttribute(name, value);
            } catch (XMLStreamException e) {
                throw new IllegalStateException(e);
            }
        }
        return this;
    }

    @Override
    public XmlOut text(String value) {
        try {
            w.writeCharacters(value);
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public XmlOut end() {
        try {
            w.writeEndElement();
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code <ns:name>value</ns:name>}, or nothing when the value is null. */
    @Override
    public XmlOut leaf(String ns, String name, String value) {
        if (value != null) {
            start(ns, name).text(value).end();
        }
        return this;
    }

    public byte[] toBytes() {
        try {
            w.writeEndDocument();
            w.close();
            return chars.toString().getBytes(StandardCharsets.UTF_8);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }
}
