package org.pidlink.app.intake.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.pidlink.core.identifiers.OrcidId;
import org.pidlink.orcid.client.OrcidError;
import org.pidlink.orcid.client.OrcidOAuthClient;
import org.pidlink.orcid.client.OrcidResult;
import org.pidlink.orcid.client.TokenResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * ORCID's notification-permission API (orcid-api.md §7): a permission request in a researcher's ORCID inbox,
 * posted with a client-credentials token of scope {@code /premium-notification}. pidlink's ORCID client library
 * has no such call, so it lives here, with the JDK's HTTP client. Thread-safe.
 */
final class NotificationPermissionClient {

    static final String SCOPE = "/premium-notification";
    private static final String MEDIA_TYPE = "application/vnd.orcid+json";

    private final HttpClient http;
    private final URI apiBase;
    private final OrcidOAuthClient oauth;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();
    private String token;
    private Instant tokenExpires = Instant.MIN;

    NotificationPermissionClient(HttpClient http, URI apiBase, OrcidOAuthClient oauth, Clock clock) {
        this.http = Objects.requireNonNull(http, "http");
        this.apiBase = Objects.requireNonNull(apiBase, "apiBase");
        this.oauth = Objects.requireNonNull(oauth, "oauth");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A work listed in the request. */
    record Item(String title, String doi) {
    }

    /** What became of one request. */
    sealed interface Outcome {
        /** In the inbox; {@code putCode} from the Location header, or null. */
        record Sent(Long putCode) implements Outcome {
        }

        /** The client has no premium notification scope: nothing can be sent with it. */
        record NotPremium(String reason) implements Outcome {
        }

        /**
         * Not sent, and sending again will not help: the researcher does not want notifications (409/9032), the
         * record takes none (deprecated, locked: 409), or ORCID does not know the iD (404) or the request (400).
         */
        record Refused(int status, String reason) implements Outcome {

            boolean optedOut() {
                return status == 409;
            }
        }

        /** Worth another try later (network, 5xx, 503 rate limit). */
        record Retry(String reason) implements Outcome {
        }
    }

    Outcome send(OrcidId orcid, URI authorizationUrl, String subject, String intro, List<Item> items) {
        String accessToken;
        switch (token()) {
            case TokenOrOutcome.Ok ok -> accessToken = ok.token();
            case TokenOrOutcome.Not not -> {
                return not.outcome();
            }
        }
        byte[] body = json.writeValueAsBytes(document(authorizationUrl, subject, intro, items));
        HttpRequest request = HttpRequest.newBuilder(apiBase.resolve("/v3.0/" + orcid.value() + "/notification-permission"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", MEDIA_TYPE).header("Accept", MEDIA_TYPE)
                .header("Authorization", "Bearer " + accessToken)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return new Outcome.Retry("ORCID could not be reached: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome.Retry("interrupted");
        }
        int status = response.statusCode();
        if (status == 201 || status == 200) {
            return new Outcome.Sent(putCode(response));
        }
        String message = errorMessage(response.body());
        if (status == 401) {
            forgetToken();
            return new Outcome.Retry("ORCID refused the notification token (401): " + message);
        }
        if (status == 403) {
            return new Outcome.NotPremium("ORCID refused the notification (403): " + message);
        }
        if (status == 409 || status == 404 || status == 400) {
            return new Outcome.Refused(status, "ORCID refused the notification (" + status + "): " + message);
        }
        return new Outcome.Retry("ORCID answered " + status + ": " + message);
    }

    private Map<String, Object> document(URI authorizationUrl, String subject, String intro, List<Item> items) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Item item : items) {
            Map<String, Object> externalId = new LinkedHashMap<>();
            externalId.put("external-id-type", "doi");
            externalId.put("external-id-value", item.doi());
            externalId.put("external-id-relationship", "self");
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("item-type", "work");
            entry.put("item-name", item.title() == null || item.title().isBlank() ? item.doi() : item.title());
            entry.put("external-id", externalId);
            list.add(entry);
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("notification-type", "permission");
        document.put("authorization-url", Map.of("uri", authorizationUrl.toString()));
        document.put("notification-subject", subject);
        document.put("notification-intro", intro);
        document.put("items", Map.of("item", list));
        return document;
    }

    private sealed interface TokenOrOutcome {
        record Ok(String token) implements TokenOrOutcome {
        }

        record Not(Outcome outcome) implements TokenOrOutcome {
        }
    }

    private synchronized TokenOrOutcome token() {
        if (token != null && clock.instant().isBefore(tokenExpires)) {
            return new TokenOrOutcome.Ok(token);
        }
        OrcidResult<TokenResponse> result = oauth.clientCredentials(SCOPE);
        return switch (result) {
            case OrcidResult.Ok<TokenResponse> ok -> {
                token = ok.value().accessToken();
                Duration life = ok.value().expiresIn() == null ? Duration.ofHours(1) : ok.value().expiresIn();
                tokenExpires = clock.instant().plus(life).minus(Duration.ofMinutes(5));
                yield new TokenOrOutcome.Ok(token);
            }
            case OrcidResult.Failed<TokenResponse> failed -> failed.error() instanceof OrcidError.OAuthRejected
                    || failed.error() instanceof OrcidError.ScopeMissing
                    ? new TokenOrOutcome.Not(new Outcome.NotPremium("ORCID gives this client no " + SCOPE
                    + " token: " + failed.error().problem().summary()))
                    : new TokenOrOutcome.Not(new Outcome.Retry("no " + SCOPE + " token: "
                    + failed.error().problem().summary()));
        };
    }

    private synchronized void forgetToken() {
        token = null;
        tokenExpires = Instant.MIN;
    }

    private static Long putCode(HttpResponse<?> response) {
        return response.headers().firstValue("Location").map(location -> {
            String last = location.substring(location.lastIndexOf('/') + 1);
            try {
                return Long.parseLong(last);
            } catch (NumberFormatException e) {
                return null;
            }
        }).orElse(null);
    }

    private String errorMessage(String body) {
        if (body == null || body.isBlank()) {
            return "(no body)";
        }
        try {
            JsonNode node = json.readTree(body);
            JsonNode developer = node.get("developer-message");
            JsonNode code = node.get("error-code");
            if (developer != null) {
                return (code == null ? "" : code.asString() + " ") + developer.asString();
            }
        } catch (RuntimeException notJson) {
            // fall through to the raw text
        }
        return body.length() > 300 ? body.substring(0, 300) : body;
    }
}
