package org.pidlink.app.accounts;

import java.net.URI;
import java.time.Clock;
import java.util.Optional;

import org.pidlink.app.orcid.OrcidRegistrations;
import org.pidlink.orcid.client.OrcidError;
import org.pidlink.orcid.client.OrcidResult;
import org.pidlink.orcid.client.TokenResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps a permission granted from the ORCID inbox. The inbox request's link is ORCID's own authorize page for
 * pidlink's client, so ORCID's answer arrives at the permission callback with a code and no state: no request of
 * this session is waiting for it. The code is exchanged here, and the grant is kept only when ORCID granted
 * {@code /activities/update} for the very iD the researcher signed in with, and no other account holds that
 * iD's permission; a refused token is revoked at ORCID at once. Refusals answer the OAuth error codes the
 * callback page explains.
 */
@Component
class InboxGrants {

    private static final Logger log = LoggerFactory.getLogger(InboxGrants.class);

    private final OrcidRegistrations registrations;
    private final WritePermissions permissions;
    private final Clock clock;

    InboxGrants(OrcidRegistrations registrations, WritePermissions permissions, Clock clock) {
        this.registrations = registrations;
        this.permissions = permissions;
        this.clock = clock;
    }

    /** What became of the grant: kept (and whether auto-update is now on), or refused with an OAuth error code. */
    sealed interface Outcome {
        record Kept(boolean autoUpdateTurnedOn) implements Outcome {
        }

        record Refused(String error) implements Outcome {
        }
    }

    /**
     * @param redirectUri the callback address ORCID sent the researcher to, which the exchange must repeat
     */
    Outcome keep(Researcher researcher, String registrationId, String code, URI redirectUri) {
        String canonical = registrations.canonical(registrationId);
        OrcidResult<TokenResponse> exchanged = registrations.client(canonical).oauth().exchangeCode(code, redirectUri);
        TokenResponse token;
        switch (exchanged) {
            case OrcidResult.Ok<TokenResponse> ok -> token = ok.value();
            case OrcidResult.Failed<TokenResponse> failed -> {
                log.warn("ORCID did not exchange an inbox grant's code: {}", failed.error().problem().summary());
                return new Outcome.Refused(failed.error() instanceof OrcidError.OAuthRejected
                        ? "invalid_grant" : "invalid_token_response");
            }
        }
        Optional<String> refusal = Optional.empty();
        if (token.orcid() == null || !token.orcid().equals(researcher.orcid())) {
            refusal = Optional.of(VerifiedGrants.ORCID_MISMATCH);
        } else if (!token.scopes().contains("/activities/update")) {
            refusal = Optional.of(VerifiedGrants.INSUFFICIENT_SCOPE);
        } else if (permissions.heldByAnother(researcher, canonical).isPresent()) {
            refusal = Optional.of(VerifiedGrants.HELD_ELSEWHERE);
        }
        if (refusal.isPresent()) {
            // Nobody will use this token: end it at ORCID rather than leave a live credential behind.
            if (!registrations.client(canonical).oauth().revoke(token.accessToken()).isOk()) {
                log.warn("Could not revoke a refused ORCID token of {}; it is not stored anywhere", canonical);
            }
            log.warn("Refused an ORCID inbox grant of {} ({})", researcher.orcid(), refusal.get());
            return new Outcome.Refused(refusal.get());
        }
        return new Outcome.Kept(permissions.granted(researcher, registrationId,
                WritePermissions.tokens(token, clock.instant())));
    }
}
