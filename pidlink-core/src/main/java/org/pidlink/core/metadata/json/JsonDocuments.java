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
        this.mapper = JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
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
