package org.pidlink.emulator.oauth;

import java.util.Locale;

/**
 * ORCID's API media types (orcid-api.md §1) for the premium APIs (webhooks, notification-permission): XML
 * ({@code application/vnd.orcid+xml}, {@code application/orcid+xml}, {@code application/xml}) or JSON (the
 * {@code +json} equivalents and {@code application/json}). No Accept, or a wildcard, gives XML.
 */
public enum MediaType {
    XML("application/vnd.orcid+xml;charset=UTF-8"), JSON("application/vnd.orcid+json;charset=UTF-8");

    private final String contentType;

    MediaType(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }

    /** The best acceptable type by q-value (XML on ties, as ORCID's qs ranks it first), or null: 406. */
    public static MediaType negotiate(String accept) {
        if (accept == null || accept.isBlank()) {
            return XML;
        }
        MediaType best = null;
        double bestQ = 0;
        for (String part : accept.split(",")) {
            String[] p = part.trim().split(";");
            MediaType t = of(p[0]);
            if (t == null && (p[0].trim().equals("*/*") || p[0].trim().equalsIgnoreCase("application/*"))) {
                t = XML;
            }
            double q = quality(p);
            if (t != null && (q > bestQ || (q == bestQ && t == XML && best != XML && q > 0))) {
                best = t;
                bestQ = q;
            }
        }
        return best;
    }

    /** The type of a request body's Content-Type, or null when ORCID would answer 415. */
    public static MediaType ofContentType(String contentType) {
        return contentType == null ? null : of(contentType.split(";")[0]);
    }

    private static MediaType of(String type) {
        return switch (type.trim().toLowerCase(Locale.ROOT)) {
            case "application/vnd.orcid+xml", "application/orcid+xml", "application/xml" -> XML;
            case "application/vnd.orcid+json", "application/orcid+json", "application/json" -> JSON;
            default -> null;
        };
    }

    private static double quality(String[] params) {
        for (int i = 1; i < params.length; i++) {
            String p = params[i].trim();
            if (p.startsWith("q=")) {
                try {
                    return Double.parseDouble(p.substring(2));
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
