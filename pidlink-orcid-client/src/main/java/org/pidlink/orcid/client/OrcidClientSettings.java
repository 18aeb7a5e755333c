package org.pidlink.orcid.client;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where ORCID is and how this client identifies itself.
 *
 * @param apiBase        member API host without version, e.g. {@code https://api.orcid.org}; the client adds {@code /v3.0}
 * @param oauthBase      OAuth host, e.g. {@code https://orcid.org}; the client adds {@code /oauth/token}, {@code /oauth/revoke}
 * @param clientId       the member client id ({@code APP-…})
 * @param clientSecret   the client secret; never printed by {@link #toString()}
 * @param connectTimeout TCP/TLS connect timeout
 * @param requestTimeout time allowed for a whole request, from sending until the response headers arrive
 * @param userAgent      the {@code User-Agent} header
 */
public record OrcidClientSettings(URI apiBase, URI oauthBase, String clientId, String clientSecret,
                                  Duration connectTimeout, Duration requestTimeout, String userAgent) {

    public static final URI PRODUCTION_API = URI.create("https://api.orcid.org");
    public static final URI PRODUCTION_OAUTH = URI.create("https://orcid.org");
    public static final URI SANDBOX_API = URI.create("https://api.sandbox.orcid.org");
    public static final URI SANDBOX_OAUTH = URI.create("https://sandbox.orcid.org");

    /** ORCID answers in well under a second; 10 s to connect and 30 s per request leave room for large bulk writes. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    public static final String DEFAULT_USER_AGENT = "pidlink-orcid-client/0.1 (+https://github.com/pidlink)";

    public OrcidClientSettings {
        apiBase = withoutTrailingSlash(Objects.requireNonNull(apiBase, "apiBase"));
        oauthBase = withoutTrailingSlash(Objects.requireNonNull(oauthBase, "oauthBase"));
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        connectTimeout = positive(connectTimeout, DEFAULT_CONNECT_TIMEOUT, "connectTimeout");
        requestTimeout = positive(requestTimeout, DEFAULT_REQUEST_TIMEOUT, "requestTimeout");
        userAgent = userAgent == null || userAgent.isBlank() ? DEFAULT_USER_AGENT : userAgent;
    }

    public static OrcidClientSettings production(String clientId, String clientSecret) {
        return new OrcidClientSettings(PRODUCTION_API, PRODUCTION_OAUTH, clientId, clientSecret, null, null, null);
    }

    public static OrcidClientSettings sandbox(String clientId, String clientSecret) {
        return new OrcidClientSettings(SANDBOX_API, SANDBOX_OAUTH, clientId, clientSecret, null, null, null);
    }

    /** One host serving both OAuth and the member API, as the ORCID emulator does. */
    public static OrcidClientSettings custom(URI base, String clientId, String clientSecret) {
        return new OrcidClientSettings(base, base, clientId, clientSecret, null, null, null);
    }

    public OrcidClientSettings withTimeouts(Duration connect, Duration request) {
        return new OrcidClientSettings(apiBase, oauthBase, clientId, clientSecret, connect, request, userAgent);
    }

    public OrcidClientSettings withUserAgent(String agent) {
        return new OrcidClientSettings(apiBase, oauthBase, clientId, clientSecret, connectTimeout, requestTimeout, agent);
    }

    @Override
    public String toString() {
        return "OrcidClientSettings[apiBase=" + apiBase + ", oauthBase=" + oauthBase + ", clientId=" + clientId
                + ", clientSecret=[redacted], connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout
                + ", userAgent=" + userAgent + "]";
    }

    private static URI withoutTrailingSlash(URI uri) {
        String s = uri.toString();
        if (!uri.isAbsolute() || uri.getHost() == null) {
            throw new IllegalArgumentException("ORCID base must be an absolute http(s) URI: " + s);
        }
        return s.endsWith("/") ? URI.create(s.substring(0, s.length() - 1)) : uri;
    }

    private static Duration positive(Duration value, Duration fallback, String name) {
        if (value == null) {
            return fallback;
        }
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
        return value;
    }
}
