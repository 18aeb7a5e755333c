package org.pidlink.app.testsupport;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a screen: real HTTP against pidlink and the emulator, cookies kept per host (as a browser
 * does, also the {@code Secure} ones on localhost), redirects followed one by one so tests can stop at any step.
 * Also used by the benchmarks (pidlink-app's test-jar), so it needs nothing but the JDK: failures are
 * {@link AssertionError}s.
 */
public final class WebSession {

    private static final Pattern SET_COOKIE = Pattern.compile("^\\s*([^=;\\s]+)=([^;]*)");
    private static final Pattern HIDDEN = Pattern.compile(
            "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Map<String, String>> cookies = new ConcurrentHashMap<>();
    private final String pidlink;

    public WebSession(int pidlinkPort) {
        this.pidlink = "http://localhost:" + pidlinkPort;
    }

    public String pidlink() {
        return pidlink;
    }

    public HttpResponse<String> get(String pathOrUrl) {
        URI uri = uri(pathOrUrl);
        return send(HttpRequest.newBuilder(uri).GET(), uri);
    }

    public HttpResponse<String> post(String pathOrUrl, Map<String, String> form) {
        URI uri = uri(pathOrUrl);
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)), uri);
    }

    /** Posts a pidlink form, with the CSRF token of the page it is on. */
    public HttpResponse<String> submit(HttpResponse<String> page, String action, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("_csrf", hidden(page.body(), "_csrf"));
        return post(action, form);
    }

    /** Follows redirects until a page that is not a redirect. */
    public HttpResponse<String> follow(HttpResponse<String> response) {
        HttpResponse<String> current = response;
        for (int hops = 0; isRedirect(current) && hops < 20; hops++) {
            current = get(location(current));
        }
        return current;
    }

    /** Follows redirects while they stay on the same site as {@code response}'s target, or until a page. */
    public HttpResponse<String> followUntilLeaving(HttpResponse<String> response, String host) {
        HttpResponse<String> current = response;
        while (isRedirect(current) && URI.create(location(current)).getHost().equals(host)) {
            current = get(location(current));
        }
        return current;
    }

    /**
     * Goes through the emulator's ORCID pages from a redirect to {@code /oauth/authorize}: signs in (if asked) and
     * answers the consent page (if shown) with {@code decision}; returns ORCID's redirect back to pidlink.
     */
    public HttpResponse<String> throughOrcid(HttpResponse<String> toOrcid, String email, String decision) {
        if (!location(toOrcid).contains("/oauth/authorize")) {
            throw new AssertionError("expected a redirect to ORCID's /oauth/authorize, got " + location(toOrcid));
        }
        String orcidHost = URI.create(location(toOrcid)).getHost();
        HttpResponse<String> page = followUntilLeaving(toOrcid, orcidHost);
        URI orcidBase = page.uri().resolve("/");
        for (int step = 0; step < 4 && !isRedirect(page); step++) {
            if (page.statusCode() != 200 && page.statusCode() != 401) {
                throw new AssertionError("ORCID page answered " + page.statusCode() + ": " + page.body());
            }
            String authorization = hidden(page.body(), "authorization");
            Map<String, String> form = new LinkedHashMap<>();
            form.put("authorization", authorization);
            if (page.body().contains("name=\"password\"")) {
                form.put("username", email);
                form.put("password", org.pidlink.app.orcid.DemoResearchers.PASSWORD);
            } else {
                form.put("decision", decision);
            }
            page = post(orcidBase.resolve("/oauth/authorize").toString(), form);
        }
        if (!isRedirect(page)) {
            throw new AssertionError("ORCID did not redirect back: " + page.statusCode() + " " + page.body());
        }
        return page;
    }

    /** Drops the cookies of a host, as if the browser had never been there (e.g. signed out of ORCID). */
    public void forgetCookiesOf(String host) {
        cookies.remove(host);
    }

    public static boolean isRedirect(HttpResponse<?> response) {
        return response.statusCode() / 100 == 3 && response.headers().firstValue("Location").isPresent();
    }

    public static String location(HttpResponse<?> response) {
        String location = response.headers().firstValue("Location").orElseThrow();
        return response.uri().resolve(location).toString();
    }

    public static String hidden(String html, String name) {
        Matcher m = HIDDEN.matcher(html);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return m.group(2).replace("&amp;", "&");
            }
        }
        throw new AssertionError("no hidden field " + name + " in " + html);
    }

    private URI uri(String pathOrUrl) {
        return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : pidlink + pathOrUrl);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, URI uri) {
        Map<String, String> jar = cookies.computeIfAbsent(uri.getHost(), h -> new ConcurrentHashMap<>());
        if (!jar.isEmpty()) {
            request.header("Cookie", jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        try {
            HttpRequest built = request.timeout(Duration.ofSeconds(30)).build();
            HttpResponse<String> response;
            try {
                response = http.send(built, HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException closedMeanwhile) {
                // A kept-alive connection the server closed as the request went out (the JDK client answers "header
                // parser received no bytes" and does not resend a POST): sent once more on a new connection, as a
                // browser does. Seen when hundreds of sessions sign in at once (bench aggregate).
                response = http.send(built, HttpResponse.BodyHandlers.ofString());
            }
            List<String> set = response.headers().allValues("Set-Cookie");
            for (String header : set) {
                Matcher m = SET_COOKIE.matcher(header);
                if (m.find()) {
                    boolean expired = header.toLowerCase(java.util.Locale.ROOT).contains("max-age=0");
                    if (expired || m.group(2).isEmpty()) {
                        jar.remove(m.group(1));
                    } else {
                        jar.put(m.group(1), m.group(2));
                    }
                }
            }
            return response;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
