package org.pidlink.emulator.pages;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.pidlink.core.affiliation.AffiliationKind;
import org.pidlink.emulator.EmulatorContext;
import org.pidlink.emulator.EmulatorModule;
import org.pidlink.emulator.affiliations.Affiliation;
import org.pidlink.emulator.http.Request;
import org.pidlink.emulator.http.Response;
import org.pidlink.emulator.http.RouteKind;
import org.pidlink.emulator.http.Routes;
import org.pidlink.emulator.oauth.Html;
import org.pidlink.emulator.oauth.Session;
import org.pidlink.emulator.oauth.Sessions;
import org.pidlink.emulator.state.Client;
import org.pidlink.emulator.state.EmulatorState;
import org.pidlink.emulator.state.Researcher;
import org.pidlink.emulator.state.StoredAffiliation;
import org.pidlink.emulator.state.StoredWork;
import org.pidlink.emulator.state.Visibility;
import org.pidlink.emulator.works.Work;

/**
 * A small orcid.org for people: sign in and out, and a researcher's record page at {@code /{orcid}} listing
 * their works and affiliations (in orcid.org's four affiliation sections) with each item's source (the client that
 * added it). The signed-in owner sees every item with its visibility; others see the public ones. Server-rendered HTML, no JavaScript, every value escaped.
 */
public final class PeoplePages implements EmulatorModule {

    private static final Pattern ORCID_ID = Pattern.compile("\\d{4}-\\d{4}-\\d{4}-\\d{3}[\\dX]");
    /** The affiliation sections of orcid.org's record page, in its order. */
    private static final List<Map.Entry<String, List<AffiliationKind>>> AFFILIATION_SECTIONS = List.of(
            Map.entry("Employment", List.of(AffiliationKind.EMPLOYMENT)),
            Map.entry("Education and qualifications", List.of(AffiliationKind.EDUCATION, AffiliationKind.QUALIFICATION)),
            Map.entry("Invited positions and distinctions",
                    List.of(AffiliationKind.INVITED_POSITION, AffiliationKind.DISTINCTION)),
            Map.entry("Membership and service", List.of(AffiliationKind.MEMBERSHIP, AffiliationKind.SERVICE)));
    /** Ongoing and undated first, then by start date, newest first. */
    private static final Comparator<StoredAffiliation> NEWEST_FIRST = Comparator
            .comparing((StoredAffiliation a) -> a.affiliation().endDate() == null ? 1 : 0)
            .thenComparing(a -> date(a.affiliation().startDate()))
            .thenComparingLong(StoredAffiliation::putCode).reversed();

    private EmulatorState state;
    private Sessions sessions;
    private PageGuard guard;

    @Override
    public void register(Routes routes, EmulatorContext ctx) {
        this.state = ctx.state();
        this.sessions = Sessions.of(ctx);
        this.guard = new PageGuard(sessions);
        routes.get("/", RouteKind.PAGE, this::home);
        routes.get("/signin", RouteKind.PAGE, this::signInPage);
        routes.post("/signin", RouteKind.PAGE, this::signIn);
        routes.post("/signout", RouteKind.PAGE, this::signOut);
        routes.get("/my-orcid", RouteKind.PAGE, r -> Response.redirect("/" + guard.require(r).orcid()));
        routes.get("/{orcid}", RouteKind.PAGE, this::record);
    }

    Response home(Request r) {
        Optional<Session> s = sessions.current(r);
        if (s.isPresent()) {
            return Response.redirect("/my-orcid");
        }
        return Html.page(200, "ORCID emulator", null, "<p>A local stand-in for orcid.org. "
                + "<a href=\"/signin\">Sign in</a> to see your record, your inbox and your trusted organizations.</p>");
    }

    Response signInPage(Request r) {
        return signInForm(200, safeNext(r.query("next")), null);
    }

    Response signIn(Request r) {
        String next = safeNext(r.form("next"));
        return sessions.signIn(r.form("username"), r.form("password"))
                .map(s -> s.attachTo(PageGuard.seeOther(next)))
                .orElseGet(() -> signInForm(401, next, "Invalid email or ORCID iD or password"));
    }

