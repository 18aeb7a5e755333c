package org.pidlink.emulator.http;

/** What a route belongs to; decides rate limiting, fault injection and what the stats/request log record. */
public enum RouteKind {
    /** Member and public API (v3.0, webhooks): rate-limited, faults injected, counted per client. */
    API,
    /** OAuth/OIDC endpoints (token, revoke, authorize, jwks, userinfo): counted, never limited. */
    OAUTH,
    /** HTML pages for people. */
    PAGE,
    /** {@code /_emulator/} control API: neither limited nor counted. */
    CONTROL
}
