package org.pidlink.emulator.pages;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.pidlink.emulator.EmulatorContext;
import org.pidlink.emulator.EmulatorModule;
import org.pidlink.emulator.http.Request;
import org.pidlink.emulator.http.Response;
import org.pidlink.emulator.http.RouteKind;
import org.pidlink.emulator.http.Routes;
import org.pidlink.emulator.oauth.Html;
import org.pidlink.emulator.oauth.Session;
import org.pidlink.emulator.oauth.Sessions;
import org.pidlink.emulator.state.Client;
import org.pidlink.emulator.state.EmulatorState;
import org.pidlink.emulator.state.Token;

/**
 * Account settings, "Trusted organizations": the clients holding live access to the researcher's record, and a
 * button to revoke each. Revoking does what the control API's revoke does ({@code researcherRevokes}): every
 * token of that client for this record stops working (except for DELETE, as on ORCID).
 */
public final class TrustedOrganizationsPage implements EmulatorModule {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private EmulatorState state;
    private PageGuard guard;

    @Override
    public void register(Routes routes, EmulatorContext ctx) {
        this.state = ctx.state();
        this.guard = new PageGuard(Sessions.of(ctx));
        routes.get("/trusted-parties", RouteKind.PAGE, this::page);
        routes.post("/trusted-parties/revoke", RouteKind.PAGE, this::revoke);
    }

    private record Grant(Set<String> scopes, Instant since) {
    }

    Response page(Request r) {
        Session s = guard.require(r);
        Map<String, Grant> grants = new TreeMap<>();
        Instant now = state.now();
        for (Token t : state.tokensOf(s.orcid())) {
            if (t.active(now)) {
                grants.merge(t.clientId(), new Grant(new TreeSet<>(t.scopes()), t.issuedAt()), (a, b) -> {
                    Set<String> all = new TreeSet<>(a.scopes());
                    all.addAll(b.scopes());
                    return new Grant(all, a.since().isBefore(b.since()) ? a.since() : b.since());
                });
            }
        }
        StringBuilder b = new StringBuilder("<p>These organizations can access your ORCID record.</p>");
        if ("1".equals(r.query("revoked"))) {
            b.append("<p role=\"status\">Access revoked.</p>");
        }
        if (grants.isEmpty()) {
            b.append("<p class=\"muted\">You have not granted access to any organization.</p>");
        } else {
            b.append("<table><thead><tr><th>Organization</th><th>Access</th><th>Approved</th><th></th></tr></thead><tbody>");
            for (var e : grants.entrySet()) {
                String name = state.client(e.getKey()).map(Client::name).orElse(e.getKey());
                b.append("<tr class=\"trusted\"><td>").append(Html.text(name)).append("<br><span class=\"muted\">")
                        .append(Html.text(e.getKey())).append("</span></td><td>")
                        .append(Html.text(String.join(" ", e.getValue().scopes()))).append("</td><td>")
                        .append(DATE.format(e.getValue().since())).append("</td><td>")
                        .append("<form method=\"post\" action=\"/trusted-parties/revoke\">")
                        .append(Html.hidden("csrf", s.csrfToken())).append(Html.hidden("client_id", e.getKey()))
                        .append("<button type=\"submit\">Revoke access</button></form></td></tr>");
            }
            b.append("</tbody></table>");
        }
        return Html.page(200, "Trusted organizations", s, b.toString());
    }

    Response revoke(Request r) {
        Session s = guard.requireForm(r);
        String clientId = r.form("client_id");
        if (clientId != null && !clientId.isBlank()) {
            state.researcherRevokes(s.orcid(), clientId);
        }
        return PageGuard.seeOther("/trusted-parties?revoked=1");
    }
}
