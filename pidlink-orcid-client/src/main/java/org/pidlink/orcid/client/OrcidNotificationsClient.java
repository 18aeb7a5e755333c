package org.pidlink.orcid.client;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Objects;
import org.pidlink.core.identifiers.OrcidId;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * ORCID's notification-permission API (orcid-api.md §7): a permission request placed in a researcher's ORCID inbox,
 * the way DOI agencies ask for auto-update permission. It needs a two-legged token of scope {@value #SCOPE}
 * ({@code oauth().clientCredentials(SCOPE)}), which ORCID grants only to clients it enabled for it. Every request
 * first passes the {@link OrcidRateLimiter}. Thread-safe.
 */
public final class OrcidNotificationsClient {

    /** The scope of the client-credentials token the notification API takes. */
    public static final String SCOPE = "/premium-notification";

    private static final String PATH = "/notification-permission";

    private final OrcidClientSettings settings;
    private final OrcidHttp http;
    private final ObjectMapper mapper;
    private final ErrorClassifier classifier;

    OrcidNotificationsClient(OrcidClientSettings settings, OrcidHttp http, ObjectMapper mapper) {
        this.settings = settings;
        this.http = http;
        this.mapper = mapper;
        this.classifier = new ErrorClassifier(mapper);
    }

    /**
     * {@code POST /notification-permission}: puts the request in the researcher's inbox; the value is its put-code
     * (from {@code Location}). ORCID's refusals arrive as usual: {@link OrcidError.ScopeMissing} (403/9038, the token
     * lacks {@value #SCOPE}), {@link OrcidError.NotFound} (404/9016, no such record),
     * {@link OrcidError.RecordUnavailable} with {@link RecordState#NOTIFICATIONS_DECLINED} (409/9032, the researcher
     * takes no notifications from members) or a record state, {@link OrcidError.InvalidWork} (400: 9020 authorization
     * URL, 9023 an item's external-id, 9001 schema), {@link OrcidError.TokenRejected} (401).
     */
    public OrcidResult<Long> createPermissionNotification(OrcidId orcid, String premiumToken,
                                                          PermissionNotification notification) {
        Objects.requireNonNull(notification, "notification");
        Redactor redactor = Redactor.of(premiumToken);
        HttpRequest request = MemberApi.request(settings, orcid, PATH, premiumToken)
                .header("Content-Type", MemberApi.MEDIA_TYPE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(document(notification))))
                .build();
        return http.exchange(MemberApi.call("POST", PATH, orcid, null), request, response ->
                response.statusCode() == 201
                        ? OrcidResult.ok(MemberApi.createdPutCode(response))
                        : OrcidResult.failed(classifier.memberApi(response.statusCode(), response.body(),
                        response.headers(), redactor)), pc -> pc);
    }

    /** The JSON shape of ORCID's Jackson/JAXB mapping of notification-permission-3.0.xsd (orcid-api.md §7). */
    private ObjectNode document(PermissionNotification n) {
        ObjectNode document = mapper.createObjectNode();
        document.put("notification-type", "permission");
        URI url = n.authorizationUrl();
        document.putObject("authorization-url").put(url.isAbsolute() ? "uri" : "path", url.toString());
        document.put("notification-subject", n.subject());
        document.put("notification-intro", n.intro());
        ArrayNode items = document.putObject("items").putArray("item");
        for (PermissionNotification.Item item : n.items()) {
            ObjectNode entry = items.addObject();
            entry.put("item-type", item.type());
            entry.put("item-name", item.name());
            if (item.externalId() != null) {
                entry.putObject("external-id")
                        .put("external-id-type", item.externalId().type())
                        .put("external-id-value", item.externalId().value())
                        .put("external-id-relationship", item.externalId().relationship());
            }
        }
        return document;
    }
}
