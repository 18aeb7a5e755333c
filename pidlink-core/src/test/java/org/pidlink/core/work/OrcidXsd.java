package org.pidlink.core.work;

import org.pidlink.core.SharedDir;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.SAXException;

/**
 * ORCID's real v3.0 schemas ({@code work-3.0.xsd}, {@code bulk-3.0.xsd} and their imports), loaded from the
 * shared directory with every import resolved inside it and nothing fetched from the network.
 */
public final class OrcidXsd {

    private static final Path MODEL = SharedDir.path().resolve("orcid/orcid-model");
    private static final Schema WORK = load(MODEL.resolve("record_3.0/work-3.0.xsd"));
    private static final Schema BULK = load(MODEL.resolve("record_3.0/bulk-3.0.xsd"));

    private OrcidXsd() {
    }

    /** Throws {@link AssertionError} with the validator's message when the XML is not a valid v3.0 work. */
    public static void assertValidWork(String xml) {
        validate(WORK, xml);
    }

    public static void assertValidBulk(String xml) {
        validate(BULK, xml);
    }

    /** The same check for ORCID work JSON, read as ORCID's JSON mapping reads it. */
    public static void assertValidWorkJson(String json) {
        validate(WORK, OrcidJsonToXml.work(json));
    }

    public static void assertValidBulkJson(String json) {
        validate(BULK, OrcidJsonToXml.bulk(json));
    }

    private static void validate(Schema schema, String xml) {
        try {
            Validator validator = schema.newValidator();
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.validate(new StreamSource(new StringReader(xml)));
        } catch (SAXException e) {
            throw new AssertionError("not valid against ORCID's XSD: " + e.getMessage() + "\n" + xml, e);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Schema load(Path xsd) {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            // Imports are served by the resolver below, from the shared directory only.
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setResourceResolver(new LocalResolver());
            StreamSource source = new StreamSource(Files.newInputStream(xsd), xsd.toUri().toString());
            return factory.newSchema(source);
        } catch (SAXException | IOException e) {
            throw new IllegalStateException("cannot load " + xsd, e);
        }
    }

    private static final class LocalResolver implements LSResourceResolver {

        @Override
        public LSInput resolveResource(String type, String namespace, String publicId, String systemId,
                                       String baseUri) {
            if (systemId == null) {
                return null;
            }
            Path target;
            if (systemId.startsWith("http://www.w3.org/") && systemId.endsWith("xml.xsd")) {
                target = MODEL.resolve("xml.xsd");
            } else {
                Path base = baseUri == null ? MODEL : Path.of(java.net.URI.create(baseUri)).getParent();
                target = base.resolve(systemId).normalize();
            }
            if (!target.startsWith(MODEL) || !Files.isRegularFile(target)) {
                throw new IllegalStateException("schema import outside ORCID's model directory: " + systemId);
            }
            return new FileInput(target, publicId);
        }
    }

    private record FileInput(Path file, String publicId) implements LSInput {

        @Override
        public InputStream getByteStream() {
            try {
                return Files.newInputStream(file);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String getSystemId() {
            return file.toUri().toString();
        }

        @Override
        public String getPublicId() {
            return publicId;
        }

        @Override public Reader getCharacterStream() { return null; }
        @Override public void setCharacterStream(Reader r) { }
        @Override public void setByteStream(InputStream s) { }
        @Override public String getStringData() { return null; }
        @Override public void setStringData(String s) { }
        @Override public void setSystemId(String s) { }
        @Override public void setPublicId(String s) { }
        @Override public String getBaseURI() { return null; }
        @Override public void setBaseURI(String s) { }
        @Override public String getEncoding() { return null; }
        @Override public void setEncoding(String s) { }
        @Override public boolean getCertifiedText() { return false; }
        @Override public void setCertifiedText(boolean b) { }
    }
}
