package org.pidlink.app.affiliations;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an affiliation file, CSV (RFC 4180, UTF-8, a header row naming {@link Column}s) or JSON (an array of objects
 * with the same names, or {@code {"affiliations": [...]}}), into rows, within limits: a file larger than
 * {@code maxBytes}, with more than {@code maxRows} rows, a value longer than 10 000 characters, nesting deeper than
 * 8 or anything that is not UTF-8 is refused before any row is validated. Thread-safe.
 */
final class AffiliationFileReader {

    /** No column takes more than this; longer values are refused while reading, before they are held. */
    static final int MAX_VALUE = 10_000;

    private final long maxBytes;
    private final int maxRows;
    private final JsonMapper json;

    AffiliationFileReader(long maxBytes, int maxRows) {
        this.maxBytes = maxBytes;
        this.maxRows = maxRows;
        this.json = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(8).maxDocumentLength(maxBytes).maxStringLength(MAX_VALUE).build()).build())
                // objects are read one at a time from the array; the reader checks the end itself
                .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    }

    /** Whether a body is JSON: by its content type, else by its first character. */
    static boolean isJson(String contentType, byte[] content) {
        if (contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).contains("json")) {
            return true;
        }
        if (contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).contains("csv")) {
            return false;
        }
        for (byte b : content) {
            if (!Character.isWhitespace(b) && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
                return b == '[' || b == '{';
            }
        }
        return false;
    }

    /** @throws FileRefused when the file cannot be read as rows */
    List<RawRow> read(byte[] content, boolean asJson) {
        if (content.length > maxBytes) {
            throw new FileRefused(new RowError(1, null, "the file has " + content.length
                    + " bytes; pidlink takes at most " + maxBytes + " in one upload (split it)"));
        }
        return asJson ? readJson(content) : readCsv(utf8(content));
    }

    private static String utf8(byte[] content) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new FileRefused(new RowError(1, null, "the file is not UTF-8 text (save the CSV as UTF-8)"));
        }
    }

    // ---- CSV

    private List<RawRow> readCsv(String text) {
        List<Record> records = new CsvRecords(text).all();
        if (records.isEmpty()) {
            throw new FileRefused(new RowError(1, null, "the file is empty: it needs a header row and one row per affiliation"));
        }
        Record header = records.getFirst();
        List<RowError> errors = new ArrayList<>();
        List<Column> columns = new ArrayList<>();
        for (String name : header.fields()) {
            Optional<Column> column = Column.of(name);
            if (column.isEmpty() && !name.isBlank()) {
                errors.add(new RowError(1, name, "unknown column '" + name + "' (the columns are " + headers() + ")"));
            } else if (column.isPresent() && columns.contains(column.get())) {
                errors.add(new RowError(1, name, "the column " + name + " appears twice"));
            }
            columns.add(column.orElse(null));
        }
        if (!columns.contains(Column.LOCAL_KEY)) {
            errors.add(new RowError(1, Column.LOCAL_KEY.header(), "the header has no column local_key"));
        }
        if (!errors.isEmpty()) {
            throw new FileRefused(errors);
        }
        if (records.size() - 1 > maxRows) {
            throw new FileRefused(new RowError(1, null, "the file has " + (records.size() - 1)
                    + " rows; pidlink takes at most " + maxRows + " in one upload (split it)"));
        }
        List<RawRow> rows = new ArrayList<>();
        for (Record record : records.subList(1, records.size())) {
            if (record.fields().stream().allMatch(String::isBlank)) {
                continue;
            }
            if (record.fields().size() > columns.size()) {
                errors.add(new RowError(record.line(), null, "the row has " + record.fields().size()
                        + " values but the header names " + columns.size() + " columns"));
                continue;
            }
            Map<Column, String> values = new EnumMap<>(Column.class);
            for (int i = 0; i < record.fields().size(); i++) {
                if (columns.get(i) != null) {
                    values.put(columns.get(i), record.fields().get(i));
                }
            }
            rows.add(new RawRow(record.line(), values));
        }
        if (!errors.isEmpty()) {
            throw new FileRefused(errors);
        }
        return rows;
    }

    private static String headers() {
        return String.join(", ", java.util.Arrays.stream(Column.values()).map(Column::header).toList());
    }

    private record Record(int line, List<String> fields) {
    }

    /** RFC 4180: quoted fields may hold commas, quotes ("") and line breaks; LF or CRLF ends a record. */
    private final class CsvRecords {
        private final String text;
        private int pos;
        private int line = 1;

        CsvRecords(String text) {
            this.text = text;
        }

        List<Record> all() {
            List<Record> records = new ArrayList<>();
            while (pos < text.length()) {
                if (records.size() > maxRows + 1) {
                    throw new FileRefused(new RowError(line, null, "the file has more than " + maxRows
                            + " rows; pidlink takes at most " + maxRows + " in one upload (split it)"));
                }
                records.add(next());
            }
            return records;
        }

        private Record next() {
            int start = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean wasQuoted = false;
            while (pos < text.length()) {
                char c = text.charAt(pos++);
                if (quoted) {
                    if (c == '"') {
                        if (pos < text.length() && text.charAt(pos) == '"') {
                            field.append('"');
                            pos++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        append(field, c, start);
                    }
                } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                    quoted = true;
                    wasQuoted = true;
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                    wasQuoted = false;
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && pos < text.length() && text.charAt(pos) == '\n') {
                        pos++;
                    }
                    line++;
                    fields.add(field.toString());
                    return new Record(start, fields);
                } else if (wasQuoted) {
                    throw new FileRefused(new RowError(line, null, "text after a closing quote (write a quote "
                            + "inside a quoted value as \"\")"));
                } else {
                    append(field, c, start);
                }
            }
            if (quoted) {
                throw new FileRefused(new RowError(start, null, "a quoted value starting on this line never ends"));
            }
            fields.add(field.toString());
            return new Record(start, fields);
        }

        private void append(StringBuilder field, char c, int start) {
            if (field.length() >= MAX_VALUE) {
                throw new FileRefused(new RowError(start, null, "a value longer than " + MAX_VALUE
                        + " characters"));
            }
            field.append(c);
        }
    }

    // ---- JSON

    private List<RawRow> readJson(byte[] content) {
        List<RawRow> rows = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        try (JsonParser parser = json.createParser(content)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_OBJECT) {
                if (parser.nextToken() != JsonToken.PROPERTY_NAME || !"affiliations".equals(parser.currentName())
                        || parser.nextToken() != JsonToken.START_ARRAY) {
                    throw new FileRefused(new RowError(line(parser.currentTokenLocation()), null,
                            "expected {\"affiliations\": [ … ]} or an array of affiliation objects"));
                }
            } else if (first != JsonToken.START_ARRAY) {
                throw new FileRefused(new RowError(1, null, "expected an array of affiliation objects"));
            }
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                int line = line(parser.currentTokenLocation());
                if (rows.size() >= maxRows) {
                    throw new FileRefused(new RowError(line, null, "more than " + maxRows
                            + " affiliations; pidlink takes at most " + maxRows + " in one upload (split it)"));
                }
                JsonNode object = json.readTree(parser);
                Map<Column, String> values = new EnumMap<>(Column.class);
                for (Map.Entry<String, JsonNode> member : object.properties()) {
                    Optional<Column> column = Column.of(member.getKey());
                    if (column.isEmpty()) {
                        errors.add(new RowError(line, member.getKey(), "unknown member '" + member.getKey()
                                + "' (the names are " + headers() + ")"));
                        continue;
                    }
                    JsonNode value = member.getValue();
                    if (value.isNull()) {
                        continue;
                    }
                    if (column.get() == Column.EXTERNAL_IDS && value.isArray()) {
                        List<String> ids = new ArrayList<>();
                        value.forEach(v -> ids.add(v.asString()));
                        values.put(column.get(), String.join(";", ids));
                    } else if (value.isValueNode()) {
                        values.put(column.get(), value.asString());
                    } else {
                        errors.add(new RowError(line, member.getKey(), "expected a text, got " + value.getNodeType()));
                    }
                }
                rows.add(new RawRow(line, values));
            }
            if (parser.currentToken() != JsonToken.END_ARRAY) {
                throw new FileRefused(new RowError(line(parser.currentTokenLocation()), null,
                        "expected an affiliation object"));
            }
            if (first == JsonToken.START_OBJECT && parser.nextToken() != JsonToken.END_OBJECT) {
                throw new FileRefused(new RowError(line(parser.currentTokenLocation()), null,
                        "only \"affiliations\" is expected in the object"));
            }
            if (parser.nextToken() != null) {
                throw new FileRefused(new RowError(line(parser.currentTokenLocation()), null,
                        "content after the end of the JSON document"));
            }
        } catch (JacksonException e) {
            TokenStreamLocation loc = e.getLocation();
            String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
            throw new FileRefused(new RowError(loc == null ? 1 : line(loc), null,
                    "malformed JSON: " + message.lines().findFirst().orElse(message)));
        }
        if (!errors.isEmpty()) {
            throw new FileRefused(errors);
        }
        return rows;
    }

    private static int line(TokenStreamLocation location) {
        return Math.max(1, location.getLineNr());
    }
}
