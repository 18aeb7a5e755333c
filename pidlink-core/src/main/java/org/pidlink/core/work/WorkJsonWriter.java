package org.pidlink.core.work;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultPrettyPrinter;

/**
 * Writes works in ORCID's v3.0 JSON shape ({@code application/vnd.orcid+json}): fields in the order of
 * {@code work-3.0.xsd}, absent optional fields left out, as in ORCID's write samples.
 */
public final class WorkJsonWriter {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectWriteContext PRETTY = new ObjectWriteContext.Base() {
        @Override
        public PrettyPrinter getPrettyPrinter() {
            return new DefaultPrettyPrinter();
        }

        @Override
        public boolean hasPrettyPrinter() {
            return true;
        }
    };

    private WorkJsonWriter() {
    }

    /** The work as compact JSON, the body of {@code POST /work} or {@code PUT /work/{put-code}}. */
    public static String toJson(OrcidWork work) {
        return write(false, g -> writeWork(g, work, true), sizeOf(work));
    }

    public static String toPrettyJson(OrcidWork work) {
        return write(true, g -> writeWork(g, work, true));
    }

    /**
     * ORCID's bulk message, {@code {"bulk":[{"work":…},…]}}, the body of {@code POST /works}.
     *
     * @throws InvalidWorkException for more than 100 works or a work with a put-code, which ORCID refuses
     */
    public static String toBulkJson(List<OrcidWork> works) {
        Bulk.check(works);
        return write(false, g -> writeBulk(g, works));
    }

    public static String toPrettyBulkJson(List<OrcidWork> works) {
        Bulk.check(works);
        return write(true, g -> writeBulk(g, works));
    }

    /** Compact JSON without the put-code: the canonical form {@link OrcidWork#canonicalHash()} digests. */
    static String canonical(OrcidWork work) {
        return write(false, g -> writeWork(g, work, false), sizeOf(work));
    }

    /**
     * {@link #canonical} and the SHA-256 of its UTF-8 bytes from one serialization straight to UTF-8: the bytes are
     * digested where they were written and decoded once into the JSON string, instead of a string buffer copied into
     * the string and the string encoded again to be digested (a large collaboration's work is megabytes).
     */
    static OrcidWork.Canonical canonicalWithHash(OrcidWork work, MessageDigest sha256) {
        Utf8Buffer out = new Utf8Buffer(sizeOf(work));
        try (JsonGenerator g = FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
            writeWork(g, work, false);
        }
        return new OrcidWork.Canonical(out.decode(), HexFormat.of().formatHex(out.digest(sha256)));
    }

    /**
     * About the size of the work's JSON, rather above it (a contributor with an iD is about 250 bytes): the buffer
     * starts there instead of doubling its way up to the megabytes of a large collaboration's contributor list.
     */
    private static int sizeOf(OrcidWork work) {
        return 2048 + 288 * work.contributors().size();
    }

    /** A byte buffer whose content is decoded and digested in place, without the copy {@code toByteArray} makes. */
    private static final class Utf8Buffer extends ByteArrayOutputStream {

        Utf8Buffer(int size) {
            super(size);
        }

        String decode() {
            return new String(buf, 0, count, StandardCharsets.UTF_8);
        }

        byte[] digest(MessageDigest sha256) {
            sha256.update(buf, 0, count);
            return sha256.digest();
        }
    }

    private interface Body {
        void write(JsonGenerator g);
    }

    private static String write(boolean pretty, Body body) {
        return write(pretty, body, 2048);
    }

    private static String write(boolean pretty, Body body, int size) {
        StringWriter out = new StringWriter(size);
        try (JsonGenerator g = pretty ? FACTORY.createGenerator(PRETTY, out)
                : FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
            body.write(g);
        }
        return out.toString();
    }

