package org.pidlink.emulator.affiliations;

import java.util.Map;
import java.util.function.Consumer;
import javax.xml.validation.Schema;
import org.pidlink.core.affiliation.AffiliationKind;
import org.pidlink.emulator.schema.HardenedXml;
import org.pidlink.emulator.schema.SchemaValidator;
import org.pidlink.emulator.schema.XmlBodyException;
import org.pidlink.emulator.schema.XmlOut;
import org.pidlink.emulator.schema.XmlSink;

/**
 * Reads affiliation XML against ORCID's real {@code {kind}-3.0.xsd} files (bundled; the seven compiled into one
 * schema once per JVM, on the first affiliation) in the same pass that builds the {@link Affiliation}, and validates
 * JSON affiliations replayed as XML events ({@link AffiliationAsXml}) against the same schema.
 */
public final class AffiliationXmlReader {

    private final SchemaValidator validator = new SchemaValidator(() -> CompiledSchema.INSTANCE);

    /** Compiled on first use: most emulators never see an affiliation, and start-up should not pay for it. */
    private static final class CompiledSchema {
        static final Schema INSTANCE = compile();

        private static Schema compile() {
            AffiliationKind[] kinds = AffiliationKind.values();
            String[] xsds = new String[kinds.length];
            for (int i = 0; i < kinds.length; i++) {
                xsds[i] = "/orcid-model/record_3.0/" + kinds[i].value() + "-3.0.xsd";
            }
            return HardenedXml.compileSchema(AffiliationXmlReader.class, xsds);
        }
    }

    /** Parses and schema-validates a single {@code {kind}:{kind}}; another root element is refused as JAXB does. */
    public Affiliation read(AffiliationKind kind, byte[] xml) throws XmlBodyException {
        AffiliationSaxHandler handler = new AffiliationSaxHandler();
        validator.parseValid(xml, handler);
        if (!kind.value().equals(handler.rootName()) || !kind.namespace().equals(handler.rootNamespace())) {
            throw XmlBodyException.unexpectedRoot(handler.rootNamespace(), handler.rootName(),
                    "{" + kind.namespace() + "}" + kind.value());
        }
        return handler.affiliation();
    }

    /** Validates an affiliation given as element events against its kind's XSD, without serializing it. */
    public void validate(AffiliationKind kind, Consumer<XmlSink> writer) throws XmlBodyException {
        validator.validate(Map.of(kind.value(), kind.namespace(), "common", XmlOut.COMMON), writer);
    }
}
