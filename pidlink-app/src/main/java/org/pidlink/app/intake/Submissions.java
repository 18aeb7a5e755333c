package org.pidlink.app.intake;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Splits a request body into the documents to read: one document, or one per line for JSON Lines (declared by
 * the Content-Type, or recognized because the body holds more than one top-level JSON value).
 */
final class Submissions {

    private static final List<String> LINE_TYPES = List.of("application/x-ndjson", "application/ndjson",
            "application/jsonl", "application/x-jsonlines", "application/jsonlines", "application/json-seq");

    private Submissions() {
    }

    /**
     * One document of a submission.
     *
     * @param bytes the document
     * @param line  its 1-based line in the body for JSON Lines, 0 for a whole body
     */
    record Part(byte[] bytes, int line) {

        String locate(String location) {
            return line == 0 ? location : "line " + line + (location.equals("document") ? "" : ", " + location);
        }
    }

    static List<Part> split(byte[] body, String contentType) {
        if (declaresLines(contentType) || hasSeveralJsonValues(body)) {
            return lines(body);
        }
        return List.of(new Part(body, 0));
    }

    private static boolean declaresLines(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return LINE_TYPES.stream().anyMatch(type::startsWith);
    }

    private static List<Part> lines(byte[] body) {
        List<Part> parts = new ArrayList<>();
        int start = 0;
        int line = 1;
        for (int i = 0; i <= body.length; i++) {
            if (i == body.length || body[i] == '\n') {
                int end = i;
                if (end > start && body[end - 1] == '\r') {
                    end--;
                }
                if (!isBlank(body, start, end)) {
                    parts.add(new Part(Arrays.copyOfRange(body, start, end), line));
                }
                start = i + 1;
                line++;
            }
        }
        return parts;
    }

    private static boolean isBlank(byte[] body, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!whitespace(body[i]) && body[i] != 0x1e) {
                return false;
            }
        }
        return true;
    }

    /** Whether the body is JSON with more than one top-level value (JSON Lines sent as plain JSON). */
    static boolean hasSeveralJsonValues(byte[] body) {
        int i = 0;
        if (body.length >= 3 && (body[0] & 0xff) == 0xef && (body[1] & 0xff) == 0xbb && (body[2] & 0xff) == 0xbf) {
            i = 3;
        }
        while (i < body.length && whitespace(body[i])) {
            i++;
        }
        if (i >= body.length || body[i] != '{' && body[i] != '[') {
            return false;
        }
        int depth = 0;
        boolean inString = false;
        boolean escaped = false;
        boolean valueEnded = false;
        for (; i < body.length; i++) {
            byte b = body[i];
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (b == '\\') {
                    escaped = true;
                } else if (b == '"') {
                    inString = false;
                }
                continue;
            }
            if (valueEnded) {
                if (!whitespace(b)) {
                    return true;
                }
                continue;
            }
            switch (b) {
                case '"' -> inString = true;
                case '{', '[' -> depth++;
                case '}', ']' -> {
                    depth--;
                    if (depth == 0) {
                        valueEnded = true;
                    }
                }
                default -> {
                }
            }
        }
        return false;
    }

    private static boolean whitespace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }
}
