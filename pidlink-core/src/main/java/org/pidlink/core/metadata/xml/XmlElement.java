package org.pidlink.core.metadata.xml;

import java.util.ArrayList;
import java.util.List;

import org.pidlink.core.metadata.support.Texts;

/**
 * One element of a document read by {@link SecureXmlParser}: namespace, local name, attributes and mixed content.
 * Children are looked up by local name only, because real DataCite and Crossref documents mix prefixes and
 * schema versions; the readers check the namespace once, at the root.
 */
public final class XmlElement {

    private static final String[] NO_ATTRIBUTES = new String[0];
    /** Face markup inside titles and abstracts (Crossref, JATS, HTML): no word break around it. */
    private static final java.util.Set<String> INLINE = java.util.Set.of("i", "b", "u", "em", "strong", "sub",
            "sup", "scp", "tt", "font", "ovl", "span", "a", "italic", "bold", "underline", "sc", "monospace",
            "strike", "small");

    private final String namespace;
    private final String name;
    private final String[] attributes; // name, value, name, value, ...
    private final int line;
    private final int column;
    private final List<Object> content = new ArrayList<>(4); // String or XmlElement, in document order

    XmlElement(String namespace, String name, String[] attributes, int line, int column) {
        this.namespace = namespace == null ? "" : namespace;
        this.name = name;
        this.attributes = attributes == null ? NO_ATTRIBUTES : attributes;
        this.line = line;
        this.column = column;
    }

    void add(Object child) {
        content.add(child);
    }

    void appendText(String text) {
        int last = content.size() - 1;
        if (last >= 0 && content.get(last) instanceof String previous) {
            content.set(last, previous + text);
        } else {
            content.add(text);
        }
    }

    public String namespace() {
        return namespace;
    }

    public String name() {
        return name;
    }

    /** "line 12, column 40": where the start tag ends (StAX reports positions after an event). */
    public String location() {
        return "line " + line + ", column " + column;
    }

    /** The attribute with this local name ({@code "xml:lang"} for the XML namespace), or null. */
    public String attr(String attributeName) {
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i].equals(attributeName)) {
                return attributes[i + 1];
            }
        }
        return null;
    }

    public List<XmlElement> children() {
        List<XmlElement> out = new ArrayList<>(content.size());
        for (Object o : content) {
            if (o instanceof XmlElement e) {
                out.add(e);
            }
        }
        return out;
    }

    /** Children with this local name, in document order. */
    public List<XmlElement> children(String localName) {
        List<XmlElement> out = new ArrayList<>(2);
        for (Object o : content) {
            if (o instanceof XmlElement e && e.name.equals(localName)) {
                out.add(e);
            }
        }
        return out;
    }

    /** The first child with this local name, or null. */
    public XmlElement child(String localName) {
        for (Object o : content) {
            if (o instanceof XmlElement e && e.name.equals(localName)) {
                return e;
            }
        }
        return null;
    }

    /** The first element at this path of local names below this one, or null. */
    public XmlElement path(String... localNames) {
        XmlElement current = this;
        for (String n : localNames) {
            current = current.child(n);
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    /** All descendants with this local name (nested ones too), in document order, not looking inside elements named in {@code stopAt}. */
    public List<XmlElement> descendants(String localName, java.util.Set<String> stopAt) {
        List<XmlElement> out = new ArrayList<>();
        collect(localName, stopAt, out);
        return out;
    }

    private void collect(String localName, java.util.Set<String> stopAt, List<XmlElement> out) {
        for (Object o : content) {
            if (o instanceof XmlElement e) {
                if (e.name.equals(localName)) {
                    out.add(e);
                }
                if (!stopAt.contains(e.name)) {
                    e.collect(localName, stopAt, out);
                }
            }
        }
    }

    /** All text below this element (markup such as {@code <i>} dropped), exactly as found. */
    public String rawText() {
        if (content.size() == 1 && content.get(0) instanceof String s) {
            return s;
        }
        StringBuilder sb = new StringBuilder();
        appendDeepText(sb);
        return sb.toString();
    }

    private void appendDeepText(StringBuilder sb) {
        for (Object o : content) {
            if (o instanceof String s) {
                sb.append(s);
            } else {
                XmlElement e = (XmlElement) o;
                int before = sb.length();
                e.appendDeepText(sb);
                // <p>a</p><p>b</p> must not read as "ab"
                if (sb.length() > before && !INLINE.contains(e.name)) {
                    sb.append(' ');
                }
            }
        }
    }

    /** All text below this element, whitespace collapsed; null when there is none. */
    public String text() {
        return Texts.collapse(rawText());
    }

    /** Only this element's own text, not its children's (Crossref's funder_name holds a nested funder_identifier). */
    public String ownText() {
        StringBuilder sb = new StringBuilder();
        for (Object o : content) {
            if (o instanceof String s) {
                sb.append(s);
            }
        }
        return Texts.collapse(sb.toString());
    }

    /** The collapsed text of the first child with this local name, or null. */
    public String childText(String localName) {
        XmlElement c = child(localName);
        return c == null ? null : c.text();
    }

    @Override
    public String toString() {
        return "<" + name + "> at " + location();
    }
}
