package org.pidlink.core.metadata.json;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import org.pidlink.core.metadata.support.Texts;

/** Lenient access to JSON fields that real APIs spell in more than one shape, and JSON-path building. */
public final class JsonPaths {

    private JsonPaths() {
    }

    /** {@code .name}, or {@code ["odd name"]} when the name is not a plain identifier. */
    public static String member(String name) {
        if (!name.isEmpty() && name.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '-')) {
            return "." + name;
        }
        return "[\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
    }

    /**
     * The text of a field: a string as is, a number as written, the first element of an array of strings
     * (Crossref's {@code title: ["..."]}), or an object's {@code name} (DataCite's {@code publisher=true} shape).
     * Null for anything else or when blank.
     */
    public static String text(JsonNode node, String field) {
        return node == null ? null : text(node.get(field));
    }

    public static String text(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isString()) {
            return value.stringValue();
        }
        if (value.isNumber() || value.isBoolean()) {
            return value.asString();
        }
        if (value.isArray()) {
            for (JsonNode v : value) {
                String t = text(v);
                if (!Texts.isBlank(t)) {
                    return t;
                }
            }
            return null;
        }
        if (value.isObject() && value.has("name")) {
            return text(value.get("name"));
        }
        return null;
    }

    /** Every text of a field that may be one string or an array of strings. */
    public static List<String> texts(JsonNode node, String field) {
        List<String> out = new ArrayList<>();
        JsonNode value = node == null ? null : node.get(field);
        if (value == null) {
            return out;
        }
        if (value.isArray()) {
            for (JsonNode v : value) {
                String t = text(v);
                if (t != null) {
                    out.add(t);
                }
            }
        } else {
            String t = text(value);
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    /** The elements of a field that should be an array; a lone object (DataCite input payloads do this) counts as one. */
    public static List<JsonNode> elements(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        List<JsonNode> out = new ArrayList<>();
        if (value == null || value.isNull()) {
            return out;
        }
        if (value.isArray()) {
            value.forEach(out::add);
        } else {
            out.add(value);
        }
        return out;
    }

    /** An integer from a number or a numeric string ({@code publicationYear: "2016"}); null otherwise. */
    public static Integer integer(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            return value.intValue();
        }
        return org.pidlink.core.metadata.support.Dates.parseInt(text(value));
    }
}
