package org.pidlink.orcid.client;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.pidlink.core.identifiers.OrcidId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * ORCID's token endpoint ({@code POST {oauthBase}/oauth/token}) and revocation ({@code POST {oauthBase}/oauth/revoke}),
 * authenticating with the client id and secret in the form body ({@code client_secret_post}). Thread-safe.
 */
public final class OrcidOAuthClient {

    private static final String TOKEN_PATH = "/oauth/token";
    private static final String REVOKE_PATH = "/oauth/revoke";

    private final OrcidClientSettings settings;
    private final OrcidHttp http;
    private final ObjectMapper mapper;
    private final ErrorClassifier classifier;

    OrcidOAuthClient(OrcidClientSettings settings, OrcidHttp http, ObjectMapper mapper) {
        this.settings = settings;
        this.http = http;
        this.mapper = mapper;
        this.classifier = new ErrorClassifier(mapper);
    }

    /** Exchanges the one-time authorization code from the redirect for tokens (3-legged OAuth). */
    public OrcidResult<TokenResponse> exchangeCode(String code, URI redirectUri) {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(redirectUri, "redirectUri");
        Map<String, String> form = clientForm("authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri.toString());
        return token(form, Redactor.of(settings.clientSecret(), code));
    }

    /**
     * Gets a new access token (and refresh token) from a refresh token.
     *
     * @param scope     a subset of the parent token's scopes, or null to keep them all
     * @param revokeOld whether ORCID should disable the parent access token at once
     */
    public OrcidResult<TokenResponse> refresh(String refreshToken, String scope, boolean revokeOld) {
        Objects.requireNonNull(refreshToken, "refreshToken");
        Map<String, String> form = clientForm("refresh_token");
        form.put("refresh_token", refreshToken);
        if (scope != null && !scope.isBlank()) {
            form.put("scope", scope);
        }
        form.put("revoke_old", Boolean.toString(revokeOld));
        return token(form, Redactor.of(settings.clientSecret(), refreshToken));
    }

    /** A 2-legged token for this client, e.g. {@code /read-public}, {@code /webhook}, {@code /premium-notification}. */
    public OrcidResult<TokenResponse> clientCredentials(String scope) {
        Objects.requireNonNull(scope, "scope");
        Map<String, String> form = clientForm("client_credentials");
        form.put("scope", scope);
        return token(form, Redactor.of(settings.clientSecret()));
    }

    /**
     * Revokes an access or a refresh token (revoking an access token also ends its refresh token). ORCID answers 200
     * for tokens it does not know as well, so a success says only that the token is unusable now.
     */
    public OrcidResult<Void> revoke(String token) {
        Objects.requireNonNull(token, "token");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", settings.clientId());
        form.put("client_secret", settings.clientSecret());
        form.put("token", token);
        Redactor redactor = Redactor.of(settings.clientSecret(), token);
        return http.exchange(new OrcidHttp.Call("POST", REVOKE_PATH, null, null, false),
                formRequest(REVOKE_PATH, form),
                response -> response.statusCode() / 100 == 2
                        ? OrcidResult.ok(null)
                        : OrcidResult.failed(failure(response, redactor)), null);
    }

    private OrcidResult<TokenResponse> token(Map<String, String> form, Redactor redactor) {
        return http.exchange(new OrcidHttp.Call("POST", TOKEN_PATH, null, null, false),
                formRequest(TOKEN_PATH, form),
                response -> response.statusCode() == 200
                        ? OrcidResult.ok(parseToken(response.body()))
                        : OrcidResult.failed(failure(response, redactor)), null);
    }

    private OrcidError failure(HttpResponse<byte[]> response, Redactor redactor) {
        return classifier.oauth(response.statusCode(), response.body(), response.headers(), redactor);
    }

    private TokenResponse parseToken(byte[] body) {
        JsonNode json = mapper.readTree(body);
        String accessToken = Json.text(json.path("access_token"));
        if (accessToken == null || accessToken.isBlank()) {
            throw new IllegalStateException("token response without access_token");
        }
        Long expiresIn = Json.longOrNull(json.path("expires_in"));
        String orcid = Json.text(json.path("orcid"));
        return new TokenResponse(accessToken, Json.text(json.path("token_type")),
                Json.text(json.path("refresh_token")), Json.text(json.path("scope")),
                expiresIn == null ? null : Duration.ofSeconds(expiresIn),
                orcid == null || orcid.isBlank() ? null : OrcidId.parse(orcid),
                Json.text(json.path("name")), Json.text(json.path("id_token")));
    }

    private Map<String, String> clientForm(String grantType) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", settings.clientId());
        form.put("client_secret", settings.clientSecret());
        form.put("grant_type", grantType);
        return form;
    }

    private HttpRequest formRequest(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(URI.create(settings.oauthBase() + path))
                .timeout(settings.requestTimeout())
                .header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("User-Agent", settings.userAgent())
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
    }
}
