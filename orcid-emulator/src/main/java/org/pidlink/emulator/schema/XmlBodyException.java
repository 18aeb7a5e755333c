package org.pidlink.emulator.schema;

import org.xml.sax.SAXParseException;

/** An XML body that is not well-formed or breaks the schema; carries the parser's own exception text. */
public final class XmlBodyException extends Exception {

    private final SAXParseException cause;

    /** A body whose root is not the element the endpoint takes (JAXB's "unexpected element" message). */
    public static XmlBodyException unexpectedRoot(String namespace, String localName, String expected) {
        return new XmlBodyException(new SAXParseException("unexpected element (uri:\"" + namespace + "\", local:\""
                + localName + "\"). Expected elements are <" + expected + ">", null));
    }

    XmlBodyException(SAXParseException cause) {
        super(cause.getMessage(), cause, false, false);
        this.cause = cause;
    }

    /** ORCID's rendering: {@code [org.xml.sax.SAXParseException; lineNumber: …; columnNumber: …; msg] (msg)}. */
    public String orcidDetail() {
        return "[" + cause + "] (" + cause.getMessage() + ")";
    }

    public String plainMessage() {
        return cause.getMessage();
    }
}
