package org.pidlink.emulator;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A tiny real-HTTP helper for the conformance tests (java.net.http against the embedded emulator). */
public final class Http {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;

    public Http(String base) {
        this.base = base;
    }

    public HttpResponse<String> send(String method, String path, Map<String, String> headers, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        try {
            return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError("request failed: " + method + " " + path, e);
        }
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send("GET", path, pairs(headers), null);
    }

    public HttpResponse<String> delete(String path, String... headers) {
        return send("DELETE", path, pairs(headers), null);
    }

    public HttpResponse<String> post(String path, String body, String... headers) {
        return send("POST", path, pairs(headers), body);
    }

    public HttpResponse<String> put(String path, String body, String... headers) {
        return send("PUT", path, pairs(headers), body);
    }

    public HttpResponse<String> form(String path, Map<String, String> params, String... headers) {
        Map<String, String> h = pairs(headers);
        h.put("Content-Type", "application/x-www-form-urlencoded");
        return send("POST", path, h, formBody(params));
    }

    public static String formBody(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> pairs(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}
