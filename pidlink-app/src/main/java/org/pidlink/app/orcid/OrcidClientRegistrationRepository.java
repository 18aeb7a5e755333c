package org.pidlink.app.orcid;

import java.net.URI;
import java.util.Map;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;

/**
 * Spring Security's view of pidlink's ORCID registrations: {@code orcid} (sign in, OpenID Connect) and the two
 * permission registrations ({@code auto-update}, {@code search-link}; 3-legged {@code /activities/update
 * /read-limited}). Endpoints come from ORCID's OpenID discovery document, read at first use rather than at
 * start, so that pidlink starts (and serves what does not need ORCID) while ORCID is down.
 */
public final class OrcidClientRegistrationRepository implements ClientRegistrationRepository {

    /** The scopes of the permission to update a record. */
    public static final String PERMISSION_SCOPES = "/activities/update /read-limited";
    /** Where ORCID sends the researcher back after a permission request, followed by the registration id. */
    public static final String PERMISSION_CALLBACK = "/account/orcid/granted/";

    private final OrcidRegistrations registrations;
    /** {@code pidlink.public-url}, or Spring Security's {@code {baseUrl}}: the request's own address. */
    private final String baseUrl;
    private volatile Map<String, ClientRegistration> discovered;

    public OrcidClientRegistrationRepository(OrcidRegistrations registrations, PublicUrl publicUrl) {
        this.registrations = registrations;
        this.baseUrl = publicUrl.get().map(URI::toString).orElse("{baseUrl}");
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        Map<String, ClientRegistration> known = discovered;
        if (known == null) {
            known = discover();
        }
        return known.get(registrationId);
    }

    private synchronized Map<String, ClientRegistration> discover() {
        if (discovered != null) {
            return discovered;
        }
        String issuer = registrations.oauthBase().toString();
        ClientRegistration base;
        try {
            base = ClientRegistrations.fromIssuerLocation(issuer).registrationId("discovered")
                    .clientId("discovered").build();
        } catch (RuntimeException e) {
            throw new OrcidUnavailableException("ORCID's OpenID Connect discovery document at " + issuer
                    + "/.well-known/openid-configuration could not be read: " + e.getMessage(), e);
        }
        OrcidProperties.Credentials signIn = registrations.credentials(OrcidRegistrations.AUTO_UPDATE);
        ClientRegistration orcid = ClientRegistration.withClientRegistration(base)
                .registrationId(OrcidRegistrations.SIGN_IN)
                .clientId(signIn.clientId()).clientSecret(signIn.clientSecret())
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(baseUrl + "/login/oauth2/code/{registrationId}")
                .scope("openid").clientName("ORCID").userNameAttributeName("sub")
                .build();
        discovered = Map.of(OrcidRegistrations.SIGN_IN, orcid,
                OrcidRegistrations.AUTO_UPDATE, permission(base, OrcidRegistrations.AUTO_UPDATE),
                OrcidRegistrations.SEARCH_LINK, permission(base, OrcidRegistrations.SEARCH_LINK));
        return discovered;
    }

    private ClientRegistration permission(ClientRegistration base, String registrationId) {
        OrcidProperties.Credentials credentials = registrations.credentials(registrationId);
        return ClientRegistration.withClientRegistration(base)
                .registrationId(registrationId)
                .clientId(credentials.clientId()).clientSecret(credentials.clientSecret())
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(baseUrl + PERMISSION_CALLBACK + "{registrationId}")
                .scope(PERMISSION_SCOPES.split(" ")).clientName("ORCID " + registrationId)
                .build();
    }
}
