package org.pidlink.emulator.pages;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import org.pidlink.emulator.http.HttpProblem;
import org.pidlink.emulator.http.Request;
import org.pidlink.emulator.http.Response;
import org.pidlink.emulator.oauth.Html;
import org.pidlink.emulator.oauth.Session;
import org.pidlink.emulator.oauth.Sessions;

/** The pages' guard: a page that needs a researcher sends everyone else to sign in, then back. */
final class PageGuard {

    private final Sessions sessions;

    PageGuard(Sessions sessions) {
        this.sessions = sessions;
    }

    /** The session, or a redirect to {@code /signin?next=<this page>}. */
    Session require(Request r) {
        return sessions.current(r).orElseThrow(() -> new HttpProblem(
                Response.redirect("/signin?next=" + Html.query(r.path()))));
    }

    /** For a form post: the session, and its anti-forgery token must come with the form. */
    Session requireForm(Request r) {
        Session s = require(r);
        String sent = r.form("csrf");
        if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                s.csrfToken().getBytes(StandardCharsets.UTF_8))) {
            throw new HttpProblem(Html.page(403, "Form expired", s,
                    "<p>This form was not sent from the emulator's own page, or it has expired. Go back, reload the "
                            + "page and try again.</p>"));
        }
        return s;
    }

    /** 303 See Other: after a form post, the browser GETs the next page. */
    static Response seeOther(String location) {
        return Response.empty(303).withHeader("Location", location);
    }
}
