package org.pidlink.core.metadata.xml;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.MissingResourceException;
import java.util.Set;
import java.util.function.Function;

import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.pidlink.core.metadata.MetadataReadException;
import org.pidlink.core.metadata.ReaderLimits;

/**
 * Reads XML into {@link XmlElement}s with the JDK's StAX parser, hardened: a DOCTYPE is refused outright (so no
 * external entities, no entity expansion such as billion laughs), nesting depth is bounded, and the caller has
 * already bounded the size. Subtrees the readers never look at (geo polygons, citation lists) are skipped without
 * building elements, which keeps multi-megabyte records cheap. Encoding comes from the BOM or declaration
 * (UTF-8 with BOM and UTF-16 occur in real DataCite records). Thread-safe.
 */
public final class SecureXmlParser {

    private final XMLInputFactory factory;
    private final int maxDepth;

    public SecureXmlParser(ReaderLimits limits) {
        this.maxDepth = limits.maxNestingDepth();
        // The JDK's own implementation, whatever else is on the class path, so the hardening below is known to hold.
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        // The JDK has its own depth limit (100 by default in recent JDKs); keep it just above ours so ours applies,
        // with its clearer message, whatever the configured limit.
        f.setProperty("jdk.xml.maxElementDepth", maxDepth + 1);
        this.factory = f;
    }

    /** The root element's namespace and local name, reading no further than the root's start tag; null if none. */
    public QName rootName(byte[] content) {
        XMLStreamReader r = null;
        try {
            r = factory.createXMLStreamReader(new ByteArrayInputStream(content));
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    return new QName(r.getNamespaceURI() == null ? "" : r.getNamespaceURI(), r.getLocalName());
                }
            }
            return null;
        } catch (XMLStreamException | RuntimeException e) {
            return null;
        } finally {
            close(r);
        }
    }

    /**
     * Parses the whole document.
     *
     * @param skip local names whose subtrees are not kept
     * @throws MetadataReadException naming line and column when the XML is malformed, has a DOCTYPE or nests too deep
     */
    public XmlElement parse(byte[] content, Set<String> skip) {
        return parse(content, root -> skip);
    }

    /**
     * Parses the whole document, choosing the subtrees to skip once the root element is known, so a document is
     * parsed once whatever its format.
     *
     * @param skipByRoot the local names to skip for a root; null refuses the document (an unknown root) at once
     * @throws MetadataReadException naming line and column when the XML is malformed, has a DOCTYPE, nests too
     *                               deep, or its root is refused
     */
    public XmlElement parse(byte[] content, Function<QName, Set<String>> skipByRoot) {
        XMLStreamReader r = null;
        try {
            r = factory.createXMLStreamReader(new ByteArrayInputStream(content));
            ArrayDeque<XmlElement> stack = new ArrayDeque<>();
            XmlElement root = null;
            Set<String> skip = Set.of();
            int skipping = 0; // depth inside a skipped subtree
            while (r.hasNext()) {
                int event = r.next();
                switch (event) {
                    case XMLStreamConstants.DTD -> throw new MetadataReadException(where(r.getLocation()),
                            "DOCTYPE declarations are not allowed (a DTD can define entities that read local files "
                                    + "or expand without bound)");
                    case XMLStreamConstants.START_ELEMENT -> {
                        int depth = stack.size() + skipping + 1;
                        if (depth > maxDepth) {
                            throw new MetadataReadException(where(r.getLocation()),
                                    "elements nest deeper than the limit of " + maxDepth);
                        }
                        if (skipping > 0 || root != null && skip.contains(r.getLocalName())) {
                            skipping++;
                            continue;
                        }
                        Location loc = r.getLocation();
                        if (root == null) {
                            QName rootName = new QName(r.getNamespaceURI() == null ? "" : r.getNamespaceURI(),
                                    r.getLocalName());
                            skip = skipByRoot.apply(rootName);
                            if (skip == null) {
                                throw new MetadataReadException(where(loc), "the root element <" + rootName.localName()
                                        + ">" + (rootName.namespace().isEmpty() ? ""
                                        : " in namespace " + rootName.namespace())
                                        + " is neither DataCite nor Crossref metadata");
                            }
                        }
                        XmlElement e = new XmlElement(r.getNamespaceURI(), r.getLocalName(), attributes(r),
                                loc.getLineNumber(), loc.getColumnNumber());
                        if (stack.isEmpty()) {
                            root = e;
                        } else {
                            stack.peek().add(e);
                        }
                        stack.push(e);
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        if (skipping > 0) {
                            skipping--;
                        } else {
                            stack.pop();
                        }
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (skipping == 0 && !stack.isEmpty()) {
                            stack.peek().appendText(r.getText());
                        }
                    }
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw new MetadataReadException(
                            where(r.getLocation()), "entity references are not allowed: &" + r.getLocalName() + ";");
                    default -> {
                        // comments, processing instructions, document start/end: nothing to keep
                    }
                }
            }
            if (root == null) {
                throw new MetadataReadException("document", "no root element");
            }
            return root;
        } catch (XMLStreamException e) {
            throw new MetadataReadException(where(e.getLocation()), "malformed XML: " + plainMessage(e), e);
        } catch (MissingResourceException e) {
            // The JDK's parser can fail to word its own error (a bad character in a DOCTYPE has no message in its
            // bundle, found by fuzzing): it is still malformed XML, refused like any other.
            throw new MetadataReadException(r == null ? "document" : where(r.getLocation()),
                    "malformed XML (" + e.getKey() + ")", e);
        } finally {
            close(r);
        }
    }

    private static String[] attributes(XMLStreamReader r) {
        int n = r.getAttributeCount();
        if (n == 0) {
            return null;
        }
        String[] out = new String[n * 2];
        for (int i = 0; i < n; i++) {
            String ns = r.getAttributeNamespace(i);
            String local = r.getAttributeLocalName(i);
            out[2 * i] = XMLConstants.XML_NS_URI.equals(ns) ? "xml:" + local : local;
            out[2 * i + 1] = r.getAttributeValue(i);
        }
        return out;
    }

    private static String where(Location loc) {
        if (loc == null || loc.getLineNumber() < 0) {
            return "document";
        }
        return "line " + loc.getLineNumber() + ", column " + loc.getColumnNumber();
    }

    /** The JDK prefixes messages with "ParseError at [row,col]:[3,5]\nMessage: "; the location is reported apart. */
    private static String plainMessage(XMLStreamException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int i = m.indexOf("Message: ");
        return (i >= 0 ? m.substring(i + "Message: ".length()) : m).strip();
    }

    private static void close(XMLStreamReader r) {
        if (r != null) {
            try {
                r.close();
            } catch (XMLStreamException ignored) {
                // nothing held open: the input is an in-memory array
            }
        }
    }

    /** A namespace URI and local name. */
    public record QName(String namespace, String localName) {
    }
}
