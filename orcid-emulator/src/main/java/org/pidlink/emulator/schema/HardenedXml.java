package org.pidlink.emulator.schema;

import java.net.URL;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.SAXException;

/**
 * The emulator's XML set-up in one place: parsers that refuse DTDs, external entities and XInclude, and ORCID's
 * XSDs compiled from our own resources. A compiled {@link Schema} is immutable and thread-safe, so callers keep
 * one per JVM in a lazily initialised holder class: compiling takes far longer than starting an emulator.
 */
public final class HardenedXml {

    private static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";
    private static final String EXTERNAL_GENERAL = "http://xml.org/sax/features/external-general-entities";
    private static final String EXTERNAL_PARAMETER = "http://xml.org/sax/features/external-parameter-entities";

    private HardenedXml() {
    }

    /**
     * Compiles the XSDs at {@code resources} (resolved against {@code anchor}) into one schema; their imports are
     * sibling resources.
     */
    public static Schema compileSchema(Class<?> anchor, String... resources) {
        try {
            SchemaFactory sf = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            sf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            // Imports are relative files inside our own resources: a directory in tests, a jar otherwise, and a jar
            // nested in pidlink's executable jar ("jar:nested:…", whose protocol the JDK's check reads as "nested").
            sf.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar,jrt,nested");
            Source[] sources = new Source[resources.length];
            for (int i = 0; i < resources.length; i++) {
                URL xsd = anchor.getResource(resources[i]);
                if (xsd == null) {
                    throw new IllegalStateException("missing resource " + resources[i]);
                }
                sources[i] = new StreamSource(xsd.toExternalForm());
            }
            return sf.newSchema(sources);
        } catch (SAXException e) {
            throw new IllegalStateException("cannot compile " + String.join(", ", resources), e);
        }
    }

    /** A namespace-aware SAX parser factory for request bodies. */
    public static SAXParserFactory saxParsers() {
        SAXParserFactory f = SAXParserFactory.newInstance();
        f.setNamespaceAware(true);
        f.setXIncludeAware(false);
        refuseDtdsAndExternalEntities(f::setFeature);
        return f;
    }

    /** A namespace-aware DOM parser factory for request bodies. */
    public static DocumentBuilderFactory domParsers() {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        refuseDtdsAndExternalEntities(f::setFeature);
        return f;
    }

    /** The SAX and DOM factories share these feature names but no interface to set them through. */
    @FunctionalInterface
    private interface Features {
        void set(String name, boolean value) throws SAXException, ParserConfigurationException;
    }

    private static void refuseDtdsAndExternalEntities(Features f) {
        try {
            f.set(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.set(DISALLOW_DOCTYPE, true);
            f.set(EXTERNAL_GENERAL, false);
            f.set(EXTERNAL_PARAMETER, false);
        } catch (SAXException | ParserConfigurationException e) {
            throw new IllegalStateException("cannot set up a hardened XML parser", e);
        }
    }
}
