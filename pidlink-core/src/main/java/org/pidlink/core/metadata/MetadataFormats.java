package org.pidlink.core.metadata;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import tools.jackson.databind.JsonNode;

import org.pidlink.core.metadata.datacite.DataCiteXmlReader;
import org.pidlink.core.metadata.json.JsonDocuments;
import org.pidlink.core.metadata.xml.SecureXmlParser;

/**
 * Tells which {@link MetadataFormat} a document is in from its content, so callers need not say. Content wins over
 * a Content-Type hint (servers label XML as {@code text/plain} and JSON:API as {@code application/json}); the hint
 * only decides when the content alone is ambiguous, such as a bare JSON object of neither shape.
 */
public final class MetadataFormats {

    private MetadataFormats() {
    }

    /** The format of the content, or null when it is not DOI metadata pidlink reads. */
    public static MetadataFormat detect(byte[] content) {
        return detect(content, null);
    }

    /** The format of the content, using the Content-Type hint when the content alone does not decide; null if none. */
    public static MetadataFormat detect(byte[] content, String contentTypeHint) {
        ReaderLimits limits = ReaderLimits.defaults();
        return switch (sniff(content)) {
            case XML -> {
                SecureXmlParser.QName root = new SecureXmlParser(limits).rootName(content);
                MetadataFormat f = root == null ? null : fromXmlRoot(root);
                yield f != null ? f : fromXmlHint(contentTypeHint);
            }
            case JSON -> {
                try {
                    JsonNode tree = new JsonDocuments(limits).parse(content);
                    MetadataFormat f = fromJson(tree);
                    yield f != null ? f : fromJsonHint(contentTypeHint);
                } catch (MetadataReadException e) {
                    yield fromJsonHint(contentTypeHint);
                }
            }
            default -> null;
        };
    }

    /** The format a Content-Type names, or null for generic types such as {@code application/json}. */
    public static MetadataFormat fromContentType(String contentType) {
        if (contentType == null) {
            return null;
        }
        String t = contentType.toLowerCase(Locale.ROOT);
        boolean xml = t.contains("xml");
        boolean json = t.contains("json");
        if (t.contains("unixsd") || t.contains("unixref")) {
            return MetadataFormat.CROSSREF_UNIXSD;
        }
        if (t.contains("datacite") && xml) {
            return MetadataFormat.DATACITE_XML;
        }
        if (t.contains("datacite") && json || t.contains("vnd.api+json")) {
            return MetadataFormat.DATACITE_JSON;
        }
        if (t.contains("crossref") && xml) {
            return MetadataFormat.CROSSREF_XML;
        }
        if (t.contains("crossref") && json || t.contains("citationstyles.csl+json")) {
            return MetadataFormat.CROSSREF_JSON;
        }
        return null;
    }

    enum Kind { XML, JSON, TEXT, EMPTY }

    /** XML or JSON from the first visible character, after any BOM, in UTF-8 or UTF-16. */
    static Kind sniff(byte[] content) {
        char first = firstVisibleChar(content);
        if (first == 0) {
            return Kind.EMPTY;
        }
        return switch (first) {
            case '<' -> Kind.XML;
            case '{', '[' -> Kind.JSON;
            default -> Kind.TEXT;
        };
    }

    /** The start of the content as text, for error messages about what it is instead. */
    static String preview(byte[] content) {
        String s = new String(content, 0, Math.min(content.length, 200), charsetOf(content)).strip();
        s = s.replace('\uFEFF', ' ').replaceAll("\\s+", " ").strip();
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    private static char firstVisibleChar(byte[] content) {
        int n = Math.min(content.length, 4096);
        String s = new String(content, 0, n, charsetOf(content));
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c) && c != '\uFEFF' && c != '\u0000') {
                return c;
            }
        }
        return 0;
    }

    private static Charset charsetOf(byte[] b) {
        if (b.length >= 2) {
            int b0 = b[0] & 0xFF;
            int b1 = b[1] & 0xFF;
            if (b0 == 0xFE && b1 == 0xFF || b0 == 0x00 && b1 != 0x00) {
                return StandardCharsets.UTF_16BE;
            }
            if (b0 == 0xFF && b1 == 0xFE || b0 != 0x00 && b1 == 0x00) {
                return StandardCharsets.UTF_16LE;
            }
        }
        return StandardCharsets.UTF_8;
    }

    static MetadataFormat fromXmlRoot(SecureXmlParser.QName root) {
        if (DataCiteXmlReader.isDataCiteNamespace(root.namespace())) {
            return MetadataFormat.DATACITE_XML;
        }
        return switch (root.localName()) {
            case "doi_batch" -> MetadataFormat.CROSSREF_XML;
            case "crossref_result", "doi_records", "crossref" -> MetadataFormat.CROSSREF_UNIXSD;
            // OAI-PMH responses wrap DataCite resources; the reader looks for them inside
            case "OAI-PMH" -> MetadataFormat.DATACITE_XML;
            default -> null;
        };
    }

    /**
     * The JSON shapes: Crossref's {@code {message-type, message}} envelope and bare works (uppercase {@code DOI});
     * DataCite's JSON:API {@code {data}} documents and bare attribute objects (lowercase {@code doi},
     * {@code creators}, {@code types}). Arrays are judged by their first element.
     */
    static MetadataFormat fromJson(JsonNode tree) {
        JsonNode node = tree;
        if (node.isArray()) {
            if (node.isEmpty()) {
                return null;
            }
            node = node.get(0);
        }
        if (!node.isObject()) {
            return null;
        }
        if (node.has("message-type") || node.get("message") != null && node.get("message").isObject()) {
            return MetadataFormat.CROSSREF_JSON;
        }
        if (node.has("data")) {
            return MetadataFormat.DATACITE_JSON;
        }
        if (node.has("DOI") || node.has("container-title") || node.has("published-print")) {
            return MetadataFormat.CROSSREF_JSON;
        }
        if (node.has("doi") || node.has("creators") || node.has("types") || node.has("attributes")) {
            return MetadataFormat.DATACITE_JSON;
        }
        return null;
    }

    private static MetadataFormat fromXmlHint(String hint) {
        MetadataFormat f = fromContentType(hint);
        return f == MetadataFormat.DATACITE_XML || f == MetadataFormat.CROSSREF_XML
                || f == MetadataFormat.CROSSREF_UNIXSD ? f : null;
    }

    private static MetadataFormat fromJsonHint(String hint) {
        MetadataFormat f = fromContentType(hint);
        return f == MetadataFormat.DATACITE_JSON || f == MetadataFormat.CROSSREF_JSON ? f : null;
    }
}
