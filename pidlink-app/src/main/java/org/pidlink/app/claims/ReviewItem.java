package org.pidlink.app.claims;

import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A work awaiting the researcher's review, as she decides on it: title, type, publication date, where the link
 * came from, DOI.
 *
 * @param type   ORCID's work type, e.g. "data-set", or null when the payload has none
 * @param date   the publication date as given (year, year-month or full date), or null
 * @param source where pidlink found the link, in her words
 */
public record ReviewItem(ClaimView claim, @Nullable String type, @Nullable String date, String source) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static ReviewItem of(ClaimView claim, @Nullable String workJson) {
        String type = null;
        String date = null;
        if (workJson != null) {
            try {
                JsonNode work = JSON.readTree(workJson);
                type = work.path("type").isString() ? work.path("type").stringValue() : null;
                JsonNode published = work.path("publication-date");
                String year = value(published, "year");
                String month = value(published, "month");
                String day = value(published, "day");
                date = year == null ? null : year + (month == null ? "" : "-" + month + (day == null ? "" : "-" + day));
            } catch (JacksonException e) {
                // A payload pidlink stored itself; without it the row shows title and DOI only.
            }
        }
        String source = claim.provenance().stream().map(ReviewItem::source).collect(Collectors.joining("; "));
        return new ReviewItem(claim, type, date, source);
    }

    private static @Nullable String value(JsonNode date, String part) {
        JsonNode value = date.path(part).path("value");
        return value.isString() ? value.stringValue() : null;
    }

    private static String source(Provenance provenance) {
        return switch (provenance) {
            case AUTO_UPDATE -> "its DOI metadata names your iD";
            case SEARCH_AND_LINK -> "you claimed it in search & link";
            case IMPORT -> "it is on your ORCID record";
            case ADMIN -> "an administrator linked it to you";
        };
    }
}