    Response signOut(Request r) {
        guard.requireForm(r);
        sessions.signOut(r);
        return PageGuard.seeOther("/signin").withHeader("Set-Cookie", Sessions.clearCookie());
    }

    /** Only a local path: the sign-in page must not become an open redirect. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")) {
            return "/my-orcid";
        }
        return next;
    }

    private static Response signInForm(int status, String next, String problem) {
        StringBuilder b = new StringBuilder();
        if (problem != null) {
            b.append("<p class=\"error\" role=\"alert\">").append(Html.text(problem)).append("</p>");
        }
        b.append("<form method=\"post\" action=\"/signin\">").append(Html.hidden("next", next))
                .append(Html.SIGN_IN_FIELDS).append("</form>");
        return Html.page(status, "Sign in", null, b.toString());
    }

    Response record(Request r) {
        String orcid = r.pathVariable("orcid");
        Session viewer = sessions.current(r).orElse(null);
        Researcher researcher = ORCID_ID.matcher(orcid).matches() ? state.researcher(orcid).orElse(null) : null;
        if (researcher == null) {
            return Html.page(404, "Not found", viewer, "<p>There is no ORCID record " + Html.text(orcid) + ".</p>");
        }
        StringBuilder b = new StringBuilder();
        b.append("<p><strong>ORCID iD</strong> <a href=\"https://orcid.org/").append(Html.text(orcid)).append("\">https://orcid.org/")
                .append(Html.text(orcid)).append("</a></p>");
        switch (researcher.state()) {
            case DEPRECATED -> {
                b.append("<p>This record has been deprecated. The primary record is <a href=\"/")
                        .append(Html.text(researcher.primaryOrcid())).append("\">")
                        .append(Html.text(researcher.primaryOrcid())).append("</a>.</p>");
                return Html.page(200, "Deprecated record", viewer, b.toString());
            }
            case DEACTIVATED -> {
                b.append("<p>This record has been deactivated.</p>");
                return Html.page(200, "Deactivated record", viewer, b.toString());
            }
            case LOCKED -> {
                b.append("<p>This record is locked.</p>");
                return Html.page(200, "Locked record", viewer, b.toString());
            }
            case ACTIVE -> {
            }
        }
        boolean owner = viewer != null && viewer.orcid().equals(orcid);
        List<StoredWork> works = researcher.works().stream()
                .filter(w -> owner || w.visibility() == Visibility.PUBLIC).toList();
        b.append("<h2>Works (").append(works.size()).append(")</h2>");
        if (works.isEmpty()) {
            b.append("<p class=\"muted\">No works yet.</p>");
        }
        for (StoredWork w : works) {
            b.append(work(w, owner));
        }
        List<StoredAffiliation> affiliations = researcher.affiliations().stream()
                .filter(a -> owner || a.visibility() == Visibility.PUBLIC).toList();
        for (Map.Entry<String, List<AffiliationKind>> section : AFFILIATION_SECTIONS) {
            List<StoredAffiliation> items = affiliations.stream().filter(a -> section.getValue().contains(a.kind()))
                    .sorted(NEWEST_FIRST).toList();
            b.append("<h2>").append(section.getKey()).append(" (").append(items.size()).append(")</h2>");
            for (StoredAffiliation a : items) {
                b.append(affiliation(a, owner, section.getValue().size() > 1));
            }
        }
        return Html.page(200, researcher.displayName(), viewer, b.toString());
    }

    private String affiliation(StoredAffiliation stored, boolean owner, boolean showKind) {
        Affiliation a = stored.affiliation();
        StringBuilder b = new StringBuilder("<section class=\"affiliation\" id=\"").append(stored.kind().value())
                .append('-').append(stored.putCode()).append("\">");
        Affiliation.Organization org = a.organization();
        b.append("<h3>").append(Html.text(org == null || org.name() == null ? "(no organization)" : org.name()))
                .append("</h3><p>");
        if (org != null) {
            String place = String.join(", ", java.util.stream.Stream.of(org.address().city(), org.address().region(),
                    org.address().country()).filter(java.util.Objects::nonNull).toList());
            if (!place.isEmpty()) {
                b.append(Html.text(place)).append("<br>");
            }
        }
        if (showKind) {
            b.append("<span class=\"kind\">").append(Html.text(label(stored.kind()))).append("</span><br>");
        }
        if (a.startDate() != null || a.endDate() != null) {
            b.append(Html.text(date(a.startDate()))).append(" to ")
                    .append(Html.text(a.endDate() == null ? "present" : date(a.endDate()))).append("<br>");
        }
        if (a.roleTitle() != null || a.departmentName() != null) {
            b.append(Html.text(a.roleTitle() == null ? "" : a.roleTitle()));
            if (a.departmentName() != null) {
                b.append(a.roleTitle() == null ? "" : " ").append('(').append(Html.text(a.departmentName())).append(')');
            }
            b.append("<br>");
        }
        if (org != null && org.disambiguated() != null) {
            b.append(Html.text(org.disambiguated().source())).append(": ")
                    .append(link(org.disambiguated().identifier(), org.disambiguated().identifier()));
        }
        for (Work.ExternalId id : a.externalIds()) {
            b.append("<br>").append(Html.text(id.type().toUpperCase(java.util.Locale.ROOT))).append(": ")
                    .append(link(id.url(), id.value()));
        }
        if (a.url() != null) {
            b.append("<br>URL: ").append(link(a.url(), a.url()));
        }
        b.append("</p>").append(sourceLine(stored.sourceClientId(), owner ? stored.visibility() : null));
        return b.append("</section>").toString();
    }

    /** ORCID's labels on the record page. */
    private static String label(AffiliationKind kind) {
        String v = kind.value().replace('-', ' ');
        return Character.toUpperCase(v.charAt(0)) + v.substring(1);
    }

