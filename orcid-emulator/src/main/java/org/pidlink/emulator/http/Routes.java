package org.pidlink.emulator.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The route table. A template is a path whose segments are literals or {@code {name}} variables; a last
 * segment {@code {name*}} takes the rest of the path. When several templates match, the one with the most
 * literal segments wins, so {@code /v3.0/{orcid}/works} beats {@code /{orcid}/webhook/{uri*}} without
 * registration order mattering.
 */
public final class Routes {

    /** One registered route. */
    public record Route(String method, String template, RouteKind kind, RouteHandler handler, String[] segments,
                        int literals, boolean greedy) {
    }

    /** The outcome of matching a request. {@code route} is null when nothing matched. */
    public record Match(Route route, Map<String, String> variables, Set<String> allowedMethods) {
    }

    private final List<Route> routes = new ArrayList<>();
    private volatile UnservedHandler unserved;

    public Routes get(String template, RouteKind kind, RouteHandler handler) {
        return add("GET", template, kind, handler);
    }

    public Routes post(String template, RouteKind kind, RouteHandler handler) {
        return add("POST", template, kind, handler);
    }

    public Routes put(String template, RouteKind kind, RouteHandler handler) {
        return add("PUT", template, kind, handler);
    }

    public Routes delete(String template, RouteKind kind, RouteHandler handler) {
        return add("DELETE", template, kind, handler);
    }

    /** Registers a route; a second registration of the same method and template is a programming error. */
    public synchronized Routes add(String method, String template, RouteKind kind, RouteHandler handler) {
        String[] segments = split(template);
        int literals = 0;
        boolean greedy = false;
        for (int i = 0; i < segments.length; i++) {
            String s = segments[i];
            if (s.startsWith("{") && s.endsWith("*}")) {
                if (i != segments.length - 1) {
                    throw new IllegalArgumentException("a greedy variable must be last: " + template);
                }
                greedy = true;
            } else if (!s.startsWith("{")) {
                literals++;
            }
        }
        for (Route r : routes) {
            if (r.method.equals(method) && r.template.equals(template)) {
                throw new IllegalStateException("route registered twice: " + method + " " + template);
            }
        }
        routes.add(new Route(method, template, kind, handler, segments, literals, greedy));
        return this;
    }

    /** Sets what answers requests no route serves (one handler; the dispatcher's plain answer without one). */
    public synchronized Routes unserved(UnservedHandler handler) {
        if (unserved != null) {
            throw new IllegalStateException("an unserved-request handler is registered already");
        }
        unserved = handler;
        return this;
    }

    /** The handler for requests no route serves, or null. */
    public UnservedHandler unserved() {
        return unserved;
    }

    /**
     * The methods that routes other than those of template {@code exceptTemplate} serve {@code rawPath} with, as if
     * that template (a catch-all) were not registered.
     */
    public Set<String> allowedMethods(String rawPath, String exceptTemplate) {
        Set<String> allowed = new LinkedHashSet<>();
        for (Route route : routes) {
            if (!route.template().equals(exceptTemplate) && match(route.method(), rawPath).route() == route) {
                allowed.add(route.method());
            }
        }
        return allowed;
    }

    public List<Route> all() {
        return List.copyOf(routes);
    }

    /** Matches a raw (still percent-encoded) path. */
    public Match match(String method, String rawPath) {
        String[] raw = split(rawPath);
        Route best = null;
        Map<String, String> bestVars = null;
        for (Route r : routes) {
            if (!(r.method.equals(method) || (method.equals("HEAD") && r.method.equals("GET")))
                    || (best != null && r.literals <= best.literals)) {
                continue;
            }
            Map<String, String> vars = matchSegments(r, raw);
            if (vars != null) {
                best = r;
                bestVars = vars;
            }
        }
        if (best != null) {
            return new Match(best, bestVars, Set.of(best.method));
        }
        Set<String> allowed = new LinkedHashSet<>();
        for (Route r : routes) {
            if (matchSegments(r, raw) != null) {
                allowed.add(r.method);
            }
        }
        return new Match(null, Map.of(), allowed);
    }

    private static Map<String, String> matchSegments(Route r, String[] raw) {
        String[] t = r.segments;
        if (r.greedy ? raw.length < t.length : raw.length != t.length) {
            return null;
        }
        Map<String, String> vars = null;
        for (int i = 0; i < t.length; i++) {
            String seg = t[i];
            if (seg.startsWith("{")) {
                if (vars == null) {
                    vars = new HashMap<>(4);
                }
                if (r.greedy && i == t.length - 1) {
                    String rest = String.join("/", java.util.Arrays.copyOfRange(raw, i, raw.length));
                    vars.put(seg.substring(1, seg.length() - 2), decode(rest));
                } else {
                    vars.put(seg.substring(1, seg.length() - 1), decode(raw[i]));
                }
            } else if (!seg.equals(raw[i])) {
                return null;
            }
        }
        return vars == null ? Map.of() : vars;
    }

    static String decode(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        try {
            // Path segments: '+' is a literal plus, unlike in forms.
            return java.net.URLDecoder.decode(segment.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return segment;
        }
    }

    private static String[] split(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.isEmpty() ? new String[0] : p.split("/", -1);
    }
}
