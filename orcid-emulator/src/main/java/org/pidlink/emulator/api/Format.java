package org.pidlink.emulator.api;

import java.util.Locale;
import org.pidlink.emulator.http.Request;

/**
 * ORCID's media types and content negotiation (orcid-api.md §1): XML is {@code application/vnd.orcid+xml}
 * (qs 0.5), {@code application/orcid+xml} (0.3), {@code application/xml}; JSON is
 * {@code application/vnd.orcid+json} (0.4), {@code application/orcid+json} (0.2), {@code application/json}.
 * No Accept, or {@code *}{@code /*}, gives XML. One negotiation for every ORCID API the emulator serves (member
 * and public API, webhooks, notification-permission), as ORCID's one Jersey application does.
 */
public enum Format {
    XML, JSON;

    private static final String[][] TYPES = {
            {"application/vnd.orcid+xml", "XML", "0.5"}, {"application/orcid+xml", "XML", "0.3"},
            {"application/xml", "XML", "0.25"}, {"application/vnd.orcid+json", "JSON", "0.4"},
            {"application/orcid+json", "JSON", "0.2"}, {"application/json", "JSON", "0.15"}};

    /**
     * The response type for a request, or null when nothing is acceptable (406). With no {@code Accept} or
     * {@code *}{@code /*}, ORCID's {@code AcceptFilter} decides first (orcid-api.md §12.3): a request
     * {@code Content-Type} that is a substring of one of ORCID's types is answered in that type (a JSON POST without
     * {@code Accept} gets JSON, errors included; {@code application/json;charset=UTF-8} is no substring and falls
     * through), then paths under {@code /oauth/} get JSON, then everything else XML.
     */
    public static Negotiated negotiate(Request request) {
        String accept = request.header("Accept");
        if (accept != null && !accept.isBlank() && !accept.trim().equals("*/*")) {
            return negotiate(accept);
        }
        String contentType = request.header("Content-Type");
        if (contentType != null && !contentType.isBlank()) {
            String t = contentType.trim().toLowerCase(Locale.ROOT);
            for (String[] type : TYPES) {
                if (type[0].contains(t)) {
                    return new Negotiated(Format.valueOf(type[1]), type[0]);
                }
            }
        }
        if (request.path().contains("/oauth/")) {
            return new Negotiated(JSON, "application/json");
        }
        return Negotiated.DEFAULT;
    }

    /**
     * The negotiated response type, or null when nothing is acceptable (406). As in JAX-RS: the client's q
     * first, then the more specific media range (an exact type beats {@code application/*}, which beats
     * {@code *}{@code /*}), then the server's qs.
     */
    public static Negotiated negotiate(String accept) {
        if (accept == null || accept.isBlank()) {
            return Negotiated.DEFAULT;
        }
        Negotiated best = null;
        double[] bestKey = null;
        for (String part : accept.split(",")) {
            String[] params = part.trim().split(";");
            String range = params[0].trim().toLowerCase(Locale.ROOT);
            double q = 1;
            for (int i = 1; i < params.length; i++) {
                String p = params[i].trim();
                if (p.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(p.substring(2));
                    } catch (NumberFormatException ignored) {
                        q = 0;
                    }
                }
            }
            if (q <= 0) {
                continue;
            }
            int specificity = range.equals("*/*") ? 0 : range.equals("application/*") ? 1 : 2;
            for (String[] t : TYPES) {
                if (specificity < 2 || range.equals(t[0])) {
                    double[] key = {q, specificity, Double.parseDouble(t[2])};
                    if (bestKey == null || compare(key, bestKey) > 0) {
                        bestKey = key;
                        best = new Negotiated(Format.valueOf(t[1]), t[0]);
                    }
                }
            }
        }
        return best;
    }

    private static int compare(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            int c = Double.compare(a[i], b[i]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** The body format of a write, or null when the Content-Type is not one of ORCID's (415). */
    public static Format ofContentType(String contentType) {
        if (contentType == null) {
            return null;
        }
        String t = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        for (String[] type : TYPES) {
            if (type[0].equals(t)) {
                return Format.valueOf(type[1]);
            }
        }
        return null;
    }

    /** The response's format and the media type it is labelled with (the acceptable one ORCID ranks first). */
    public record Negotiated(Format format, String mediaType) {

        /** What ORCID answers with when nothing else is asked for, and errors when nothing is acceptable (406). */
        public static final Negotiated DEFAULT = new Negotiated(XML, "application/vnd.orcid+xml");

        public String contentType() {
            return mediaType + ";charset=UTF-8";
        }
    }
}
