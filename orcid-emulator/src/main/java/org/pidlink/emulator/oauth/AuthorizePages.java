package org.pidlink.emulator.oauth;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import org.pidlink.emulator.EmulatorContext;
import org.pidlink.emulator.EmulatorModule;
import org.pidlink.emulator.http.HttpProblem;
import org.pidlink.emulator.http.Request;
import org.pidlink.emulator.http.Response;
import org.pidlink.emulator.http.RouteKind;
import org.pidlink.emulator.http.Routes;
import org.pidlink.emulator.state.Client;
import org.pidlink.emulator.state.EmulatorState;
import org.pidlink.emulator.state.IssuedToken;
import org.pidlink.emulator.state.Researcher;
import org.pidlink.emulator.state.Scopes;
import org.pidlink.emulator.state.Token;

/**
 * {@code /oauth/authorize} (orcid-api.md §2.1): validates the client and redirect URI, then shows the sign-in
 * page (fields {@code username}: iD or email, {@code password}) unless the browser has a session, then the
 * consent page (a {@code decision} button, {@code authorize} or {@code deny}), then redirects with a code (or,
 * for the implicit flow, tokens in the fragment). {@code prompt=login} forces a fresh sign-in;
 * {@code prompt=none} never shows a page. As on ORCID, a researcher who already granted this client the same
 * scopes (an active token) is not asked again.
 *
 * <p>Both forms post to {@code /oauth/authorize} with a hidden {@code authorization}: the id of the stored,
 * validated request. Plain HTML, no JavaScript.
 */
public final class AuthorizePages implements EmulatorModule {

    static final Duration REQUEST_LIFETIME = Duration.ofMinutes(30);
    /** ORCID's implicit-flow token lifetime (orcid-api.md §2.6). */
    static final long IMPLICIT_EXPIRES_IN = 599;
    private static final Set<String> MEMBER_ONLY = Set.of(Scopes.READ_LIMITED, Scopes.ACTIVITIES_UPDATE,
            Scopes.PERSON_UPDATE);
    private static final Set<String> RESPONSE_TYPES = Set.of("code", "token", "id_token", "id_token token",
            "token id_token");

    private final SecureRandom random = new SecureRandom();
    private final Map<String, AuthorizationRequest> pending = new ConcurrentHashMap<>();
    private EmulatorState state;
    private Sessions sessions;
    private IdTokens idTokens;

    @Override
    public void register(Routes routes, EmulatorContext ctx) {
        this.state = ctx.state();
        this.sessions = Sessions.of(ctx);
        this.idTokens = IdTokens.of(ctx);
        routes.get("/oauth/authorize", RouteKind.OAUTH, this::authorize);
        routes.post("/oauth/authorize", RouteKind.OAUTH, this::answer);
    }

    // ---- GET: validate, then sign-in, consent or an immediate answer -------------------------------------------

    Response authorize(Request r) {
        AuthorizationRequest a = validate(r);
        String prompt = r.query("prompt");
        Optional<Session> session = sessions.current(r);
        if ("none".equals(prompt)) {
            if (session.isEmpty()) {
                return error(a, "login_required", "The user is not signed in");
            }
            return alreadyApproved(a, session.get().orcid())
                    ? approve(a, session.get()) : error(a, "interaction_required", "The user must approve access");
        }
        if (session.isEmpty() || a.forceSignIn()) {
            return signInPage(a, null, 200);
        }
        return afterSignIn(a, session.get());
    }

