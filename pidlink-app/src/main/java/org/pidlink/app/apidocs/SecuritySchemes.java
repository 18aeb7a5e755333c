package org.pidlink.app.apidocs;

/** The names of the OpenAPI security schemes of an API key, for controllers' {@code @SecurityRequirement}s. */
public final class SecuritySchemes {

    /** The key in the {@code X-API-Key} header. */
    public static final String API_KEY = "apiKey";
    /** The same key as {@code Authorization: Bearer <key>}. */
    public static final String BEARER = "bearerApiKey";

    private SecuritySchemes() {
    }
}
