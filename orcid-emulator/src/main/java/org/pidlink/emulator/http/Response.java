package org.pidlink.emulator.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTTP response as a value: status, headers (in insertion order) and body bytes.
 * {@link #drop()} is a fault-injection marker: the server cuts the connection instead of answering.
 */
public record Response(int status, Map<String, String> headers, byte[] body, boolean dropConnection) {

    public static final String JSON_UTF8 = "application/json;charset=UTF-8";
    public static final String HTML_UTF8 = "text/html;charset=UTF-8";

    public Response {
        headers = new LinkedHashMap<>(headers);
        body = body == null ? new byte[0] : body;
    }

    public static Response of(int status, String contentType, byte[] body) {
        Map<String, String> h = new LinkedHashMap<>();
        if (contentType != null) {
            h.put("Content-Type", contentType);
        }
        return new Response(status, h, body, false);
    }

    public static Response of(int status, String contentType, String body) {
        return of(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    public static Response json(int status, String json) {
        return of(status, JSON_UTF8, json);
    }

    public static Response json(int status, byte[] json) {
        return of(status, JSON_UTF8, json);
    }

    public static Response html(int status, String html) {
        return of(status, HTML_UTF8, html);
    }

    public static Response empty(int status) {
        return new Response(status, Map.of(), new byte[0], false);
    }

    /** 302 Found with a {@code Location}. */
    public static Response redirect(String location) {
        return empty(302).withHeader("Location", location);
    }

    public static Response drop() {
        return new Response(0, Map.of(), new byte[0], true);
    }

    public Response withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new Response(status, h, body, dropConnection);
    }

    public String contentType() {
        return headers.get("Content-Type");
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
