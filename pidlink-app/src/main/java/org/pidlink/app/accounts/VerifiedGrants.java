package org.pidlink.app.accounts;

import java.util.Optional;

import org.pidlink.app.orcid.OrcidRegistrations;
import org.pidlink.core.identifiers.OrcidId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.stereotype.Component;

/**
 * Exchanges ORCID's authorization code for tokens and, for a permission, accepts it only when ORCID granted
 * {@code /activities/update} for the iD that asked, and no other account holds that iD's permission. A refused
 * token is revoked at ORCID at once. Refusals become OAuth errors that the callback page explains.
 */
@Component
public class VerifiedGrants implements OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> {

    static final String ORCID_MISMATCH = "orcid_mismatch";
    static final String HELD_ELSEWHERE = "held_elsewhere";
    static final String INSUFFICIENT_SCOPE = "insufficient_scope";
    private static final Logger log = LoggerFactory.getLogger(VerifiedGrants.class);

    private final OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> exchange =
            new RestClientAuthorizationCodeTokenResponseClient();
    private final OrcidRegistrations registrations;
    private final Researchers researchers;
    private final WritePermissions permissions;

    public VerifiedGrants(OrcidRegistrations registrations, Researchers researchers, WritePermissions permissions) {
        this.registrations = registrations;
        this.researchers = researchers;
        this.permissions = permissions;
    }

    @Override
    public OAuth2AccessTokenResponse getTokenResponse(OAuth2AuthorizationCodeGrantRequest request) {
        OAuth2AccessTokenResponse response = exchange.getTokenResponse(request);
        String registrationId = request.getClientRegistration().getRegistrationId();
        if (!registrations.isKnown(registrationId)) {
            return response;
        }
        Object requestedBy = request.getAuthorizationExchange().getAuthorizationRequest().getAttribute(
                PermissionRequests.REQUESTED_BY);
        Object granted = response.getAdditionalParameters().get("orcid");
        Optional<Researcher> researcher = requestedBy == null ? Optional.empty()
                : researchers.find(OrcidId.parse(requestedBy.toString()));
        if (researcher.isEmpty() || granted == null || !researcher.get().orcid().value().equals(granted.toString())) {
            refuse(registrationId, response, ORCID_MISMATCH, "ORCID granted the permission for "
                    + granted + ", but you are signed in to pidlink as " + requestedBy
                    + ". Sign in to ORCID with the iD you use in pidlink and try again.");
        }
        if (!response.getAccessToken().getScopes().contains("/activities/update")) {
            refuse(registrationId, response, INSUFFICIENT_SCOPE,
                    "ORCID did not grant permission to update your record (granted: "
                            + String.join(" ", response.getAccessToken().getScopes()) + ").");
        }
        if (permissions.heldByAnother(researcher.get(), registrationId).isPresent()) {
            refuse(registrationId, response, HELD_ELSEWHERE, "Another pidlink account already holds permission "
                    + "to update " + granted + ". Ask a pidlink administrator.");
        }
        return response;
    }

    private void refuse(String registrationId, OAuth2AccessTokenResponse response, String code, String description) {
        // Nobody will use this token: end it at ORCID rather than leave a live credential behind.
        if (!registrations.client(registrationId).oauth().revoke(response.getAccessToken().getTokenValue()).isOk()) {
            log.warn("Could not revoke a refused ORCID token of {}; it is not stored anywhere", registrationId);
        }
        log.warn("Refused an ORCID permission grant ({}): {}", code, description);
        throw new OAuth2AuthorizationException(new OAuth2Error(code, description, null));
    }
}
