package org.pidlink.emulator.schema;

import java.util.ArrayDeque;
import java.util.Deque;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.AttributesImpl;

/**
 * Turns {@link XmlSink} calls into SAX events for a {@link ContentHandler} (a schema {@code ValidatorHandler}),
 * so a JSON work can be checked against the XSD without being serialized and parsed again. SAX errors are
 * carried out unchecked and unwrapped by {@link WorkXmlReader}.
 */
final class SaxSink implements XmlSink {

    static final class Failure extends RuntimeException {
        Failure(SAXException cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    private final ContentHandler out;
    private final Deque<String[]> open = new ArrayDeque<>();
    private String[] pending;
    private final AttributesImpl attrs = new AttributesImpl();

    SaxSink(ContentHandler out) {
        this.out = out;
    }

    @Override
    public XmlSink start(String ns, String name) {
        flush();
        pending = new String[] {ns, name};
        return this;
    }

    @Override
    public XmlSink attr(String name, String value) {
        if (value != null) {
            attrs.addAttribute("", name, name, "CDATA", value);
        }
        return this;
    }

    @Override
    public XmlSink text(String value) {
        flush();
        try {
            out.characters(value.toCharArray(), 0, value.length());
        } catch (SAXException e) {
            throw new Failure(e);
        }
        return this;
    }

    @Override
    public XmlSink end() {
        flush();
        String[] e = open.pop();
        try {
            out.endElement(e[0], e[1], e[1]);
        } catch (SAXException ex) {
            throw new Failure(ex);
        }
        return this;
    }

    private void flush() {
        if (pending == null) {
            return;
        }
        try {
            out.startElement(pending[0], pending[1], pending[1], attrs);
        } catch (SAXException e) {
            throw new Failure(e);
        }
        attrs.clear();
        open.push(pending);
        pending = null;
    }
}
