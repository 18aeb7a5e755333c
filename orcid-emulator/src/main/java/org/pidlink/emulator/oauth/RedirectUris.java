package org.pidlink.emulator.oauth;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * ORCID's redirect-URI rule (orcid-api.md §2.1): a requested URI is accepted when its scheme, host and port equal
 * those of a registered URI and its path starts with the registered path. Query strings are not compared (the
 * requested one is kept and the code is appended to it). A URI with a fragment is never accepted (RFC 6749 §3.1.2).
 */
public final class RedirectUris {

    private RedirectUris() {
    }

    /** Whether {@code requested} is allowed by one of {@code registered}. */
    public static boolean allowed(List<String> registered, String requested) {
        Optional<URI> req = parse(requested);
        if (req.isEmpty() || req.get().getRawFragment() != null) {
            return false;
        }
        for (String r : registered) {
            Optional<URI> reg = parse(r);
            if (reg.isPresent() && matches(reg.get(), req.get())) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(URI registered, URI requested) {
        return registered.getScheme().equalsIgnoreCase(requested.getScheme())
                && registered.getHost().equalsIgnoreCase(requested.getHost())
                && port(registered) == port(requested)
                && path(requested).startsWith(path(registered));
    }

    private static Optional<URI> parse(String s) {
        if (s == null || s.isBlank()) {
            return Optional.empty();
        }
        try {
            URI u = new URI(s.trim());
            return u.isAbsolute() && u.getHost() != null ? Optional.of(u) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static int port(URI u) {
        if (u.getPort() >= 0) {
            return u.getPort();
        }
        return switch (u.getScheme().toLowerCase(Locale.ROOT)) {
            case "http" -> 80;
            case "https" -> 443;
            default -> -1;
        };
    }

    private static String path(URI u) {
        return u.getRawPath() == null ? "" : u.getRawPath();
    }

    /** {@code base} plus query parameters, after any query {@code base} already has. */
    public static String withQuery(String base, String query) {
        return base + (base.contains("?") ? "&" : "?") + query;
    }
}
