package org.pidlink.emulator.works;

import org.xml.sax.SAXParseException;

/** An XML body that is not well-formed or breaks the schema; carries the parser's own exception text. */
public final class XmlBodyException extends Exception {

    private final SAXParseException cause;

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
