package org.pidlink.orcid.client;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Null-tolerant reading of ORCID's JSON, where absent optionals are written as {@code null}. */
final class Json {

    private Json() {
    }

    /** The text of a scalar node, or null when absent, null or not scalar. */
    static String text(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull() || node.isContainer()) {
            return null;
        }
        return node.isString() ? node.stringValue() : node.asString();
    }

    /** ORCID wraps many scalars as {@code {"value": …}}. */
    static String value(JsonNode node) {
        return text(node.path("value"));
    }

    /** An int written as a number or a string (ORCID writes error-code 8001 as a string), or 0. */
    static int integer(JsonNode node) {
        Long value = longOrNull(node);
        return value == null || value > Integer.MAX_VALUE || value < Integer.MIN_VALUE ? 0 : value.intValue();
    }

    static Long longOrNull(JsonNode node) {
        if (node.isIntegralNumber()) {
            return node.longValue();
        }
        String t = text(node);
        if (t != null) {
            try {
                return Long.parseLong(t.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** The elements of an array; a single object counts as a one-element array, as ORCID accepts it. */
    static List<JsonNode> list(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            return List.of(node);
        }
        List<JsonNode> items = new ArrayList<>(node.size());
        for (JsonNode item : node) {
            items.add(item);
        }
        return items;
    }
}