    private static void writeBulk(JsonGenerator g, List<OrcidWork> works) {
        g.writeStartObject();
        g.writeName("bulk");
        g.writeStartArray();
        for (OrcidWork work : works) {
            g.writeStartObject();
            g.writeName("work");
            writeWork(g, work, true);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeWork(JsonGenerator g, OrcidWork work, boolean withPutCode) {
        g.writeStartObject();
        if (withPutCode && work.putCode() != null) {
            g.writeNumberProperty("put-code", work.putCode());
        }
        writeTitle(g, work.title());
        if (work.journalTitle() != null) {
            value(g, "journal-title", work.journalTitle());
        }
        if (work.shortDescription() != null) {
            g.writeStringProperty("short-description", work.shortDescription());
        }
        if (work.citation() != null) {
            g.writeName("citation");
            g.writeStartObject();
            g.writeStringProperty("citation-type", work.citation().type());
            g.writeStringProperty("citation-value", work.citation().value());
            g.writeEndObject();
        }
        g.writeStringProperty("type", work.type());
        if (work.publicationDate() != null) {
            PublicationDate date = work.publicationDate();
            g.writeName("publication-date");
            g.writeStartObject();
            value(g, "year", date.yearText());
            if (date.month() != null) {
                value(g, "month", date.monthText());
            }
            if (date.day() != null) {
                value(g, "day", date.dayText());
            }
            g.writeEndObject();
        }
        writeExternalIds(g, work.externalIds());
        if (work.url() != null) {
            value(g, "url", work.url());
        }
        if (!work.contributors().isEmpty()) {
            writeContributors(g, work.contributors());
        }
        if (work.languageCode() != null) {
            g.writeStringProperty("language-code", work.languageCode());
        }
        if (work.country() != null) {
            value(g, "country", work.country());
        }
        g.writeEndObject();
    }

    private static void writeTitle(JsonGenerator g, WorkTitle title) {
        g.writeName("title");
        g.writeStartObject();
        value(g, "title", title.title());
        if (title.subtitle() != null) {
            value(g, "subtitle", title.subtitle());
        }
        if (title.translatedTitle() != null) {
            g.writeName("translated-title");
            g.writeStartObject();
            g.writeStringProperty("value", title.translatedTitle().value());
            g.writeStringProperty("language-code", title.translatedTitle().languageCode());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void writeExternalIds(JsonGenerator g, List<ExternalId> ids) {
        g.writeName("external-ids");
        g.writeStartObject();
        g.writeName("external-id");
        g.writeStartArray();
        for (ExternalId id : ids) {
            g.writeStartObject();
            g.writeStringProperty("external-id-type", id.type());
            g.writeStringProperty("external-id-value", id.value());
            if (id.url() != null) {
                value(g, "external-id-url", id.url());
            }
            g.writeStringProperty("external-id-relationship", id.relationship().value());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeContributors(JsonGenerator g, List<WorkContributor> contributors) {
        g.writeName("contributors");
        g.writeStartObject();
        g.writeName("contributor");
        g.writeStartArray();
        for (WorkContributor c : contributors) {
            g.writeStartObject();
            if (c.orcid() != null) {
                g.writeName("contributor-orcid");
                g.writeStartObject();
                g.writeStringProperty("uri", c.orcid().uri());
                g.writeStringProperty("path", c.orcid().path());
                g.writeStringProperty("host", c.orcid().host());
                g.writeEndObject();
            }
            if (c.creditName() != null) {
                value(g, "credit-name", c.creditName());
            }
            if (c.sequence() != null || c.role() != null) {
                g.writeName("contributor-attributes");
                g.writeStartObject();
                if (c.sequence() != null) {
                    g.writeStringProperty("contributor-sequence", c.sequence().value());
                }
                if (c.role() != null) {
                    g.writeStringProperty("contributor-role", c.role());
                }
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** ORCID wraps most strings in an object: {@code "journal-title": {"value": "…"}}. */
    private static void value(JsonGenerator g, String name, String value) {
        g.writeName(name);
        g.writeStartObject();
        g.writeStringProperty("value", value);
        g.writeEndObject();
    }
}
