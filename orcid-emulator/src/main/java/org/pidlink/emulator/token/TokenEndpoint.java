package org.pidlink.emulator.token;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.pidlink.emulator.EmulatorContext;
import org.pidlink.emulator.EmulatorModule;
import org.pidlink.emulator.http.BasicCredentials;
import org.pidlink.emulator.http.Request;
import org.pidlink.emulator.http.Response;
import org.pidlink.emulator.http.RouteKind;
import org.pidlink.emulator.http.Routes;
import org.pidlink.emulator.state.AuthorizationCode;
import org.pidlink.emulator.state.Client;
import org.pidlink.emulator.state.EmulatorState;
import org.pidlink.emulator.state.IssuedToken;
import org.pidlink.emulator.state.Researcher;
import org.pidlink.emulator.state.Scopes;
import org.pidlink.emulator.state.Token;

/**
 * {@code POST /oauth/token} (authorization_code, refresh_token, client_credentials) and {@code POST /oauth/revoke},
 * as in orcid-api.md §2.2-2.3, and the public API host's {@code /pub/oauth/token}, a 307 to it (§12.2). The
 * authorize pages that issue codes live in the OAuth module.
 */
public final class TokenEndpoint implements EmulatorModule {

    private static final String INVALID_PARAMS =
            "One of the provided parameters is invalid, or, the provided token/code is invalid or expired";

    private EmulatorContext context;
    private EmulatorState state;

    @Override
    public void register(Routes routes, EmulatorContext ctx) {
        this.context = ctx;
        this.state = ctx.state();
        routes.post("/oauth/token", RouteKind.OAUTH, this::token);
        routes.post("/oauth/revoke", RouteKind.OAUTH, this::revoke);
        // The public API host sends token requests to the OAuth host with a 307, which keeps the method and the
        // form, for any method (orcid-api.md §12.2, PutAuthTokenActionFilter).
        for (String method : java.util.List.of("GET", "POST", "PUT", "DELETE")) {
            routes.add(method, "/pub/oauth/token", RouteKind.OAUTH,
                    r -> Response.empty(307).withHeader("Location", context.baseUrl() + "/oauth/token"));
        }
    }

    Response token(Request r) {
        requireForm(r);
        String grant = r.form("grant_type");
        if (grant == null || grant.isBlank()) {
            throw OAuthErrors.problem(400, "unsupported_grant_type", "grant_type is missing");
        }
        Client client = authenticate(r);
        return switch (grant) {
            case "client_credentials" -> clientCredentials(r, client);
            case "authorization_code" -> authorizationCode(r, client);
            case "refresh_token" -> refresh(r, client);
            default -> throw OAuthErrors.problem(400, "unsupported_grant_type", "Unsupported grant type: " + grant);
        };
    }

    private Response clientCredentials(Request r, Client client) {
        Set<String> scopes = Scopes.parse(r.form("scope"));
        if (scopes.isEmpty()) {
            scopes = Set.of(Scopes.READ_PUBLIC);
        }
        for (String s : scopes) {
            if (!Scopes.TWO_LEGGED.contains(s)) {
                if (Scopes.THREE_LEGGED.contains(s)) {
                    throw OAuthErrors.problem(400, "invalid_scope", "Invalid scope: " + s);
                }
                // An unknown scope string gave 401 on ORCID (orcid-api.md §2.2).
                throw OAuthErrors.problem(401, "invalid_scope", "Invalid scope: " + s);
            }
            if ((s.equals(Scopes.WEBHOOK) || s.equals(Scopes.PREMIUM_NOTIFICATION)) && !client.premium()) {
                throw OAuthErrors.problem(401, "invalid_scope", "Invalid scope: " + s);
            }
        }
        IssuedToken issued = state.issueToken(client.clientId(), null, scopes,
                EmulatorState.DEFAULT_EXPIRES_IN_SECONDS, null, null);
        return ok(TokenResponses.body(context.json(), issued, null, null, state.now()));
    }

    private Response authorizationCode(Request r, Client client) {
        String code = required(r, "code");
        Optional<AuthorizationCode> found = state.consumeCode(code);
        Instant now = state.now();
        if (found.isEmpty() || now.isAfter(found.get().expiresAt())) {
            throw OAuthErrors.problem(400, "invalid_grant", "Invalid authorization code: " + code);
        }
        AuthorizationCode c = found.get();
        if (c.used()) {
            state.disableTokensOfCode(c.codeHash());
            throw OAuthErrors.problem(400, "invalid_grant", "Reused authorization code: " + code);
        }
        if (!c.clientId().equals(client.clientId())) {
            throw OAuthErrors.problem(400, "invalid_grant", INVALID_PARAMS);
        }
        String redirect = r.form("redirect_uri");
        if (c.redirectUri() != null && !c.redirectUri().equals(redirect)) {
            throw OAuthErrors.problem(400, "invalid_grant", INVALID_PARAMS);
        }
        Researcher researcher = state.researcher(c.orcid())
                .orElseThrow(() -> OAuthErrors.problem(400, "invalid_grant", INVALID_PARAMS));
        IssuedToken issued = state.issueToken(client.clientId(), c.orcid(), c.scopes(),
                EmulatorState.DEFAULT_EXPIRES_IN_SECONDS, c.codeHash(), c.authTime());
        String idToken = c.scopes().contains(Scopes.OPENID)
                ? context.idTokenIssuer().issue(client.clientId(), researcher, c.nonce(), c.authTime()) : null;
        return ok(TokenResponses.body(context.json(), issued, researcher, idToken, now));
    }