    private AuthorizationRequest validate(Request r) {
        Client client = state.client(r.query("client_id")).orElseThrow(() -> invalidParameter("client_id"));
        String redirectParam = r.query("redirect_uri");
        String redirect;
        if (redirectParam == null || redirectParam.isBlank()) {
            if (client.redirectUris().size() != 1) {
                throw invalidParameter("redirect_uri");
            }
            redirectParam = null;
            redirect = client.redirectUris().getFirst();
        } else if (RedirectUris.allowed(client.redirectUris(), redirectParam)) {
            redirect = redirectParam;
        } else {
            throw invalidParameter("redirect_uri");
        }
        String responseType = r.query("response_type") == null ? "" : r.query("response_type").trim();
        String stateParam = r.query("state");
        String nonce = r.query("nonce");
        Set<String> scopes = Scopes.parse(r.query("scope"));
        AuthorizationRequest a = new AuthorizationRequest(newId(), client, redirectParam, redirect, scopes,
                RESPONSE_TYPES.contains(responseType) ? responseType : "code", stateParam, nonce,
                "login".equals(r.query("prompt")), state.now(), null);
        // From here on the redirect URI is trusted, so errors go back to the client (RFC 6749 §4.1.2.1).
        if (!RESPONSE_TYPES.contains(responseType)) {
            throw new HttpProblem(error(a, "unsupported_response_type",
                    "Unsupported response type: " + (responseType.isEmpty() ? "(none)" : responseType)));
        }
        if (scopes.isEmpty()) {
            throw new HttpProblem(error(a, "invalid_scope", "Empty scope is not allowed"));
        }
        for (String s : scopes) {
            if (!Scopes.THREE_LEGGED.contains(s) || (MEMBER_ONLY.contains(s) && !client.member())) {
                throw new HttpProblem(error(a, "invalid_scope", "Invalid scope: " + s));
            }
        }
        if (a.implicit() && a.responseType().contains("id_token") && !scopes.contains(Scopes.OPENID)) {
            throw new HttpProblem(error(a, "invalid_request", "An id_token needs the openid scope"));
        }
        purgeExpired();
        pending.put(a.id(), a);
        return a;
    }

    /** ORCID's answer for an unknown client or a redirect URI it will not send to (orcid-api.md §2.2). */
    private static HttpProblem invalidParameter(String name) {
        // Key order as observed: error_description first.
        return new HttpProblem(Response.json(400,
                "{\"error_description\":\"Invalid parameter: " + name + "\",\"error\":\"invalid_request\"}")
                .withHeader("Cache-Control", "no-store"));
    }

    // ---- POST: the sign-in form or the consent decision ----------------------------------------------------------

    Response answer(Request r) {
        AuthorizationRequest a = pendingRequest(r.form("authorization"));
        String decision = r.form("decision");
        if (decision == null) {
            Optional<Sessions.SignedIn> signedIn = sessions.signIn(r.form("username"), r.form("password"));
            if (signedIn.isEmpty()) {
                return signInPage(a, "Invalid email or ORCID iD or password", 401);
            }
            return signedIn.get().attachTo(afterSignIn(a, signedIn.get().session()));
        }
        Session session = sessions.current(r).orElse(null);
        if (session == null || !session.idHash().equals(a.sessionHash())
                || (a.forceSignIn() && session.authTime().isBefore(a.created()))) {
            // Consent must come from the browser (and sign-in) that was shown the page.
            return signInPage(a, "Please sign in again", 200);
        }
        pending.remove(a.id());
        return switch (decision) {
            case "authorize" -> approve(a, session);
            case "deny" -> error(a, "access_denied", "User denied access");
            default -> throw new HttpProblem(Html.page(400, "Unknown decision", session,
                    "<p>The decision must be <code>authorize</code> or <code>deny</code>.</p>"));
        };
    }

    private AuthorizationRequest pendingRequest(String id) {
        AuthorizationRequest a = id == null ? null : pending.get(id);
        if (a == null || state.now().isAfter(a.created().plus(REQUEST_LIFETIME))) {
            throw new HttpProblem(Html.page(400, "Authorization request expired", null,
                    "<p>This authorization request has expired or was already answered. Go back to the "
                            + "application and start again.</p>"));
        }
        return a;
    }

    private Response afterSignIn(AuthorizationRequest a, Session session) {
        if (alreadyApproved(a, session.orcid())) {
            pending.remove(a.id());
            return approve(a, session);
        }
        AuthorizationRequest shown = a.shownTo(session);
        pending.put(shown.id(), shown);
        return consentPage(shown, session);
    }

    /** As on ORCID: an active token of this client for this researcher that covers every requested scope. */
    private boolean alreadyApproved(AuthorizationRequest a, String orcid) {
        Instant now = state.now();
        for (Token t : state.tokensOf(orcid)) {
            if (t.clientId().equals(a.client().clientId()) && t.active(now)
                    && a.scopes().stream().allMatch(t::hasScope)) {
                return true;
            }
        }
        return false;
    }

    // ---- answers to the client ------------------------------------------------------------------------------------

