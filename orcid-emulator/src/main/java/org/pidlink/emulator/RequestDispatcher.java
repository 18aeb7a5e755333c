package org.pidlink.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.pidlink.emulator.http.BasicCredentials;
import org.pidlink.emulator.http.HttpProblem;
import org.pidlink.emulator.http.ProblemJson;
import org.pidlink.emulator.http.Request;
import org.pidlink.emulator.http.Response;
import org.pidlink.emulator.http.RouteKind;
import org.pidlink.emulator.http.Routes;
import org.pidlink.emulator.http.UnservedHandler;
import org.pidlink.emulator.state.EmulatorState;
import org.pidlink.emulator.state.Token;
import org.pidlink.emulator.traffic.FaultInjector;
import org.pidlink.emulator.traffic.RateLimiter;
import org.pidlink.emulator.traffic.RequestLog;
import org.pidlink.emulator.traffic.TrafficStats;

/**
 * The one JDK {@code HttpHandler}: matches the route, applies the edge behaviour (rate limit, injected faults)
 * to API routes, runs the handler, records stats and the request log, and writes the response.
 */
final class RequestDispatcher implements HttpHandler {

    /** Bodies larger than this are refused with 413 before parsing. */
    static final int MAX_BODY_BYTES = 16 * 1024 * 1024;
    private static final Logger LOG = Logger.getLogger(RequestDispatcher.class.getName());

    private final Routes routes;
    private final EmulatorState state;
    private final RateLimiter rateLimiter;
    private final FaultInjector faults;
    private final TrafficStats stats;
    private final RequestLog log;

    RequestDispatcher(Routes routes, EmulatorState state, RateLimiter rateLimiter, FaultInjector faults,
                      TrafficStats stats, RequestLog log) {
        this.routes = routes;
        this.state = state;
        this.rateLimiter = rateLimiter;
        this.faults = faults;
        this.stats = stats;
        this.log = log;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        long started = System.nanoTime();
        try (ex) {
            String method = ex.getRequestMethod();
            String rawPath = ex.getRequestURI().getRawPath();
            Routes.Match match = routes.match(method, rawPath);
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readNBytes(MAX_BODY_BYTES + 1);
            }
            String template = match.route() == null ? "(unmatched)" : match.route().template();
            Request request = new Request(method, decodePath(rawPath), ex.getRequestURI().getRawQuery(),
                    ex.getRequestHeaders(), body, ex.getRemoteAddress(), match.variables(), template);
            RouteKind kind = match.route() == null ? kindOfUnmatched(rawPath) : match.route().kind();
            String client = kind == RouteKind.CONTROL ? "-" : clientOf(request);
            boolean admitted = true;
            Response response;
            if (body.length > MAX_BODY_BYTES) {
                response = Response.of(413, "text/plain;charset=UTF-8", "Request body larger than 16 MiB");
            } else if (match.route() == null) {
                response = unserved(request, kind, match.allowedMethods());
            } else if (kind == RouteKind.API && !rateLimiter.tryAcquire(client)) {
                admitted = false;
                // ORCID's edge answers 503 with no Retry-After; the header here is a labelled emulator extension.
                response = Response.html(503, "<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>")
                        .withHeader("X-Emulator-Rate-Limited", "true");
            } else {
                response = kind == RouteKind.API ? faults.before() : null;
                if (response == null) {
                    response = run(match.route().handler(), request);
                    // Answer only once the request's changes are on disk (with a state file): a client that got
                    // its answer keeps what it was told, even if the emulator is killed the next moment.
                    try {
                        state.journal().awaitDurable();
                    } catch (java.io.UncheckedIOException e) {
                        response = Response.of(500, "text/plain;charset=UTF-8", "Emulator error: " + e.getMessage());
                    }
                }
            }
            long micros = (System.nanoTime() - started) / 1000;
            if (kind != RouteKind.CONTROL) {
                stats.record(client, method, template, response.status(), admitted, started);
                log.add(new RequestLog.Entry(state.now(), client, method, request.path(), template,
                        response.dropConnection() ? 0 : response.status(), micros));
            }
            write(ex, method, response);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A path no route serves: the control API answers in its problem+json; everything else is ORCID's (the API
     * module's handler: 404/405 with ORCID's 9001 error, orcid-api.md §12.1).
     */
    private Response unserved(Request request, RouteKind kind, java.util.Set<String> allowed) {
        UnservedHandler handler = routes.unserved();
        if (kind == RouteKind.CONTROL || handler == null) {
            return ProblemJson.unserved(request, allowed);
        }
        return run(r -> handler.handle(r, allowed), request);
    }

    private static Response run(org.pidlink.emulator.http.RouteHandler handler, Request request) {
        try {
            return handler.handle(request);
        } catch (HttpProblem p) {
            return p.response();
        } catch (Exception | StackOverflowError e) {
            LOG.log(Level.WARNING, "emulator handler failed for " + request.method() + " " + request.path(), e);
            return Response.of(500, "text/plain;charset=UTF-8", "Emulator error: " + e);
        }
    }

    private static void write(HttpExchange ex, String method, Response response) throws IOException {
        if (response.dropConnection()) {
            // Promise a body, send none and close: the client sees the connection cut mid-response.
            ex.sendResponseHeaders(200, 64);
            return;
        }
        for (Map.Entry<String, String> h : response.headers().entrySet()) {
            ex.getResponseHeaders().set(h.getKey(), h.getValue());
        }
        byte[] body = response.body();
        int status = response.status();
        boolean noBody = body.length == 0 || method.equals("HEAD") || status == 204 || status == 304;
        if (noBody) {
            // -1: no body, with "Content-length: 0" where HTTP wants one (0 would mean chunked here).
            ex.sendResponseHeaders(status, -1);
            return;
        }
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private static RouteKind kindOfUnmatched(String rawPath) {
        return rawPath.startsWith("/_emulator/") ? RouteKind.CONTROL : RouteKind.API;
    }

    /** Who is calling, for rate limiting and stats: the token's client, else the client_id sent, else "anonymous". */
    private String clientOf(Request r) {
        String auth = r.header("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            java.util.Optional<Token> token = state.tokenByAccess(auth.substring(7).trim());
            token.ifPresent(t -> r.attribute(Token.class, t));
            return token.map(Token::clientId).orElse("anonymous");
        }
        java.util.Optional<BasicCredentials> basic = BasicCredentials.of(r);
        if (basic.isPresent()) {
            return basic.get().id() == null ? "anonymous" : basic.get().id();
        }
        String accessToken = r.query("access_token");
        if (accessToken != null) {
            return state.tokenByAccess(accessToken).map(t -> t.clientId()).orElse("anonymous");
        }
        String clientId = r.parameter("client_id");
        return clientId != null ? clientId : "anonymous";
    }

    private static String decodePath(String rawPath) {
        if (rawPath.indexOf('%') < 0) {
            return rawPath;
        }
        try {
            return java.net.URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return rawPath;
        }
    }
}
