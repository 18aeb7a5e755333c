package org.pidlink.orcid.client;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.pidlink.core.identifiers.OrcidId;
import tools.jackson.databind.ObjectMapper;

/**
 * ORCID's webhooks (orcid-api.md §6): ORCID POSTs to a callback URI whenever a record changes. Registration needs a
 * two-legged token of scope {@value #SCOPE} ({@code oauth().clientCredentials(SCOPE)}), which ORCID grants only to
 * premium members; one token serves every record. Webhook paths carry no API version. Every request first passes
 * the {@link OrcidRateLimiter}. Thread-safe.
 */
public final class OrcidWebhooksClient {

    /** The scope of the client-credentials token webhooks take. */
    public static final String SCOPE = "/webhook";

    private static final String PATH_TEMPLATE = "/{orcid}/webhook/{callback}";

    private final OrcidClientSettings settings;
    private final OrcidHttp http;
    private final ErrorClassifier classifier;

    OrcidWebhooksClient(OrcidClientSettings settings, OrcidHttp http, ObjectMapper mapper) {
        this.settings = settings;
        this.http = http;
        this.classifier = new ErrorClassifier(mapper);
    }

    /**
     * {@code PUT /{orcid}/webhook/{callback}}: ORCID calls {@code callback} after the record changes. The value is
     * true when the webhook is new (201), false when this iD/callback pair was already registered (204). Refusals:
     * {@link OrcidError.InvalidWork} (400/9012, the callback is no URI), {@link OrcidError.NotFound} (404/9011, no
     * such record), {@link OrcidError.ScopeMissing} (403/9038, the token lacks {@value #SCOPE}),
     * {@link OrcidError.TokenRejected} (401).
     */
    public OrcidResult<Boolean> register(OrcidId orcid, URI callback, String webhookToken) {
        Redactor redactor = Redactor.of(webhookToken);
        HttpRequest request = request(orcid, callback, webhookToken)
                .PUT(HttpRequest.BodyPublishers.noBody()).build();
        return http.exchange(call("PUT", orcid), request, response -> switch (response.statusCode()) {
            case 201 -> OrcidResult.ok(true);
            case 204 -> OrcidResult.ok(false);
            default -> OrcidResult.failed(classifier.memberApi(response.statusCode(), response.body(),
                    response.headers(), redactor));
        }, created -> null);
    }

    /**
     * {@code DELETE /{orcid}/webhook/{callback}} (204). Refusals: {@link OrcidError.NotFound} (404/9028, no such
     * webhook; 9011, no such record), {@link OrcidError.NotSource} (403/9014, another client registered it),
     * {@link OrcidError.ScopeMissing} (403/9038), {@link OrcidError.TokenRejected} (401).
     */
    public OrcidResult<Void> unregister(OrcidId orcid, URI callback, String webhookToken) {
        Redactor redactor = Redactor.of(webhookToken);
        HttpRequest request = request(orcid, callback, webhookToken).DELETE().build();
        return http.exchange(call("DELETE", orcid), request, response -> response.statusCode() == 204
                ? OrcidResult.ok(null)
                : OrcidResult.failed(classifier.memberApi(response.statusCode(), response.body(),
                response.headers(), redactor)), none -> null);
    }

    private HttpRequest.Builder request(OrcidId orcid, URI callback, String webhookToken) {
        Objects.requireNonNull(orcid, "orcid");
        Objects.requireNonNull(callback, "callback");
        Objects.requireNonNull(webhookToken, "webhookToken");
        // The callback is one path segment: percent-encode all of it ('+' would read as a plus in a path).
        String encoded = URLEncoder.encode(callback.toString(), StandardCharsets.UTF_8).replace("+", "%20");
        return HttpRequest.newBuilder(URI.create(settings.apiBase() + "/" + orcid.value() + "/webhook/" + encoded))
                .timeout(settings.requestTimeout())
                .header("Accept", MemberApi.MEDIA_TYPE)
                .header("Authorization", "Bearer " + webhookToken)
                .header("User-Agent", settings.userAgent());
    }

    private static OrcidHttp.Call call(String method, OrcidId orcid) {
        return new OrcidHttp.Call(method, PATH_TEMPLATE, orcid, null, true);
    }
}