    private Response approve(AuthorizationRequest a, Session session) {
        if (!a.implicit()) {
            String code = state.issueAuthorizationCode(a.client().clientId(), session.orcid(), a.scopes(),
                    a.redirectUriParam(), a.nonce(), session.authTime());
            return Response.redirect(RedirectUris.withQuery(a.redirectUri(), params("code", code, "state", a.state())));
        }
        Researcher researcher = state.researcher(session.orcid())
                .orElseThrow(() -> new HttpProblem(error(a, "access_denied", "The record no longer exists")));
        StringJoiner f = new StringJoiner("&");
        if (a.responseType().contains("token") && !a.responseType().equals("id_token")) {
            IssuedToken t = state.issueToken(a.client().clientId(), researcher.orcid(), a.scopes(), IMPLICIT_EXPIRES_IN,
                    null, session.authTime());
            f.add(params("access_token", t.accessToken(), "token_type", "bearer",
                    "expires_in", String.valueOf(IMPLICIT_EXPIRES_IN), "scope", Scopes.format(a.scopes()),
                    "name", researcher.displayName(), "orcid", researcher.orcid()));
            if (a.scopes().contains(Scopes.OPENID)) {
                f.add(params("id_token", idTokens.issueWithAccessToken(a.client().clientId(), researcher, a.nonce(),
                        session.authTime(), t.accessToken())));
            }
        } else {
            f.add(params("id_token", idTokens.issue(a.client().clientId(), researcher, a.nonce(), session.authTime())));
        }
        if (a.state() != null) {
            f.add(params("state", a.state()));
        }
        return Response.redirect(a.redirectUri() + "#" + f);
    }

    /** An error back to the client: in the query for the code flow, in the fragment for the implicit flow. */
    private static Response error(AuthorizationRequest a, String error, String description) {
        String p = params("error", error, "error_description", description, "state", a.state());
        return Response.redirect(a.implicit() ? a.redirectUri() + "#" + p : RedirectUris.withQuery(a.redirectUri(), p));
    }

    /** name=value pairs, URL-encoded; null values are left out. */
    private static String params(String... kv) {
        StringJoiner j = new StringJoiner("&");
        for (int i = 0; i + 1 < kv.length; i += 2) {
            if (kv[i + 1] != null) {
                j.add(kv[i] + "=" + Html.query(kv[i + 1]));
            }
        }
        return j.toString();
    }

    // ---- pages ------------------------------------------------------------------------------------------------------

    private Response signInPage(AuthorizationRequest a, String problem, int status) {
        StringBuilder b = new StringBuilder();
        b.append("<p><strong>").append(Html.text(a.client().name()))
                .append("</strong> asks you to sign in with your ORCID iD.</p>");
        if (problem != null) {
            b.append("<p class=\"error\" role=\"alert\">").append(Html.text(problem)).append("</p>");
        }
        b.append("<form method=\"post\" action=\"/oauth/authorize\">").append(Html.hidden("authorization", a.id()))
                .append(Html.SIGN_IN_FIELDS).append("</form>");
        return Html.page(status, "Sign in", null, b.toString());
    }

    private static Response consentPage(AuthorizationRequest a, Session session) {
        StringBuilder b = new StringBuilder();
        b.append("<p><strong>").append(Html.text(a.client().name()))
                .append("</strong> has asked for the following access to your ORCID record:</p><ul>");
        a.scopes().stream().map(ScopeDescriptions::of).distinct()
                .forEach(d -> b.append("<li>").append(Html.text(d)).append("</li>"));
        b.append("</ul><p class=\"muted\">This application will not be able to see your ORCID password, or other "
                + "information in your ORCID record with visibility set to Only me. You can manage permission "
                + "granted to this and other Trusted Organizations in your account settings.</p>");
        b.append("<form method=\"post\" action=\"/oauth/authorize\">").append(Html.hidden("authorization", a.id()))
                .append("<button type=\"submit\" name=\"decision\" value=\"authorize\">Authorize access</button>")
                .append("<button type=\"submit\" name=\"decision\" value=\"deny\">Deny access</button></form>");
        return Html.page(200, "Authorize access", session, b.toString());
    }

    private String newId() {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private void purgeExpired() {
        Instant cutoff = state.now().minus(REQUEST_LIFETIME);
        pending.values().removeIf(p -> p.created().isBefore(cutoff));
    }
}
