package org.pidlink.core.metadata;

import java.util.List;
import java.util.Objects;

import tools.jackson.databind.JsonNode;

import org.pidlink.core.metadata.crossref.CrossrefJsonReader;
import org.pidlink.core.metadata.crossref.CrossrefXmlReader;
import org.pidlink.core.metadata.datacite.DataCiteJsonReader;
import org.pidlink.core.metadata.datacite.DataCiteXmlReader;
import org.pidlink.core.metadata.json.JsonDocuments;
import org.pidlink.core.metadata.support.ReadSink;
import org.pidlink.core.metadata.xml.SecureXmlParser;
import org.pidlink.core.metadata.xml.XmlElement;

/**
 * Reads DOI metadata in any supported format into neutral {@link DoiRecord}s. The one entry point for everything
 * that reads DOI metadata (harvesting, intake, the {@code inspect}/{@code convert} CLI).
 *
 * <pre>{@code
 * ReadResult result = MetadataReader.standard().read(bytes);               // format detected from the content
 * ReadResult result = MetadataReader.standard().read(bytes, "application/vnd.api+json"); // with a Content-Type hint
 * for (DoiRecord r : result.records()) { ... }
 * for (ReadError e : result.errors()) { log(e.location() + ": " + e.message()); }
 * }</pre>
 *
 * <p><b>Formats</b> ({@link MetadataFormat}): DataCite XML (kernels 2.1 to 4.7, any {@code kernel-*} namespace and
 * prefix, UTF-8 with or without BOM, UTF-16, also inside an OAI-PMH response); DataCite REST JSON (JSON:API single
 * DOI and list pages, bare attribute objects; when the embedded base64 {@code xml} is present it wins over the
 * derived JSON, see {@link DataCiteJsonReader}); Crossref deposit XML ({@code doi_batch}, schemas 4.x and 5.x, every
 * DOI of the batch), Crossref query output ({@code unixsd}/{@code unixref}, the queried DOI) and Crossref REST JSON
 * (single work, {@code work-list} pages, bare works). Detection is by content ({@link MetadataFormats}); the
 * Content-Type hint decides only when the content is ambiguous.
 *
 * <p><b>ORCID iDs.</b> Every spelling in the wild is accepted (bare, {@code http(s)://orcid.org/} URLs, doubled
 * prefixes, surrounding or embedded whitespace, trailing slash, any scheme/schemeURI variant naming ORCID). An iD
 * that is blank, not an ORCID iD or fails its checksum is never used: it goes to
 * {@link DoiRecord#rejectedIdentifiers()} with the value exactly as found, the reason and the person's name.
 *
 * <p><b>Crossref specifics.</b> {@link DoiRecord#state()} is {@link DoiState#FINDABLE}. {@link ResourceType#general()}
 * is the REST API's type id for every Crossref format ({@code journal-article}, {@code proceedings-article},
 * {@code book-chapter}, {@code posted-content}, {@code peer-review}, {@code component}, ...; a
 * {@code pending_publication} deposit is {@code pending-publication}); {@link ResourceType#text()} is the subtype
 * ({@code preprint}, {@code working-paper}, {@code referee-report}, ...). Authors are creators; editors, chairs,
 * translators and other roles are contributors, each with its role. A date of type {@code issued} (the earliest
 * publication date, as the REST API defines it) is always given when any publication date is known.
 *
 * <p><b>Never throws for bad input.</b> Malformed XML yields an error naming line and column, malformed JSON one
 * naming the JSON path; a record that cannot be read is reported at its location while the document's other
 * records are returned. DTDs are refused (no external entities, no entity expansion); size and nesting are bounded
 * by {@link ReaderLimits}. Instances are immutable and thread-safe.
 */
public final class MetadataReader {

    private final ReaderLimits limits;
    private final SecureXmlParser xml;
    private final JsonDocuments json;
    private final DataCiteXmlReader dataCiteXml;
    private final DataCiteJsonReader dataCiteJson;
    private final CrossrefXmlReader crossrefXml;
    private final CrossrefJsonReader crossrefJson;

    public MetadataReader(ReaderLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.xml = new SecureXmlParser(limits);
        this.json = new JsonDocuments(limits);
        this.dataCiteXml = new DataCiteXmlReader(xml);
        this.dataCiteJson = new DataCiteJsonReader(dataCiteXml);
        this.crossrefXml = new CrossrefXmlReader();
        this.crossrefJson = new CrossrefJsonReader();
    }

    /** A reader with {@link ReaderLimits#defaults()}: 10 MB documents, nesting depth 100. */
    public static MetadataReader standard() {
        return new MetadataReader(ReaderLimits.defaults());
    }

