package org.pidlink.orcid.client;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Reads the parts of ORCID v3.0 {@code work} and {@code work-summary} JSON that pidlink acts on. */
final class WorkJson {

    private WorkJson() {
    }

    static WorkSummary summary(JsonNode work) {
        Long putCode = Json.longOrNull(work.path("put-code"));
        if (putCode == null) {
            throw new IllegalStateException("work without put-code");
        }
        JsonNode source = work.path("source");
        return new WorkSummary(putCode,
                Json.text(source.path("source-client-id").path("path")),
                Json.text(source.path("source-orcid").path("path")),
                Json.value(source.path("source-name")),
                Json.value(work.path("title").path("title")),
                Json.text(work.path("type")),
                externalIds(work.path("external-ids")),
                date(work.path("publication-date")),
                Json.text(work.path("visibility")),
                instant(work.path("last-modified-date")));
    }

    /** Every work-summary of a {@code works} answer, group by group, in ORCID's order. */
    static List<WorkSummary> summariesOfGroups(JsonNode works) {
        List<WorkSummary> summaries = new ArrayList<>();
        for (JsonNode group : Json.list(works.path("group"))) {
            for (JsonNode summary : Json.list(group.path("work-summary"))) {
                summaries.add(summary(summary));
            }
        }
        return summaries;
    }

    /**
     * Every work-summary of a {@code works} answer as sent, read as a stream: one summary's tree at a time. A record
     * at ORCID's cap answers 10,000 summaries, about a million JSON nodes as one tree; a few such reads at once
     * (reconciliation, the cap's room) filled a 1 GiB heap with trees that outlived young collections
     * ({@code bench aggregate} at full scale).
     */
    static List<WorkSummary> summariesOfGroups(ObjectMapper mapper, byte[] works) {
        List<WorkSummary> summaries = new ArrayList<>();
        try (JsonParser parser = mapper.createParser(works)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException("the works answer is not a JSON object");
            }
            items(parser, "group", () -> items(parser, "work-summary",
                    () -> summaries.add(summary((JsonNode) parser.readValueAsTree()))));
            if (parser.nextToken() != null) {
                throw new IllegalStateException("the works answer goes on after its end");
            }
        }
        return summaries;
    }

    /**
     * Reads the object the parser is at to its end, handing {@code item} each item of its member {@code name} as
     * {@link Json#list} sees them (an array of objects, one object, or nothing when null or absent), the parser at
     * the item's start; {@code item} reads it to its end. Other members are skipped. Anything else (an item that is
     * not an object, an answer that ends early) is an error, never a shorter list: reconciliation would take the
     * works missing from it for works the researcher deleted.
     */
    private static void items(JsonParser parser, String name, Runnable item) {
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
            boolean wanted = name.equals(parser.currentName());
            JsonToken value = parser.nextToken();
            if (!wanted || value == JsonToken.VALUE_NULL) {
                parser.skipChildren();
            } else if (value == JsonToken.START_OBJECT) {
                item.run();
            } else if (value == JsonToken.START_ARRAY) {
                while ((value = parser.nextToken()) == JsonToken.START_OBJECT) {
                    item.run();
                }
                if (value != JsonToken.END_ARRAY) {
                    throw new IllegalStateException("an item of \"" + name + "\" in the works answer is not an object");
                }
            } else {
                throw new IllegalStateException("\"" + name + "\" in the works answer is neither an object nor an array");
            }
        }
        if (token != JsonToken.END_OBJECT) {
            throw new IllegalStateException("the works answer ends early");
        }
    }

    static List<ExternalId> externalIds(JsonNode externalIds) {
        List<ExternalId> ids = new ArrayList<>();
        for (JsonNode id : Json.list(externalIds.path("external-id"))) {
            String type = Json.text(id.path("external-id-type"));
            String value = Json.text(id.path("external-id-value"));
            if (type == null || value == null) {
                continue;
            }
            ids.add(new ExternalId(type, value, Json.value(id.path("external-id-normalized")),
                    Json.value(id.path("external-id-url")), Json.text(id.path("external-id-relationship"))));
        }
        return ids;
    }

    private static String date(JsonNode date) {
        String year = Json.value(date.path("year"));
        if (year == null) {
            return null;
        }
        String month = Json.value(date.path("month"));
        if (month == null) {
            return year;
        }
        String day = Json.value(date.path("day"));
        return day == null ? year + "-" + month : year + "-" + month + "-" + day;
    }

    private static Instant instant(JsonNode date) {
        Long millis = Json.longOrNull(date.path("value"));
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
