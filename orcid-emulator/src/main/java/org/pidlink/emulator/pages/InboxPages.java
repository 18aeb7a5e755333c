package org.pidlink.emulator.pages;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.pidlink.emulator.EmulatorContext;
import org.pidlink.emulator.EmulatorModule;
import org.pidlink.emulator.http.HttpProblem;
import org.pidlink.emulator.http.Request;
import org.pidlink.emulator.http.Response;
import org.pidlink.emulator.http.RouteKind;
import org.pidlink.emulator.http.Routes;
import org.pidlink.emulator.inbox.Inbox;
import org.pidlink.emulator.inbox.PermissionNotification;
import org.pidlink.emulator.inbox.StoredNotification;
import org.pidlink.emulator.oauth.Html;
import org.pidlink.emulator.oauth.Session;
import org.pidlink.emulator.oauth.Sessions;

/**
 * The researcher's ORCID inbox: permission notifications from member organizations, newest first. Opening one
 * marks it read; "Grant permissions" marks it actioned and starts the OAuth flow at the notification's
 * authorization URL (on this emulator: its path, whatever host the client wrote); a notification can be
 * archived; and the researcher can stop organizations from sending them (then posts get 409/9032).
 */
public final class InboxPages implements EmulatorModule {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Inbox inbox;
    private PageGuard guard;

    @Override
    public void register(Routes routes, EmulatorContext ctx) {
        this.inbox = Inbox.of(ctx);
        this.guard = new PageGuard(Sessions.of(ctx));
        routes.get("/inbox", RouteKind.PAGE, this::list);
        routes.get("/inbox/{putCode}", RouteKind.PAGE, this::open);
        routes.get("/inbox/{putCode}/action", RouteKind.PAGE, this::action);
        routes.post("/inbox/{putCode}/archive", RouteKind.PAGE, this::archive);
        routes.post("/inbox/preferences", RouteKind.PAGE, this::preferences);
    }

    Response list(Request r) {
        Session s = guard.require(r);
        StringBuilder b = new StringBuilder();
        var notifications = inbox.of(s.orcid());
        if (notifications.isEmpty()) {
            b.append("<p class=\"muted\">Your inbox is empty.</p>");
        } else {
            b.append("<table><thead><tr><th>From</th><th>Subject</th><th>Received</th><th>Status</th></tr></thead><tbody>");
            for (StoredNotification n : notifications) {
                b.append("<tr class=\"notification\"><td>").append(Html.text(n.sourceName())).append("</td><td><a href=\"/inbox/")
                        .append(n.putCode()).append("\">").append(Html.text(title(n))).append("</a></td><td>")
                        .append(DATE.format(n.createdDate())).append("</td><td>").append(status(n)).append("</td></tr>");
            }
            b.append("</tbody></table>");
        }
        boolean accepts = inbox.accepts(s.orcid());
        b.append("<h2>Preferences</h2><form method=\"post\" action=\"/inbox/preferences\">")
                .append(Html.hidden("csrf", s.csrfToken()))
                .append(Html.hidden("accept", accepts ? "false" : "true")).append("<p>")
                .append(accepts ? "Member organizations may send you permission requests."
                        : "You do not accept permission requests from member organizations.")
                .append(" <button type=\"submit\">").append(accepts ? "Stop permission requests" : "Allow permission requests")
                .append("</button></p></form>");
        return Html.page(200, "Inbox", s, b.toString());
    }

    Response open(Request r) {
        Session s = guard.require(r);
        StoredNotification n = inbox.markRead(s.orcid(), putCode(r, s)).orElseThrow(() -> notFound(s));
        PermissionNotification c = n.content();
        StringBuilder b = new StringBuilder();
        b.append("<p class=\"muted\">From <strong>").append(Html.text(n.sourceName())).append("</strong>, ")
                .append(DATE.format(n.createdDate())).append(" - ").append(status(n)).append("</p>");
        b.append("<p>").append(Html.text(c.intro())).append("</p><ul>");
        for (PermissionNotification.Item item : c.items()) {
            b.append("<li>").append(Html.text(item.name())).append(" <span class=\"muted\">(")
                    .append(Html.text(item.type()));
            if (item.externalId() != null) {
                b.append(", ").append(Html.text(item.externalId().type())).append(": ")
                        .append(Html.text(item.externalId().value()));
            }
            b.append(")</span></li>");
        }
        b.append("</ul><p><a class=\"grant\" href=\"/inbox/").append(n.putCode())
                .append("/action\">Grant permissions</a></p>");
        if (n.archivedDate() == null) {
            b.append("<form method=\"post\" action=\"/inbox/").append(n.putCode()).append("/archive\">")
                    .append(Html.hidden("csrf", s.csrfToken())).append("<button type=\"submit\">Archive</button></form>");
        }
        return Html.page(200, title(n), s, b.toString());
    }

    /** As ORCID's inbox button: the notification is actioned, the browser goes to its authorization URL. */
    Response action(Request r) {
        Session s = guard.require(r);
        StoredNotification n = inbox.markActioned(s.orcid(), putCode(r, s)).orElseThrow(() -> notFound(s));
        String path = n.content().authorizationUrl().path();
        return Response.redirect(path != null && path.startsWith("/") && !path.startsWith("//")
                ? path : n.content().authorizationUrl().uri());
    }

    Response archive(Request r) {
        Session s = guard.requireForm(r);
        inbox.archive(s.orcid(), putCode(r, s)).orElseThrow(() -> notFound(s));
        return PageGuard.seeOther("/inbox");
    }

    Response preferences(Request r) {
        Session s = guard.requireForm(r);
        inbox.accept(s.orcid(), "true".equals(r.form("accept")));
        return PageGuard.seeOther("/inbox");
    }

    private static String title(StoredNotification n) {
        String subject = n.content().subject();
        return subject == null || subject.isBlank() ? "Permission request" : "Add " + subject + " to your ORCID record";
    }

    private static String status(StoredNotification n) {
        if (n.archivedDate() != null) {
            return "archived";
        }
        if (n.actionedDate() != null) {
            return "actioned";
        }
        return n.readDate() != null ? "read" : "<strong>new</strong>";
    }

    private static long putCode(Request r, Session s) {
        try {
            return Long.parseLong(r.pathVariable("putCode"));
        } catch (NumberFormatException e) {
            throw notFound(s);
        }
    }

    private static HttpProblem notFound(Session s) {
        return new HttpProblem(Html.page(404, "Not found", s, "<p>There is no such notification in your inbox.</p>"));
    }
}