    private static String date(Affiliation.FuzzyDate d) {
        return d == null ? "" : date(new Work.PublicationDate(d.year(), d.month(), d.day()));
    }

    /** A link when the target is a web address, else the text. */
    private static String link(String target, String text) {
        if (target != null && (target.startsWith("https://") || target.startsWith("http://"))) {
            return "<a href=\"" + Html.text(target) + "\">" + Html.text(text) + "</a>";
        }
        return Html.text(text);
    }

    private String sourceLine(String clientId, Visibility visibility) {
        String source = state.client(clientId).map(Client::name).orElse(clientId);
        StringBuilder b = new StringBuilder("<p class=\"muted\">Source: <span class=\"source\">")
                .append(Html.text(source)).append("</span>");
        if (visibility != null) {
            b.append(" | Visibility: ").append(Html.text(visibility.value()));
        }
        return b.append("</p>").toString();
    }

    private String work(StoredWork stored, boolean owner) {
        Work w = stored.work();
        StringBuilder b = new StringBuilder("<section class=\"work\" id=\"work-").append(stored.putCode()).append("\">");
        b.append("<h3>").append(Html.text(w.title() == null ? "(untitled)" : w.title())).append("</h3><p>");
        if (w.journalTitle() != null) {
            b.append("<em>").append(Html.text(w.journalTitle())).append("</em><br>");
        }
        if (w.publicationDate() != null && w.publicationDate().year() != null) {
            b.append(Html.text(date(w.publicationDate()))).append(" | ");
        }
        b.append(Html.text(w.type()));
        for (Work.ExternalId id : w.externalIds()) {
            b.append("<br>").append(Html.text(id.type().toUpperCase(java.util.Locale.ROOT))).append(": ");
            b.append(link(id.url() != null ? id.url() : "doi".equals(id.type()) ? "https://doi.org/" + id.value()
                    : null, id.value()));
        }
        b.append("</p>").append(sourceLine(stored.sourceClientId(), owner ? stored.visibility() : null));
        return b.append("</section>").toString();
    }

    private static String date(Work.PublicationDate d) {
        StringBuilder s = new StringBuilder(d.year());
        if (d.month() != null) {
            s.append('-').append(d.month());
            if (d.day() != null) {
                s.append('-').append(d.day());
            }
        }
        return s.toString();
    }
}
