package org.pidlink.emulator.schema;

/** Where XML is written element by element: serialized ({@link XmlOut}) or fed to a validator ({@link SaxSink}). */
public interface XmlSink {

    XmlSink start(String ns, String name);

    /** An attribute of the element just started; null values are skipped. */
    XmlSink attr(String name, String value);

    XmlSink text(String value);

    XmlSink end();

    /** {@code <ns:name>value</ns:name>}, or nothing when the value is null. */
    default XmlSink leaf(String ns, String name, String value) {
        if (value != null) {
            start(ns, name).text(value).end();
        }
        return this;
    }
}
