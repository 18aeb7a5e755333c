package org.pidlink.app.intake.notify;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.pidlink.core.identifiers.OrcidId;
import org.pidlink.orcid.client.OrcidClient;
import org.pidlink.orcid.client.OrcidError;
import org.pidlink.orcid.client.OrcidNotificationsClient;
import org.pidlink.orcid.client.OrcidResult;
import org.pidlink.orcid.client.PermissionNotification;
import org.pidlink.orcid.client.RecordState;
import org.pidlink.orcid.client.TokenResponse;

/**
 * Sends permission requests with the registration's ORCID client and decides what each answer means for the
 * request: keeps the {@code /premium-notification} client-credentials token until shortly before it expires, and
 * forgets it when ORCID refuses it. Thread-safe.
 */
final class PermissionRequestSender {

    private static final String SCOPE = OrcidNotificationsClient.SCOPE;

    private final OrcidClient orcid;
    private final Clock clock;
    private String token;
    private Instant tokenExpires = Instant.MIN;

    PermissionRequestSender(OrcidClient orcid, Clock clock) {
        this.orcid = Objects.requireNonNull(orcid, "orcid");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A work listed in the request. */
    record Item(String title, String doi) {

        PermissionNotification.Item toNotificationItem() {
            return PermissionNotification.Item.work(itemName(title, doi), doi);
        }

        /** The title, else the DOI; cut to ORCID's limit without splitting a character. */
        static String itemName(String title, String doi) {
            String name = title == null || title.isBlank() ? doi : title.strip();
            if (name.length() <= PermissionNotification.MAX_TEXT) {
                return name;
            }
            int end = PermissionNotification.MAX_TEXT - 1;
            if (Character.isHighSurrogate(name.charAt(end - 1))) {
                end--;
            }
            return name.substring(0, end) + "…";
        }
    }

    /** What became of one request. */
    sealed interface Outcome {
        /** In the inbox, with ORCID's put-code. */
        record Sent(long putCode) implements Outcome {
        }

        /** The client has no premium notification scope: nothing can be sent with it. */
        record NotPremium(String reason) implements Outcome {
        }

        /**
         * Not sent, and sending again will not help: the researcher takes no notifications ({@code optedOut},
         * 409/9032), the record takes none (deprecated, locked), ORCID does not know the iD or refuses the request.
         */
        record Refused(boolean optedOut, String reason) implements Outcome {
        }

        /** Worth another try later (network, 5xx, 503 rate limit, a refused token). */
        record Retry(String reason) implements Outcome {
        }
    }

    Outcome send(OrcidId researcher, URI authorizationUrl, String subject, String intro, List<Item> items) {
        String accessToken;
        switch (token()) {
            case TokenOrOutcome.Ok ok -> accessToken = ok.token();
            case TokenOrOutcome.Not not -> {
                return not.outcome();
            }
        }
        PermissionNotification notification = new PermissionNotification(authorizationUrl, subject, intro,
                items.stream().map(Item::toNotificationItem).toList());
        return switch (orcid.notifications().createPermissionNotification(researcher, accessToken, notification)) {
            case OrcidResult.Ok<Long> ok -> new Outcome.Sent(ok.value());
            case OrcidResult.Failed<Long> failed -> outcome(failed.error());
        };
    }

    private Outcome outcome(OrcidError error) {
        String reason = "ORCID refused the notification (" + error.problem().summary() + ")";
        return switch (error) {
            case OrcidError.TokenRejected rejected -> {
                forgetToken();
                yield new Outcome.Retry("ORCID refused the notification token (" + error.problem().summary() + ")");
            }
            case OrcidError.ScopeMissing missing -> new Outcome.NotPremium(reason);
            case OrcidError.RecordUnavailable unavailable ->
                    new Outcome.Refused(unavailable.state() == RecordState.NOTIFICATIONS_DECLINED, reason);
            case OrcidError.NotFound notFound -> new Outcome.Refused(false, reason);
            case OrcidError.InvalidWork invalid -> new Outcome.Refused(false, reason);
            default -> new Outcome.Retry(error.retryable() ? "ORCID could not take the notification ("
                    + error.problem().summary() + ")" : reason);
        };
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
        return switch (orcid.oauth().clientCredentials(SCOPE)) {
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
}
