package org.pidlink.emulator.schema;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How ORCID's Jackson-over-JAXB provider reads JSON bodies (orcid-api.md §1, §3.1), for the work and affiliation
 * readers: unknown fields and wrong shapes are refused (9047) with Jackson's wording, scalars are coerced to strings,
 * a single object is accepted where a list is expected ({@code ACCEPT_SINGLE_VALUE_AS_ARRAY}), null means absent,
 * and a bare scalar is accepted for a {@code {"value": …}} wrapper (ORCID's value classes have single-String
 * constructors, which Jackson uses as delegating creators). Also the lenient getters used when such a body is
 * replayed as XML for the schema.
 */
public final class JsonBinding {

    /** Where ORCID's shared v3.0 model classes live; Jackson names them in its messages. */
    public static final String COMMON_PACKAGE = "org.orcid.jaxb.model.v3.release.common.";

    private final Map<String, Set<String>> fieldsByType;

    /** @param fieldsByType the JSON fields each ORCID model class (by simple name) accepts */
    public JsonBinding(Map<String, Set<String>> fieldsByType) {
        this.fieldsByType = Map.copyOf(fieldsByType);
    }

    /** The body as a tree; syntax errors and an empty body are refusals. */
    public static JsonNode tree(JsonMapper json, byte[] body) throws JsonBodyException {
        try {
            JsonNode n = json.readTree(body);
            if (n == null || n.isMissingNode()) {
                throw new JsonBodyException("No content to map due to end-of-input");
            }
            return n;
        } catch (JacksonException e) {
            throw new JsonBodyException(e.getOriginalMessage());
        }
    }

    /** The node of {@code field} when it is an object of ORCID class {@code type}; null when absent or null. */
    public JsonNode object(JsonNode parent, String field, String type) throws JsonBodyException {
        JsonNode n = present(parent.get(field));
        if (n == null) {
            return null;
        }
        requireObject(n, type);
        checkFields(n, fields(type), COMMON_PACKAGE + type);
        return n;
    }

    /** A {@code {"value": …}} wrapper's value, or a bare scalar in its place. */
    public String value(JsonNode parent, String field, String type) throws JsonBodyException {
        JsonNode raw = present(parent.get(field));
        if (raw != null && raw.isValueNode()) {
            return raw.asString();
        }
        JsonNode n = object(parent, field, type);
        return n == null ? null : scalar(n, "value");
    }

    /** The fields ORCID class {@code type} accepts. */
    public Set<String> fields(String type) {
        Set<String> f = fieldsByType.get(type);
        if (f == null) {
            throw new IllegalArgumentException("no JSON fields known for " + type);
        }
        return f;
    }

    /** A scalar coerced to a string; an object or array is a refusal. */
    public static String scalar(JsonNode parent, String field) throws JsonBodyException {
        JsonNode n = present(parent.get(field));
        if (n == null) {
            return null;
        }
        if (n.isObject() || n.isArray()) {
            throw new JsonBodyException("Cannot deserialize value of type `java.lang.String` from "
                    + describe(n) + " (through reference chain: [\"" + field + "\"])");
        }
        return n.asString();
    }

    public static void requireObject(JsonNode n, String type) throws JsonBodyException {
        if (!n.isObject()) {
            throw new JsonBodyException("Cannot construct instance of `" + type + "` from " + describe(n)
                    + ": no delegate- or property-based Creator");
        }
    }

    public static void checkFields(JsonNode n, Set<String> allowed, String type) throws JsonBodyException {
        Iterator<String> names = n.propertyNames().iterator();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new JsonBodyException("Unrecognized field \"" + name + "\" (class " + type
                        + "), not marked as ignorable");
            }
        }
    }

    /** Jackson's description of a node in its messages. */
    public static String describe(JsonNode n) {
        if (n.isObject()) {
            return "Object value (token `JsonToken.START_OBJECT`)";
        }
        if (n.isArray()) {
            return "Array value (token `JsonToken.START_ARRAY`)";
        }
        return n.isString() ? "String value (\"" + n.asString() + "\")" : n.getNodeType().toString() + " value";
    }

    // ---- lenient getters, for a body already checked by the reader ------------------------------------------

    /** The node, or null when it is absent or JSON null. */
    public static JsonNode present(JsonNode n) {
        return n == null || n.isNull() ? null : n;
    }

    /** {@code parent[field]} unless absent or null. */
    public static JsonNode get(JsonNode parent, String field) {
        return present(parent.get(field));
    }

    /** {@code parent[field]} as text, or null. */
    public static String text(JsonNode parent, String field) {
        JsonNode v = get(parent, field);
        return v == null ? null : v.asString();
    }

    /** {@code parent[field].value} (or a bare scalar in its place), or null. */
    public static String wrapped(JsonNode parent, String field) {
        JsonNode o = get(parent, field);
        if (o == null) {
            return null;
        }
        return o.isValueNode() ? o.asString() : text(o, "value");
    }

    /** The elements of a list; a single value counts as a one-element list; absent or null is empty. */
    public static List<JsonNode> list(JsonNode n) {
        if (n == null || n.isNull()) {
            return List.of();
        }
        if (n.isArray()) {
            List<JsonNode> out = new ArrayList<>(n.size());
            n.forEach(out::add);
            return out;
        }
        return List.of(n);
    }
}