    /** Reads a document whose format is detected from its content. */
    public ReadResult read(byte[] content) {
        return read(content, null);
    }

    /**
     * Reads a document.
     *
     * @param content         the document's bytes, in any encoding XML or JSON allows
     * @param contentTypeHint the HTTP Content-Type it came with, or null; used only when the content is ambiguous
     */
    public ReadResult read(byte[] content, String contentTypeHint) {
        Objects.requireNonNull(content, "content");
        if (content.length > limits.maxDocumentBytes()) {
            return failed(null, "document", "the document is " + content.length
                    + " bytes, more than the limit of " + limits.maxDocumentBytes() + " bytes");
        }
        return switch (MetadataFormats.sniff(content)) {
            case EMPTY -> failed(null, "document", "the document is empty");
            case TEXT -> failed(null, "document", "neither XML nor JSON"
                    + (contentTypeHint == null ? "" : " (Content-Type " + contentTypeHint + ")")
                    + "; it begins: \"" + MetadataFormats.preview(content) + "\"");
            case XML -> readXml(content, contentTypeHint);
            case JSON -> readJson(content, contentTypeHint);
        };
    }

    private ReadResult readXml(byte[] content, String hint) {
        MetadataFormat hinted = MetadataFormats.fromContentType(hint);
        MetadataFormat[] format = new MetadataFormat[1];
        XmlElement root;
        try {
            root = xml.parse(content, rootName -> {
                MetadataFormat f = MetadataFormats.fromXmlRoot(rootName);
                if (f == null && (hinted == MetadataFormat.DATACITE_XML || hinted == MetadataFormat.CROSSREF_XML
                        || hinted == MetadataFormat.CROSSREF_UNIXSD)) {
                    f = hinted;
                }
                format[0] = f;
                return f == null ? null : f == MetadataFormat.DATACITE_XML ? DataCiteXmlReader.SKIP
                        : CrossrefXmlReader.SKIP;
            });
        } catch (MetadataReadException e) {
            return failed(format[0], e.location(), e.reason());
        }
        ReadSink sink = new ReadSink();
        run(sink, () -> {
            if (format[0] == MetadataFormat.DATACITE_XML) {
                dataCiteXml.read(root, format[0], sink);
            } else {
                crossrefXml.read(root, format[0], sink);
            }
        });
        return new ReadResult(format[0], sink.records(), sink.errors());
    }

    private ReadResult readJson(byte[] content, String hint) {
        JsonNode tree;
        try {
            tree = json.parse(content);
        } catch (MetadataReadException e) {
            JsonNode salvaged = json.salvageList(content, e.location());
            if (salvaged == null) {
                return failed(MetadataFormats.fromContentType(hint), e.location(), e.reason());
            }
            ReadResult before = readJsonTree(salvaged, hint);
            List<ReadError> errors = new java.util.ArrayList<>(before.errors());
            errors.add(e.toReadError());
            return new ReadResult(before.format(), before.records(), errors);
        }
        return readJsonTree(tree, hint);
    }

    private ReadResult readJsonTree(JsonNode tree, String hint) {
        MetadataFormat format = MetadataFormats.fromJson(tree);
        if (format == null) {
            MetadataFormat hinted = MetadataFormats.fromContentType(hint);
            if (hinted == MetadataFormat.DATACITE_JSON || hinted == MetadataFormat.CROSSREF_JSON) {
                format = hinted;
            } else if (tree.isObject() && tree.has("errors")) {
                return failed(null, "$.errors", "the document is an API error, not metadata: "
                        + tree.get("errors"));
            } else {
                return failed(null, "$", "JSON of neither DataCite nor Crossref shape"
                        + (tree.isObject() ? " (top-level fields: " + String.join(", ", tree.propertyNames()) + ")"
                        : ""));
            }
        }
        ReadSink sink = new ReadSink();
        MetadataFormat f = format;
        run(sink, () -> {
            if (f == MetadataFormat.DATACITE_JSON) {
                dataCiteJson.read(tree, sink);
            } else {
                crossrefJson.read(tree, sink);
            }
        });
        return new ReadResult(format, sink.records(), sink.errors());
    }

    /** Whatever escapes a format reader becomes an error; the records read before it are kept. */
    private static void run(ReadSink sink, Runnable reading) {
        try {
            reading.run();
        } catch (MetadataReadException e) {
            sink.error(e);
        } catch (RuntimeException e) {
            sink.error("document", "could not read the document: " + e);
        }
    }

    private static ReadResult failed(MetadataFormat format, String location, String message) {
        return new ReadResult(format, List.of(), List.of(new ReadError(location, message)));
    }
}
