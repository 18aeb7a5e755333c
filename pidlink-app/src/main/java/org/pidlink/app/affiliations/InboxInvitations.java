package org.pidlink.app.affiliations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.pidlink.orcid.client.OrcidClient;
import org.pidlink.orcid.client.OrcidError;
import org.pidlink.orcid.client.OrcidNotificationsClient;
import org.pidlink.orcid.client.OrcidResult;
import org.pidlink.orcid.client.PermissionNotification;
import org.pidlink.orcid.client.TokenResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the permission link of a person whose iD is known to her ORCID inbox, as a permission notification listing
 * the affiliations waiting for her (ORCID shows them with the link). Needs the client's
 * {@code /premium-notification} scope, whose client-credentials token is kept until shortly before it expires.
 * The client it is given makes HOUSEKEEPING calls. Thread-safe.
 */
final class InboxInvitations {

    private static final Logger log = LoggerFactory.getLogger(InboxInvitations.class);

    private final OrcidClient orcid;
    private final Clock clock;
    private final AffiliationsProperties.Inbox settings;
    private String token;
    private Instant tokenExpires = Instant.MIN;

    InboxInvitations(OrcidClient orcid, Clock clock, AffiliationsProperties.Inbox settings) {
        this.orcid = Objects.requireNonNull(orcid, "orcid");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Sends one notification; answers null when sent, else why not (in words for the administrators' page). */
    String send(PermissionLinks.IssuedLink link, List<StoredAffiliation> waiting) {
        String accessToken = token();
        if (accessToken == null) {
            return "ORCID gives pidlink's client no " + OrcidNotificationsClient.SCOPE + " token (inbox "
                    + "notifications need ORCID's premium membership); send the link another way";
        }
        List<PermissionNotification.Item> items = waiting.stream().limit(100)
                .map(a -> PermissionNotification.Item.affiliation(a.affiliation())).toList();
        PermissionNotification notification = new PermissionNotification(link.url(), settings.subject(),
                settings.intro(), items);
        return switch (orcid.notifications().createPermissionNotification(link.person().orcid(), accessToken,
                notification)) {
            case OrcidResult.Ok<Long> ok -> {
                log.info("Sent an affiliation permission request to the ORCID inbox of {} ({} item(s))",
                        link.person().orcid(), items.size());
                yield null;
            }
            case OrcidResult.Failed<Long> failed -> {
                if (failed.error() instanceof OrcidError.TokenRejected) {
                    forgetToken();
                }
                yield "ORCID refused the notification: " + failed.error().problem().summary();
            }
        };
    }

    private synchronized String token() {
        if (token != null && clock.instant().isBefore(tokenExpires)) {
            return token;
        }
        return switch (orcid.oauth().clientCredentials(OrcidNotificationsClient.SCOPE)) {
            case OrcidResult.Ok<TokenResponse> ok -> {
                token = ok.value().accessToken();
                Duration life = ok.value().expiresIn() == null ? Duration.ofHours(1) : ok.value().expiresIn();
                tokenExpires = clock.instant().plus(life).minus(Duration.ofMinutes(5));
                yield token;
            }
            case OrcidResult.Failed<TokenResponse> failed -> {
                log.info("No {} token: {}", OrcidNotificationsClient.SCOPE, failed.error().problem().summary());
                yield null;
            }
        };
    }

    private synchronized void forgetToken() {
        token = null;
        tokenExpires = Instant.MIN;
    }
}
