package org.pidlink.orcid.client;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Objects;
import org.pidlink.core.identifiers.OrcidId;

/** What every member-API resource client shares: request headers, the listener's call, reading put-codes. */
final class MemberApi {

    static final String MEDIA_TYPE = "application/vnd.orcid+json";

    private MemberApi() {
    }

    /** {@code {apiBase}/v3.0/{orcid}{path}} with the JSON media type, the bearer token and the user agent. */
    static HttpRequest.Builder request(OrcidClientSettings settings, OrcidId orcid, String path, String accessToken) {
        Objects.requireNonNull(orcid, "orcid");
        Objects.requireNonNull(accessToken, "accessToken");
        return HttpRequest.newBuilder(URI.create(settings.apiBase() + "/v3.0/" + orcid.value() + path))
                .timeout(settings.requestTimeout())
                .header("Accept", MEDIA_TYPE)
                .header("Authorization", "Bearer " + accessToken)
                .header("User-Agent", settings.userAgent());
    }

    /** A rate-limited call on {@code /v3.0/{orcid}{pathTemplate}}. */
    static OrcidHttp.Call call(String method, String pathTemplate, OrcidId orcid, Long putCode) {
        return new OrcidHttp.Call(method, "/v3.0/{orcid}" + pathTemplate, orcid, putCode, true);
    }

    /**
     * The put-code a {@code 201 Created} names in its {@code Location}.
     *
     * @throws IllegalStateException when there is none (read by {@link OrcidHttp} as an unreadable answer)
     */
    static long createdPutCode(HttpResponse<?> response) {
        String location = response.headers().firstValue("Location").orElse(null);
        Long putCode = location == null ? null : putCodeIn(location);
        if (putCode == null) {
            throw new IllegalStateException("201 without a put-code in Location: " + (location == null ? "(none)" : location));
        }
        return putCode;
    }

    /** {@code https://api.orcid.org/v3.0/0000-…/work/1234} → 1234. */
    static Long putCodeIn(String location) {
        String path = URI.create(location.strip()).getPath();
        if (path == null) {
            return null;
        }
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        try {
            return Long.parseLong(trimmed.substring(trimmed.lastIndexOf('/') + 1));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
