package org.pidlink.emulator.works;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.xml.validation.Schema;
import org.pidlink.emulator.schema.HardenedXml;
import org.pidlink.emulator.schema.SchemaValidator;
import org.pidlink.emulator.schema.XmlBodyException;
import org.pidlink.emulator.schema.XmlOut;
import org.pidlink.emulator.schema.XmlSink;

/**
 * Reads v3.0 work XML. Single works are validated against ORCID's real {@code work-3.0.xsd} (bundled, compiled
 * once, thread-safe) in the same pass that builds the {@link Work}: SAX parser → schema ValidatorHandler →
 * {@link WorkSaxHandler}. Bulk bodies are parsed without the schema, as ORCID does. DTDs and external entities are
 * refused.
 */
public final class WorkXmlReader {

    private static final String WORK_XSD = "/orcid-model/record_3.0/work-3.0.xsd";
    private static final Map<String, String> PREFIXES = Map.of("work", WorkSaxHandler.WORK_NS, "common", XmlOut.COMMON);

    private final SchemaValidator validator = new SchemaValidator(() -> CompiledWorkSchema.INSTANCE);

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
        validator.parseValid(xml, handler);
        List<Work> works = handler.works();
        if (works.size() != 1 || !"work".equals(handler.rootName())) {
            // The schema accepts other global elements (e.g. work-summary); the endpoint expects a work.
            throw XmlBodyException.unexpectedRoot(handler.rootNamespace(), handler.rootName(),
                    "{http://www.orcid.org/ns/work}work");
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
    public void validateWork(Consumer<XmlSink> writer) throws XmlBodyException {
        validator.validate(PREFIXES, writer);
    }

    /** Parses a {@code bulk:bulk} of works without schema validation (ORCID validates bulk items by rule only). */
    public BulkXml readBulk(byte[] xml) throws XmlBodyException {
        WorkSaxHandler handler = new WorkSaxHandler();
        validator.parse(xml, handler);
        return new BulkXml(handler.rootName(), handler.rootNamespace(), handler.works());
    }

    /** A parsed bulk body: the root element and its works in document order. */
    public record BulkXml(String rootName, String rootNamespace, List<Work> works) {
    }
}
