package org.pidlink.app.accounts;

import java.util.function.Consumer;

import org.pidlink.app.orcid.OrcidRegistrations;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;

/**
 * Builds the authorization requests sent to ORCID ({@code /oauth2/authorization/{registration}}). A permission
 * request remembers which iD asked for it, so that the grant is accepted only for that iD.
 */
public final class PermissionRequests {

    /** The authorization request attribute holding the signed-in researcher's iD. */
    static final String REQUESTED_BY = "pidlink.requested-by";

    private PermissionRequests() {
    }

    public static OAuth2AuthorizationRequestResolver resolver(ClientRegistrationRepository repository) {
        DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(
                repository, "/oauth2/authorization");
        resolver.setAuthorizationRequestCustomizer(rememberRequester());
        return resolver;
    }

    private static Consumer<OAuth2AuthorizationRequest.Builder> rememberRequester() {
        return builder -> builder.attributes(attributes -> {
            Object registrationId = attributes.get(OAuth2ParameterNames.REGISTRATION_ID);
            Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
            if (!OrcidRegistrations.SIGN_IN.equals(registrationId) && signedIn != null && signedIn.isAuthenticated()) {
                attributes.put(REQUESTED_BY, signedIn.getName());
            }
        });
    }
}
