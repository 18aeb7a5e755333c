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
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                if (parser.nextToken() == JsonToken.START_ARRAY && "group".equals(name)) {
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        group(parser, summaries);
                    }
                } else {
                    parser.skipChildren();
                }
            }
        }
        return summaries;
    }

    /** One group's work-summaries; the parser is at the group's start and left at its end. */
    private static void group(JsonParser parser, List<WorkSummary> summaries) {
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            if (parser.nextToken() == JsonToken.START_ARRAY && "work-summary".equals(name)) {
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    summaries.add(summary((JsonNode) parser.readValueAsTree()));
                }
            } else {
                parser.skipChildren();
            }
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
