package org.pidlink.emulator.schema;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.validation.Schema;
import javax.xml.validation.ValidatorHandler;
import org.xml.sax.ContentHandler;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * One compiled ORCID schema put to work on request bodies: XML is parsed by hardened SAX parsers and validated in
 * the same pass (parser → schema {@link ValidatorHandler} → the caller's handler), and a JSON body is validated as
 * the element events JAXB would marshal from it, written straight into a validator ({@link #validate}). Parsers
 * and validator handlers are pooled because creating them costs more than parsing an item. Thread-safe.
 */
public final class SchemaValidator {

    private final Supplier<Schema> schema;
    private final SAXParserFactory parsers = HardenedXml.saxParsers();
    private final Queue<SAXParser> parserPool = new ConcurrentLinkedQueue<>();
    private final Queue<ValidatorHandler> validatorPool = new ConcurrentLinkedQueue<>();

    /** @param schema the compiled schema, asked for on first use (callers keep it in a per-JVM holder) */
    public SchemaValidator(Supplier<Schema> schema) {
        this.schema = schema;
    }

    /** Parses {@code xml} into {@code handler} through the schema; a violation or malformed XML is thrown. */
    public void parseValid(byte[] xml, ContentHandler handler) throws XmlBodyException {
        ValidatorHandler validator = borrowValidator();
        try {
            validator.setContentHandler(handler);
            parse(xml, validator);
        } finally {
            validator.setContentHandler(null);
            validatorPool.offer(validator);
        }
    }

    /** Parses {@code xml} into {@code handler} without the schema (well-formedness only). */
    public void parse(byte[] xml, ContentHandler handler) throws XmlBodyException {
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

    /**
     * Validates a document given as element events, without serializing it.
     *
     * @param prefixes namespace prefixes to declare (prefix → namespace), as a parsed document would
     */
    public void validate(Map<String, String> prefixes, Consumer<XmlSink> writer) throws XmlBodyException {
        ValidatorHandler validator = borrowValidator();
        boolean reusable = true;
        try {
            validator.setContentHandler(null);
            validator.startDocument();
            for (Map.Entry<String, String> p : prefixes.entrySet()) {
                validator.startPrefixMapping(p.getKey(), p.getValue());
            }
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

    public Schema schema() {
        return schema.get();
    }

    private static SAXParseException asParseException(SAXException e) {
        return e instanceof SAXParseException p ? p : new SAXParseException(e.getMessage(), null, e);
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
            v = schema.get().newValidatorHandler();
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
