package org.pidlink.orcid.client;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

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
