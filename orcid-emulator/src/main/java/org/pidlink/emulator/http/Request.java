package org.pidlink.emulator.http;

import com.sun.net.httpserver.Headers;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request as a route handler sees it: method, decoded path, path variables of the matched route
 * template, query and form parameters, headers and the raw body (already read, bounded in size).
 */
public final class Request {

    private final String method;
    private final String path;
    private final String rawQuery;
    private final Headers headers;
    private final byte[] body;
    private final InetSocketAddress remote;
    private final Map<String, String> pathVariables;
    private final String routeTemplate;
    private Map<String, String> query;
    private Map<String, String> form;
    private Map<Class<?>, Object> attributes;

    public Request(String method, String path, String rawQuery, Headers headers, byte[] body,
                   InetSocketAddress remote, Map<String, String> pathVariables, String routeTemplate) {
        this.method = method;
        this.path = path;
        this.rawQuery = rawQuery;
        this.headers = headers;
        this.body = body;
        this.remote = remote;
        this.pathVariables = pathVariables;
        this.routeTemplate = routeTemplate;
    }

    public String method() {
        return method;
    }

    /** The request path, percent-decoded segment by segment. */
    public String path() {
        return path;
    }

    public String rawQuery() {
        return rawQuery;
    }

    /** The matched route template, e.g. {@code /v3.0/{orcid}/work/{putCode}}. */
    public String routeTemplate() {
        return routeTemplate;
    }

    /** A path variable of the matched route template (already percent-decoded). */
    public String pathVariable(String name) {
        return pathVariables.get(name);
    }

    /** The first value of a request header (case-insensitive name), or null. */
    public String header(String name) {
        return headers.getFirst(name);
    }

    public Headers headers() {
        return headers;
    }

    public byte[] body() {
        return body;
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public InetSocketAddress remote() {
        return remote;
    }

    /** A query parameter (first value), or null. */
    public String query(String name) {
        if (query == null) {
            query = parseUrlEncoded(rawQuery);
        }
        return query.get(name);
    }

    public Map<String, String> queryParameters() {
        if (query == null) {
            query = parseUrlEncoded(rawQuery);
        }
        return Collections.unmodifiableMap(query);
    }

    /** A parameter of an {@code application/x-www-form-urlencoded} body (first value), or null. */
    public String form(String name) {
        return formParameters().get(name);
    }

    public Map<String, String> formParameters() {
        if (form == null) {
            String type = header("Content-Type");
            form = type != null && type.toLowerCase().startsWith("application/x-www-form-urlencoded")
                    ? parseUrlEncoded(bodyText()) : Map.of();
        }
        return Collections.unmodifiableMap(form);
    }

    /** A form parameter, else a query parameter, else null: OAuth endpoints accept both. */
    public String parameter(String name) {
        String v = form(name);
        return v != null ? v : query(name);
    }

    public boolean hasContentType(String... prefixes) {
        String type = header("Content-Type");
        if (type == null) {
            return false;
        }
        String t = type.toLowerCase();
        for (String p : prefixes) {
            if (t.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    static Map<String, String> parseUrlEncoded(String s) {
        Map<String, String> out = new LinkedHashMap<>();
        if (s == null || s.isEmpty()) {
            return out;
        }
        for (String pair : s.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                out.putIfAbsent(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException badEscape) {
                out.putIfAbsent(k, v);
            }
        }
        return out;
    }

    /**
     * A value computed once per request and shared between the dispatcher and the handler (e.g. the bearer
     * token, looked up once); keyed by its type.
     */
    public <T> T attribute(Class<T> type) {
        return attributes == null ? null : type.cast(attributes.get(type));
    }

    public <T> void attribute(Class<T> type, T value) {
        if (attributes == null) {
            attributes = new java.util.HashMap<>(4);
        }
        attributes.put(type, value);
    }

    /** All values of a query parameter, for the rare repeated one. */
    public List<String> queryAll(String name) {
        String v = query(name);
        return v == null ? List.of() : List.of(v);
    }
}
