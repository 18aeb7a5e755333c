package org.pidlink.emulator.oauth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.pidlink.emulator.http.Response;

/**
 * The emulator's people-facing pages: one plain layout, no JavaScript, every interpolated value escaped with
 * {@link #text}. Pages are never cached (they show who is signed in and carry one-time form fields).
 */
public final class Html {

    private static final String STYLE = "body{font-family:sans-serif;max-width:46em;margin:2em auto;padding:0 1em;"
            + "color:#222}header{border-bottom:2px solid #a6ce39;margin-bottom:1.5em;padding-bottom:.5em}"
            + "header a{margin-right:1em}.brand{font-weight:bold;color:#a6ce39;text-decoration:none}"
            + "label{display:block;margin:.6em 0 .2em}input[type=text],input[type=password]{width:20em;padding:.3em}"
            + "button{margin:.8em .5em 0 0;padding:.4em 1.2em}.error{color:#b00020}.muted{color:#666}"
            + "table{border-collapse:collapse}td,th{border-bottom:1px solid #ddd;padding:.4em;text-align:left}"
            + "form.inline{display:inline}";

    /** The sign-in form's fields (orcid.org's names: {@code username} is an iD or an email) and its button. */
    public static final String SIGN_IN_FIELDS = "<label for=\"username\">Email or 16-digit ORCID iD</label>"
            + "<input type=\"text\" id=\"username\" name=\"username\" autocomplete=\"username\" required>"
            + "<label for=\"password\">Password</label>"
            + "<input type=\"password\" id=\"password\" name=\"password\" autocomplete=\"current-password\" required>"
            + "<div><button type=\"submit\">Sign in</button></div>";

    private Html() {
    }

    /** Escapes text for element content and quoted attribute values. */
    public static String text(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** A URL query component. */
    public static String query(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A hidden form field. */
    public static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + text(name) + "\" value=\"" + text(value) + "\">";
    }

    /**
     * A whole page. {@code signedIn} is the signed-in researcher's display name (null: nobody), shown with the
     * site navigation; {@code body} must already be escaped HTML.
     */
    public static Response page(int status, String title, Session signedIn, String body) {
        StringBuilder b = new StringBuilder(2048);
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(text(title)).append(" - ORCID emulator</title><style>").append(STYLE)
                .append("</style></head><body><header><a class=\"brand\" href=\"/\">ORCID emulator</a>");
        if (signedIn != null) {
            b.append("<a href=\"/my-orcid\">My record</a><a href=\"/inbox\">Inbox</a>")
                    .append("<a href=\"/trusted-parties\">Trusted organizations</a>")
                    .append("<form class=\"inline\" method=\"post\" action=\"/signout\">")
                    .append(hidden("csrf", signedIn.csrfToken())).append("<span class=\"muted\">")
                    .append(text(signedIn.displayName())).append(" (").append(text(signedIn.orcid()))
                    .append(")</span> <button type=\"submit\">Sign out</button></form>");
        } else {
            b.append("<a href=\"/signin\">Sign in</a>");
        }
        b.append("</header><main><h1>").append(text(title)).append("</h1>\n").append(body)
                .append("</main></body></html>\n");
        return Response.html(status, b.toString()).withHeader("Cache-Control", "no-store");
    }
}
