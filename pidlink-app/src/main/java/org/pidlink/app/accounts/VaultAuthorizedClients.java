package org.pidlink.app.accounts;

import java.time.Instant;
import java.util.Optional;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.pidlink.app.orcid.OrcidClientRegistrationRepository;
import org.pidlink.app.orcid.OrcidRegistrations;
import org.pidlink.core.identifiers.OrcidId;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.stereotype.Component;

/**
 * Where Spring Security puts the tokens of a completed ORCID authorization: permissions go into the encrypted
 * token vault; the sign-in token (scope {@code openid}) is not kept at all, since pidlink never uses it.
 */
@Component
public class VaultAuthorizedClients implements OAuth2AuthorizedClientRepository {

    private final Researchers researchers;
    private final WritePermissions permissions;
    private final TokenVault vault;
    private final OrcidRegistrations registrations;
    private final OrcidClientRegistrationRepository clientRegistrations;

    public VaultAuthorizedClients(Researchers researchers, WritePermissions permissions, TokenVault vault,
                                  OrcidRegistrations registrations,
                                  OrcidClientRegistrationRepository clientRegistrations) {
        this.researchers = researchers;
        this.permissions = permissions;
        this.vault = vault;
        this.registrations = registrations;
        this.clientRegistrations = clientRegistrations;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String registrationId, Authentication principal,
                                                                     HttpServletRequest request) {
        Optional<Researcher> researcher = researcher(registrationId, principal);
        if (researcher.isEmpty()) {
            return null;
        }
        OrcidId orcid = researcher.get().orcid();
        String canonical = registrations.canonical(registrationId);
        return (T) vault.find(orcid, canonical)
                .filter(p -> p.researcherId() == researcher.get().id() && p.status() == PermissionStatus.ACTIVE)
                .flatMap(p -> vault.open(orcid, canonical))
                .map(tokens -> new OAuth2AuthorizedClient(clientRegistrations.findByRegistrationId(registrationId),
                        principal.getName(),
                        new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, tokens.accessToken(), null,
                                tokens.expiresAt(), new TreeSet<>(java.util.List.of(tokens.scope().split(" ")))),
                        tokens.refreshToken() == null ? null : new OAuth2RefreshToken(tokens.refreshToken(), null)))
                .orElse(null);
    }

    @Override
    public void saveAuthorizedClient(OAuth2AuthorizedClient client, Authentication principal,
                                     HttpServletRequest request, HttpServletResponse response) {
        String registrationId = client.getClientRegistration().getRegistrationId();
        Optional<Researcher> researcher = researcher(registrationId, principal);
        if (researcher.isEmpty()) {
            return;
        }
        OAuth2AccessToken access = client.getAccessToken();
        Instant expiresAt = access.getExpiresAt();
        permissions.granted(researcher.get(), registrationId, new GrantedTokens(access.getTokenValue(),
                client.getRefreshToken() == null ? null : client.getRefreshToken().getTokenValue(),
                String.join(" ", new TreeSet<>(access.getScopes())), expiresAt));
    }

    @Override
    public void removeAuthorizedClient(String registrationId, Authentication principal, HttpServletRequest request,
                                       HttpServletResponse response) {
        // Disconnecting goes through Disconnections, which also revokes the tokens at ORCID.
    }

    private Optional<Researcher> researcher(String registrationId, Authentication principal) {
        if (!registrations.isKnown(registrationId) || principal == null) {
            return Optional.empty();
        }
        return OrcidId.tryParse(principal.getName()).toOptional().flatMap(researchers::find);
    }
}