    private Response refresh(Request r, Client client) {
        String refreshToken = required(r, "refresh_token");
        Token parent = state.tokenByRefresh(refreshToken)
                .orElseThrow(() -> OAuthErrors.problem(400, "invalid_grant", "Unable to find refresh token"));
        if (!parent.clientId().equals(client.clientId())) {
            throw OAuthErrors.problem(400, "invalid_grant", "This token does not belong to the given client");
        }
        Instant now = state.now();
        if (parent.revocation() != Token.Revocation.NONE) {
            throw OAuthErrors.problem(400, "invalid_grant", "Parent token is disabled");
        }
        if (parent.expiredAt(now)) {
            throw OAuthErrors.problem(400, "invalid_grant", "Access token expired: " + parent.expiresAt());
        }
        Set<String> scopes = parent.scopes();
        String scopeParam = r.form("scope");
        if (scopeParam != null && !scopeParam.isBlank()) {
            scopes = Scopes.parse(scopeParam);
            for (String s : scopes) {
                if (!parent.hasScope(s)) {
                    throw OAuthErrors.problem(400, "invalid_scope",
                            "The given scope '" + s + "' is not allowed for the parent token");
                }
            }
        }
        long remaining = parent.expiresAt().getEpochSecond() - now.getEpochSecond();
        long expiresIn = remaining;
        String expiresParam = r.form("expires_in");
        if (expiresParam != null && !expiresParam.isBlank()) {
            try {
                expiresIn = Long.parseLong(expiresParam.trim());
            } catch (NumberFormatException e) {
                throw OAuthErrors.problem(400, "invalid_request", "expires_in must be a number of seconds");
            }
            if (expiresIn > remaining) {
                throw OAuthErrors.problem(400, "invalid_request",
                        "Token expiration can't be after " + parent.expiresAt());
            }
            if (expiresIn <= 0) {
                throw OAuthErrors.problem(400, "invalid_request", "expires_in must be positive");
            }
        }
        // Legacy ORCID and other emulators default revoke_old to true (orcid-api.md §2.2).
        String revokeOld = r.form("revoke_old");
        if (revokeOld == null || !revokeOld.trim().equalsIgnoreCase("false")) {
            state.revoke(parent, Token.Revocation.BY_CLIENT);
        }
        IssuedToken issued = state.issueToken(client.clientId(), parent.orcid(), scopes, expiresIn,
                parent.codeHash(), parent.authTime());
        Researcher researcher = parent.orcid() == null ? null : state.researcher(parent.orcid()).orElse(null);
        return ok(TokenResponses.body(context.json(), issued, researcher, null, now));
    }

    Response revoke(Request r) {
        requireForm(r);
        Client client = authenticate(r);
        String token = r.form("token");
        if (token == null || token.isBlank()) {
            throw OAuthErrors.problem(400, "invalid_request", "Please provide the token to be param");
        }
        Optional<Token> t = state.tokenByAccess(token).or(() -> state.tokenByRefresh(token));
        // RFC 7009: unknown tokens (and other clients' tokens) still get 200, and nothing happens.
        t.filter(x -> x.clientId().equals(client.clientId()))
                .ifPresent(x -> state.revoke(x, Token.Revocation.BY_CLIENT));
        return Response.empty(200);
    }

    private static void requireForm(Request r) {
        if (!r.hasContentType("application/x-www-form-urlencoded")) {
            throw new org.pidlink.emulator.http.HttpProblem(Response.json(415,
                    "{\"error\":\"invalid_request\",\"error_description\":\"Content-Type must be application/x-www-form-urlencoded\"}"));
        }
    }

    /** Basic auth wins over form credentials, as on ORCID. */
    private Client authenticate(Request r) {
        String id;
        String secret;
        var basic = BasicCredentials.of(r);
        if (basic.isPresent()) {
            id = basic.get().id();
            secret = basic.get().secret();
            if (id == null || secret == null) {
                throw OAuthErrors.problem(401, "invalid_client", "Client authentication failed");
            }
        } else {
            id = required(r, "client_id");
            secret = required(r, "client_secret");
        }
        return state.authenticateClient(id, secret)
                .orElseThrow(() -> OAuthErrors.problem(401, "invalid_client", "Client authentication failed"));
    }

    private static String required(Request r, String name) {
        String v = r.form(name);
        if (v == null || v.isBlank()) {
            // ORCID's token controller answers every IllegalArgumentException with 401 (orcid-api.md §2.2).
            throw OAuthErrors.problem(401, "invalid_request", name + " is required");
        }
        return v;
    }

    private static Response ok(tools.jackson.databind.node.ObjectNode body) {
        return Response.json(200, body.toString()).withHeader("Cache-Control", "no-store")
                .withHeader("Pragma", "no-cache");
    }
}
