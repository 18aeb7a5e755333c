package org.pidlink.core.work;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;
import java.util.Set;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns ORCID v3.0 work JSON into the XML ORCID's JAXB model would read it as (the inverse of ORCID's
 * JSON mapping: {@code {"value": x}} is an element's text, other members are attributes, arrays repeat
 * elements, {@code put-code} is an attribute), so JSON output can be checked against the same XSD and compared
 * with the XML writer's output. Written independently of the writers under test.
 */
final class OrcidJsonToXml {

    private static final String WORK = "http://www.orcid.org/ns/work";
    private static final String COMMON = "http://www.orcid.org/ns/common";
    private static final String BULK = "http://www.orcid.org/ns/bulk";
    /** Elements of the work namespace; everything else in a work is in the common namespace. */
    private static final Set<String> WORK_ELEMENTS = Set.of("journal-title", "short-description", "citation",
            "citation-type", "citation-value", "type", "contributors", "contributor", "credit-name",
            "contributor-email", "contributor-attributes", "contributor-sequence", "contributor-role");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OrcidJsonToXml() {
    }

    static String work(String json) {
        Document doc = newDocument();
        Element work = doc.createElementNS(WORK, "work:work");
        doc.appendChild(work);
        fill(doc, work, JSON.readTree(json), true);
        return serialize(doc);
    }

    static String bulk(String json) {
        Document doc = newDocument();
        Element bulk = doc.createElementNS(BULK, "bulk:bulk");
        doc.appendChild(bulk);
        for (JsonNode item : JSON.readTree(json).get("bulk")) {
            Element work = doc.createElementNS(WORK, "work:work");
            bulk.appendChild(work);
            fill(doc, work, item.get("work"), true);
        }
        return serialize(doc);
    }

    private static void fill(Document doc, Element parent, JsonNode object, boolean workLevel) {
        for (Map.Entry<String, JsonNode> member : object.properties()) {
            String name = member.getKey();
            JsonNode value = member.getValue();
            if (value.isNull()) {
                continue;
            }
            if (name.equals("put-code") || name.equals("language-code") && parent.getLocalName().equals("translated-title")) {
                parent.setAttribute(name, value.asString());
                continue;
            }
            if (name.equals("value") && !value.isContainer()) {
                parent.setTextContent(value.asString());
                continue;
            }
            if (value.isArray()) {
                for (JsonNode item : value) {
                    Element child = element(doc, parent, name, workLevel);
                    write(doc, child, item);
                }
            } else {
                Element child = element(doc, parent, name, workLevel);
                write(doc, child, value);
            }
        }
    }

    private static void write(Document doc, Element element, JsonNode value) {
        if (value.isObject()) {
            fill(doc, element, value, false);
        } else {
            element.setTextContent(value.asString());
        }
    }

    private static Element element(Document doc, Element parent, String name, boolean workLevel) {
        // "title" is work:title at the top of a work and common:title inside it.
        boolean work = WORK_ELEMENTS.contains(name) || name.equals("title") && workLevel;
        Element child = work ? doc.createElementNS(WORK, "work:" + name) : doc.createElementNS(COMMON, "common:" + name);
        parent.appendChild(child);
        return child;
    }

    private static Document newDocument() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().newDocument();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses XML into a DOM without whitespace-only text, for structural comparison. */
    static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            Document doc = builder.parse(new InputSource(new StringReader(xml)));
            strip(doc.getDocumentElement());
            doc.normalizeDocument();
            return doc;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Namespace, name, attributes (namespace declarations aside) and text of every element, one per line. */
    static String structure(String xml) {
        StringBuilder out = new StringBuilder();
        structure(parse(xml).getDocumentElement(), 0, out);
        return out.toString();
    }

    private static void structure(Element element, int depth, StringBuilder out) {
        out.append("  ".repeat(depth)).append('{').append(element.getNamespaceURI()).append('}')
                .append(element.getLocalName());
        var attributes = element.getAttributes();
        java.util.TreeMap<String, String> sorted = new java.util.TreeMap<>();
        for (int i = 0; i < attributes.getLength(); i++) {
            Node a = attributes.item(i);
            if (!"http://www.w3.org/2000/xmlns/".equals(a.getNamespaceURI())) {
                sorted.put(a.getLocalName() == null ? a.getNodeName() : a.getLocalName(), a.getNodeValue());
            }
        }
        sorted.forEach((k, v) -> out.append(' ').append(k).append("=\"").append(v).append('"'));
        boolean hasElements = false;
        for (Node c = element.getFirstChild(); c != null; c = c.getNextSibling()) {
            hasElements |= c.getNodeType() == Node.ELEMENT_NODE;
        }
        if (!hasElements) {
            out.append(" = ").append(element.getTextContent());
        }
        out.append('\n');
        for (Node c = element.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c.getNodeType() == Node.ELEMENT_NODE) {
                structure((Element) c, depth + 1, out);
            }
        }
    }

    private static void strip(Node node) {
        Node child = node.getFirstChild();
        while (child != null) {
            Node next = child.getNextSibling();
            if (child.getNodeType() == Node.TEXT_NODE && child.getTextContent().isBlank()
                    && (node.getChildNodes().getLength() > 1)) {
                node.removeChild(child);
            } else if (child.getNodeType() == Node.ELEMENT_NODE) {
                strip(child);
            }
            child = next;
        }
    }

    private static String serialize(Document doc) {
        try {
            Transformer t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.INDENT, "yes");
            StringWriter out = new StringWriter();
            t.transform(new DOMSource(doc), new StreamResult(out));
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
