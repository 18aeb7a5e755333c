package org.pidlink.bench.latency;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A researcher's browser, without a screen: signs in to pidlink with ORCID on the emulator's pages, grants the
 * auto-update permission and switches auto-update on, as a person does (cookies per host, CSRF tokens, one
 * redirect at a time).
 */
final class BrowserSession {

    private static final Pattern SET_COOKIE = Pattern.compile("^\\s*([^=;\\s]+)=([^;]*)");
    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, Map<String, String>> cookies = new HashMap<>();
    private final String pidlink;

    BrowserSession(String pidlinkBaseUrl) {
        this.pidlink = pidlinkBaseUrl;
    }

    /** Signs in, grants auto-update's permission, turns auto-update on. */
    void connectWithAutoUpdate(String email, String password) {
        follow(throughOrcid(get(pidlink + "/oauth2/authorization/orcid"), email, password));
        follow(throughOrcid(get(pidlink + "/oauth2/authorization/auto-update"), email, password));
        HttpResponse<String> settings = get(pidlink + "/settings");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("autoUpdate", "true");
        form.put("accessLevel", "READ_WRITE");
        form.put("_csrf", hidden(settings.body(), "_csrf"));
        HttpResponse<String> saved = follow(post(pidlink + "/settings", form));
        if (saved.statusCode() != 200) {
            throw new IllegalStateException("saving the settings answered " + saved.statusCode());
        }
    }

    private HttpResponse<String> throughOrcid(HttpResponse<String> toOrcid, String email, String password) {
        String orcidHost = URI.create(location(toOrcid)).getHost();
        HttpResponse<String> page = toOrcid;
        while (isRedirect(page) && URI.create(location(page)).getHost().equals(orcidHost)) {
            page = get(location(page));
        }
        URI authorize = page.uri().resolve("/oauth/authorize");
        for (int step = 0; step < 4 && !isRedirect(page); step++) {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("authorization", hidden(page.body(), "authorization"));
            if (page.body().contains("name=\"password\"")) {
                form.put("username", email);
                form.put("password", password);
            } else {
                form.put("decision", "authorize");
            }
            page = post(authorize.toString(), form);
        }
        if (!isRedirect(page)) {
            throw new IllegalStateException("ORCID did not send the researcher back: " + page.statusCode());
        }
        return page;
    }

    private HttpResponse<String> follow(HttpResponse<String> response) {
        HttpResponse<String> current = response;
        for (int hops = 0; isRedirect(current) && hops < 20; hops++) {
            current = get(location(current));
        }
        return current;
    }

    private HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), URI.create(url));
    }

    private HttpResponse<String> post(String url, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)), URI.create(url));
    }

    private static boolean isRedirect(HttpResponse<?> response) {
        return response.statusCode() / 100 == 3 && response.headers().firstValue("Location").isPresent();
    }

    private static String location(HttpResponse<?> response) {
        return response.uri().resolve(response.headers().firstValue("Location").orElseThrow()).toString();
    }

    private static String hidden(String html, String name) {
        Matcher m = HIDDEN.matcher(html);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return m.group(2).replace("&amp;", "&");
            }
        }
        throw new IllegalStateException("the page has no field " + name);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, URI uri) {
        Map<String, String> jar = cookies.computeIfAbsent(uri.getHost(), h -> new HashMap<>());
        if (!jar.isEmpty()) {
            request.header("Cookie", jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            for (String header : response.headers().allValues("Set-Cookie")) {
                Matcher m = SET_COOKIE.matcher(header);
                if (m.find()) {
                    if (header.toLowerCase(Locale.ROOT).contains("max-age=0") || m.group(2).isEmpty()) {
                        jar.remove(m.group(1));
                    } else {
                        jar.put(m.group(1), m.group(2));
                    }
                }
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
