package org.pidlink.core.metadata.json;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.pidlink.core.metadata.MetadataReadException;
import org.pidlink.core.metadata.ReaderLimits;

/** Parses JSON into a tree within the reader's limits; a syntax error names the JSON path and the line. Thread-safe. */
public final class JsonDocuments {

    private final JsonMapper mapper;

    public JsonDocuments(ReaderLimits limits) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxNestingDepth())
                        .maxDocumentLength(limits.maxDocumentBytes())
                        .build())
                .build();
        // FAIL_ON_TRAILING_TOKENS (on by default in Jackson 3) is off: salvageList reads one element at a time;
        // parse checks the end of the document itself
        this.mapper = JsonMapper.builder(factory)
                .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    /** @throws MetadataReadException located at the JSON path where the document broke */
    public JsonNode parse(byte[] content) {
        JsonParser parser = null;
        try {
            parser = mapper.createParser(content);
            JsonNode root = mapper.readTree(parser);
            if (root == null || root.isMissingNode()) {
                throw new MetadataReadException("$", "empty JSON document");
            }
            if (parser.nextToken() != null && parser.currentToken() != JsonToken.NOT_AVAILABLE) {
                throw new MetadataReadException(path(parser.streamReadContext()),
                        "content after the end of the JSON document");
            }
            return root;
        } catch (JacksonException e) {
            String path = parser == null ? "$" : path(parser.streamReadContext());
            TokenStreamLocation loc = e.getLocation();
            String where = loc == null || loc.getLineNr() < 0 ? ""
                    : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
            String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
            throw new MetadataReadException(path, "malformed JSON" + where + ": " + firstLine(message), e);
        } finally {
            if (parser != null) {
                parser.close();
            }
        }
    }

    private static final java.util.regex.Pattern LIST_ITEM =
            java.util.regex.Pattern.compile("^\\$\\.(data|message\\.items)\\[(\\d+)\\]");

    /**
     * The records of a list page that precede a syntax error, so one broken record does not cost the page: for an
     * error inside {@code $.data[k]} (DataCite) or {@code $.message.items[k]} (Crossref), a document of the same
     * envelope with the complete elements 0 to k-1. Null when the error lies elsewhere or nothing precedes it.
     */
    public JsonNode salvageList(byte[] content, String errorPath) {
        java.util.regex.Matcher m = LIST_ITEM.matcher(errorPath);
        if (!m.find() || Integer.parseInt(m.group(2)) == 0) {
            return null;
        }
        boolean crossref = m.group(1).equals("message.items");
        int complete = Integer.parseInt(m.group(2));
        tools.jackson.databind.node.ArrayNode items = mapper.createArrayNode();
        try (JsonParser parser = mapper.createParser(content)) {
            if (!toListStart(parser, crossref)) {
                return null;
            }
            for (int i = 0; i < complete && parser.nextToken() != JsonToken.END_ARRAY; i++) {
                items.add((JsonNode) mapper.readTree(parser));
            }
        } catch (JacksonException e) {
            // the elements read so far are complete; the caller reports the error itself
        }
        if (items.isEmpty()) {
            return null;
        }
        tools.jackson.databind.node.ObjectNode root = mapper.createObjectNode();
        if (crossref) {
            root.put("message-type", "work-list");
            root.putObject("message").set("items", items);
        } else {
            root.set("data", items);
        }
        return root;
    }

    /** Moves the parser onto the start of {@code data} or {@code message.items}; false if the document has none. */
    private static boolean toListStart(JsonParser parser, boolean crossref) {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return false;
        }
        if (!crossref) {
            return seek(parser, "data") && parser.nextToken() == JsonToken.START_ARRAY;
        }
        return seek(parser, "message") && parser.nextToken() == JsonToken.START_OBJECT
                && seek(parser, "items") && parser.nextToken() == JsonToken.START_ARRAY;
    }

    /** Moves to the value of the named field of the current object, skipping the others; false if absent. */
    private static boolean seek(JsonParser parser, String field) {
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            if (field.equals(parser.currentName())) {
                return true;
            }
            parser.nextToken();
            parser.skipChildren();
        }
        return false;
    }

    /** {@code $.data[3].attributes} for the parser's position. */
    static String path(TokenStreamContext ctx) {
        StringBuilder sb = new StringBuilder();
        append(ctx, sb);
        return sb.isEmpty() ? "$" : "$" + sb;
    }

    private static void append(TokenStreamContext ctx, StringBuilder sb) {
        if (ctx == null || ctx.inRoot()) {
            return;
        }
        append(ctx.getParent(), sb);
        if (ctx.inArray()) {
            sb.append('[').append(Math.max(ctx.getCurrentIndex(), 0)).append(']');
        } else if (ctx.inObject() && ctx.currentName() != null) {
            sb.append(JsonPaths.member(ctx.currentName()));
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
