package org.pidlink.emulator.works;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.validation.Schema;
import javax.xml.validation.ValidatorHandler;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * Reads v3.0 work XML. Single works are validated against ORCID's real {@code work-3.0.xsd} (bundled, compiled
 * once, thread-safe) in the same pass that builds the {@link Work}: SAX parser → schema ValidatorHandler →
 * {@link WorkSaxHandler}. Bulk bodies are parsed without the schema, as ORCID does. Parsers and validator
 * handlers are pooled because creating them costs more than parsing a work. DTDs and external entities are
 * refused.
 */
public final class WorkXmlReader {

    private static final String WORK_XSD = "/orcid-model/record_3.0/work-3.0.xsd";

    private final SAXParserFactory parsers;
    private final Queue<SAXParser> parserPool = new ConcurrentLinkedQueue<>();
    private final Queue<ValidatorHandler> validatorPool = new ConcurrentLinkedQueue<>();

    public WorkXmlReader() {
        this.parsers = HardenedXml.saxParsers();
    }

    /**
     * Compiles {@code work-3.0.xsd} in the background, so that an emulator starts without waiting for it;
     * the first validation waits if it is not done yet.
     */
    public static void precompile() {
        Thread ignored = BackgroundCompile.THREAD;
    }

    /** Started by the first {@link #precompile()} in a JVM only: later emulators find the schema compiled. */
    private static final class BackgroundCompile {
        static final Thread THREAD = Thread.ofPlatform().daemon().name("work-xsd-compiler").start(() -> {
            Schema ignored = CompiledWorkSchema.INSTANCE;
        });
    }

    /**
     * The compiled schema is immutable and thread-safe, so one per JVM serves every emulator instance (tests
     * start many); compiling it takes far longer than starting an emulator.
     */
    private static final class CompiledWorkSchema {
        static final Schema INSTANCE = HardenedXml.compileSchema(WorkXmlReader.class, WORK_XSD);
    }

    public Schema workSchema() {
        return CompiledWorkSchema.INSTANCE;
    }

    /** Parses and schema-validates a single {@code work:work}. */
    public Work readWork(byte[] xml) throws XmlBodyException {
        WorkSaxHandler handler = new WorkSaxHandler();
        ValidatorHandler validator = borrowValidator();
        try {
            validator.setContentHandler(handler);
            parse(xml, validator);
        } finally {
            validator.setContentHandler(null);
            validatorPool.offer(validator);
        }
        List<Work> works = handler.works();
        if (works.size() != 1 || !"work".equals(handler.rootName())) {
            // The schema accepts other global elements (e.g. work-summary); the endpoint expects a work.
            throw new XmlBodyException(new SAXParseException(
                    "unexpected element (uri:\"" + handler.rootNamespace() + "\", local:\"" + handler.rootName()
                            + "\"). Expected elements are <{http://www.orcid.org/ns/work}work>", null));
        }
        return works.getFirst();
    }

    /** Checks that XML holds a schema-valid single work. */
    public void validateWork(byte[] xml) throws XmlBodyException {
        readWork(xml);
    }

    /**
     * Validates a work given as element events (a JSON work through {@link JsonWorkAsXml#write}) against
     * {@code work-3.0.xsd}, without serializing it.
     */
    public void validateWork(java.util.function.Consumer<XmlSink> writer) throws XmlBodyException {
        ValidatorHandler validator = borrowValidator();
        boolean reusable = true;
        try {
            validator.setContentHandler(null);
            validator.startDocument();
            validator.startPrefixMapping("work", WorkSaxHandler.WORK_NS);
            validator.startPrefixMapping("common", XmlOut.COMMON);
            writer.accept(new SaxSink(validator));
            validator.endDocument();
        } catch (SaxSink.Failure f) {
            throw new XmlBodyException(asParseException((SAXException) f.getCause()));
        } catch (SAXException e) {
            throw new XmlBodyException(asParseException(e));
        } catch (RuntimeException e) {
            reusable = false;
            throw e;
        } finally {
            if (reusable) {
                validatorPool.offer(validator);
            }
        }
    }

    private static SAXParseException asParseException(SAXException e) {
        return e instanceof SAXParseException p ? p : new SAXParseException(e.getMessage(), null, e);
    }

    /** Parses a {@code bulk:bulk} of works without schema validation (ORCID validates bulk items by rule only). */
    public BulkXml readBulk(byte[] xml) throws XmlBodyException {
        WorkSaxHandler handler = new WorkSaxHandler();
        parse(xml, handler);
        return new BulkXml(handler.rootName(), handler.rootNamespace(), handler.works());
    }

    /** A parsed bulk body: the root element and its works in document order. */
    public record BulkXml(String rootName, String rootNamespace, List<Work> works) {
    }

    private void parse(byte[] xml, org.xml.sax.ContentHandler handler) throws XmlBodyException {
        SAXParser parser = borrowParser();
        boolean reusable = false;
        try {
            XMLReader reader = parser.getXMLReader();
            reader.setContentHandler(handler);
            reader.setErrorHandler(STRICT);
            reader.parse(new InputSource(new ByteArrayInputStream(xml)));
            reusable = true;
        } catch (SAXParseException e) {
            reusable = true;
            throw new XmlBodyException(e);
        } catch (SAXException e) {
            throw new XmlBodyException(new SAXParseException(e.getMessage(), null, e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (reusable) {
                parser.reset();
                parserPool.offer(parser);
            }
        }
    }

    private SAXParser borrowParser() {
        SAXParser p = parserPool.poll();
        if (p != null) {
            return p;
        }
        try {
            return parsers.newSAXParser();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException(e);
        }
    }

    private ValidatorHandler borrowValidator() {
        ValidatorHandler v = validatorPool.poll();
        if (v == null) {
            v = CompiledWorkSchema.INSTANCE.newValidatorHandler();
            v.setErrorHandler(STRICT);
        }
        return v;
    }

    private static final ErrorHandler STRICT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };
}
