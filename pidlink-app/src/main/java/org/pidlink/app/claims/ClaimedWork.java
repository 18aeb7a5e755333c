package org.pidlink.app.claims;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.pidlink.core.identifiers.OrcidId;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a claim needs to know of its work beyond the payload itself, read once when it is asserted: what ranks it
 * against her other works ({@link WriteOrder}) and how the DOI's metadata names the researcher.
 *
 * @param year    the publication year, or 0 when the work has none
 * @param type    the ORCID work type, lower case, or empty
 * @param namedAs {@code creator} (listed with a contributor sequence, as creators are) or {@code contributor}, when
 *                the work lists her iD; null otherwise (a work she linked herself)
 */
record ClaimedWork(int year, String type, @Nullable String namedAs) {

    static final String CREATOR = "creator";
    static final String CONTRIBUTOR = "contributor";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ClaimedWork UNREADABLE = new ClaimedWork(0, "", null);

    static ClaimedWork of(WorkPayload payload, OrcidId orcid) {
        JsonNode work;
        try {
            work = JSON.readTree(payload.json());
        } catch (JacksonException e) {
            return UNREADABLE;
        }
        return new ClaimedWork(year(work), type(work), namedAs(work, orcid));
    }

    /**
     * {@link #of} for every researcher a record names, from one reading of the work: a record of 10,000 iDs is
     * read once, not 10,000 times. Streamed, not read into a tree: the work of a large collaboration is megabytes of
     * contributors, of which only each one's iD and sequence matter here.
     */
    static Map<OrcidId, ClaimedWork> ofAll(WorkPayload payload, Collection<OrcidId> orcids) {
        Map<OrcidId, ClaimedWork> all = new LinkedHashMap<>();
        Set<String> wanted = new HashSet<>();
        orcids.forEach(orcid -> wanted.add(orcid.value()));
        Map<String, String> roles = new HashMap<>();
        int year = 0;
        String type = "";
        try (JsonParser parser = JSON.createParser(payload.json())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not an object");
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                switch (name) {
                    case "type" -> type = type(JSON.createObjectNode().set("type", parser.readValueAsTree()));
                    case "publication-date" ->
                            year = year(JSON.createObjectNode().set("publication-date", parser.readValueAsTree()));
                    case "contributors" -> contributors(parser, wanted, roles);
                    default -> parser.skipChildren();
                }
            }
        } catch (JacksonException | IllegalArgumentException e) {
            orcids.forEach(orcid -> all.put(orcid, UNREADABLE));
            return all;
        }
        int y = year;
        String t = type;
        orcids.forEach(orcid -> all.put(orcid, new ClaimedWork(y, t, roles.get(orcid.value()))));
        return all;
    }

    /** The role of each wanted iD among {@code "contributors": {"contributor": [...]}}, the first listing winning. */
    private static void contributors(JsonParser parser, Set<String> wanted, Map<String, String> roles) {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return;
        }
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            if (!"contributor".equals(name) || parser.currentToken() != JsonToken.START_ARRAY) {
                parser.skipChildren();
                continue;
            }
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                contributor(parser, wanted, roles);
            }
        }
    }

    private static void contributor(JsonParser parser, Set<String> wanted, Map<String, String> roles) {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return;
        }
        String path = null;
        boolean sequence = false;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            if (("contributor-orcid".equals(name) || "contributor-attributes".equals(name))
                    && parser.currentToken() == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                    String field = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if ("contributor-orcid".equals(name) && "path".equals(field) && value == JsonToken.VALUE_STRING) {
                        path = parser.getString();
                    } else if ("contributor-attributes".equals(name) && "contributor-sequence".equals(field)
                            && value == JsonToken.VALUE_STRING) {
                        sequence = true;
                    } else {
                        parser.skipChildren();
                    }
                }
            } else {
                parser.skipChildren();
            }
        }
        if (path != null && wanted.contains(path)) {
            roles.putIfAbsent(path, sequence ? CREATOR : CONTRIBUTOR);
        }
    }

    private static String type(JsonNode work) {
        return work.path("type").isString() ? work.path("type").stringValue().toLowerCase(Locale.ROOT) : "";
    }

    private static String role(JsonNode contributor) {
        return contributor.path("contributor-attributes").path("contributor-sequence").isString() ? CREATOR
                : CONTRIBUTOR;
    }

    private static int year(JsonNode work) {
        JsonNode year = work.path("publication-date").path("year").path("value");
        if (!year.isString()) {
            return 0;
        }
        try {
            int value = Integer.parseInt(year.stringValue().strip());
            return value > 0 && value < 10_000 ? value : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static @Nullable String namedAs(JsonNode work, OrcidId orcid) {
        for (JsonNode contributor : work.path("contributors").path("contributor")) {
            JsonNode path = contributor.path("contributor-orcid").path("path");
            if (path.isString() && orcid.value().equals(path.stringValue())) {
                return role(contributor);
            }
        }
        return null;
    }
}
