package org.pidlink.app.reports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.pidlink.app.claims.Links;
import org.pidlink.app.push.OrcidCallsCsv;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.http.MediaType;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes every DOI–iD link as JSON Lines or CSV, row by row from the claims' cursor: memory stays flat at a million
 * links. Columns: doi, orcid, provenance (creator, contributor, metadata, search-and-link, import, admin; several
 * separated by spaces in CSV), status (a {@code ClaimStatus} name), created_at, updated_at, written_at (ISO-8601 UTC,
 * empty when never written).
 */
@Component
final class LinkExport {

    static final String CSV_HEADER = "doi,orcid,provenance,status,created_at,updated_at,written_at";
    /** One generator per line over the shared writer, which it must neither close nor flush row by row. */
    private static final JsonFactory JSON = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .disable(StreamWriteFeature.FLUSH_PASSED_TO_STREAM).build();

    enum Format {
        JSONL("jsonl", new MediaType("application", "jsonl", StandardCharsets.UTF_8)),
        CSV("csv", new MediaType("text", "csv", StandardCharsets.UTF_8));

        final String extension;
        final MediaType mediaType;

        Format(String extension, MediaType mediaType) {
            this.extension = extension;
            this.mediaType = mediaType;
        }

        /** {@code jsonl} or {@code csv} (any case); empty for anything else. */
        static Optional<Format> named(@Nullable String name) {
            if (name == null || name.isBlank()) {
                return Optional.of(JSONL);
            }
            for (Format format : values()) {
                if (format.extension.equals(name.strip().toLowerCase(Locale.ROOT))) {
                    return Optional.of(format);
                }
            }
            return Optional.empty();
        }
    }

    private final Links links;

    LinkExport(Links links) {
        this.links = links;
    }

    /** Writes every link; returns how many. */
    long write(Format format, OutputStream out) {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        try {
            if (format == Format.CSV) {
                writer.write(CSV_HEADER);
                writer.write("\r\n");
            }
            long count = links.forEach(link -> {
                try {
                    if (format == Format.CSV) {
                        csv(link, writer);
                    } else {
                        jsonLine(link, writer);
                    }
                } catch (IOException e) {
                    // The client went away: stop reading rows for nobody.
                    throw new UncheckedIOException(e);
                }
            });
            writer.flush();
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void csv(Links.Link link, Writer out) throws IOException {
        out.write(OrcidCallsCsv.field(link.doi()));
        out.write(',');
        out.write(link.orcid());
        out.write(',');
        out.write(String.join(" ", link.provenance()));
        out.write(',');
        out.write(link.status().name());
        out.write(',');
        out.write(link.createdAt().toString());
        out.write(',');
        out.write(link.updatedAt().toString());
        out.write(',');
        out.write(link.writtenAt() == null ? "" : link.writtenAt().toString());
        out.write("\r\n");
    }

    private static void jsonLine(Links.Link link, Writer out) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
            g.writeStartObject();
            g.writeStringProperty("doi", link.doi());
            g.writeStringProperty("orcid", link.orcid());
            g.writeName("provenance");
            g.writeStartArray();
            for (String p : link.provenance()) {
                g.writeString(p);
            }
            g.writeEndArray();
            g.writeStringProperty("status", link.status().name());
            g.writeStringProperty("created_at", link.createdAt().toString());
            g.writeStringProperty("updated_at", link.updatedAt().toString());
            Instant written = link.writtenAt();
            if (written == null) {
                g.writeNullProperty("written_at");
            } else {
                g.writeStringProperty("written_at", written.toString());
            }
            g.writeEndObject();
        }
        out.write('\n');
    }

    /**
     * Every link as a download, written while the database is read, on the request's own thread: an asynchronous
     * response would be dispatched again through the stateless API chain, which no longer knows the API key then.
     */
    void download(Format format, Instant now, HttpServletResponse response) throws IOException {
        response.setContentType(format.mediaType.toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName(format, now) + "\"");
        write(format, response.getOutputStream());
    }

    /** The download's file name, e.g. {@code pidlink-links-2026-12-07.jsonl}. */
    static String fileName(Format format, Instant now) {
        return "pidlink-links-" + now.toString().substring(0, 10) + "." + format.extension;
    }
}
