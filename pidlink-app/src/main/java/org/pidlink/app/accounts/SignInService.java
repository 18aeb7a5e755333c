package org.pidlink.app.accounts;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.pidlink.core.identifiers.OrcidId;
import org.pidlink.core.identifiers.ParseResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * Turns a verified ORCID id_token (Spring Security has checked its signature against ORCID's JWKS, issuer,
 * audience, expiry and nonce) into a signed-in researcher: creates or updates her account and gives her roles.
 */
@Component
public class SignInService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    public static final String ROLE_RESEARCHER = "ROLE_RESEARCHER";
    public static final String ROLE_ADMIN = "ROLE_ADMIN";
    private static final Logger log = LoggerFactory.getLogger(SignInService.class);

    private final OidcUserService delegate = new OidcUserService();
    private final Researchers researchers;
    private final Administrators administrators;
    private final Clock clock;

    public SignInService(Researchers researchers, Administrators administrators, Clock clock) {
        this.clock = clock;
        this.researchers = researchers;
        this.administrators = administrators;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = delegate.loadUser(request);
        OrcidId orcid = switch (OrcidId.tryParse(user.getSubject())) {
            case ParseResult.Valid<OrcidId> valid -> valid.value();
            case ParseResult.Invalid<OrcidId> invalid -> throw new OAuth2AuthenticationException(
                    new OAuth2Error("invalid_id_token", "the id_token's subject is not an ORCID iD", null));
        };
        Object tokenName = request.getAdditionalParameters().get("name");
        String name = tokenName instanceof String s && !s.isBlank() ? s : user.getFullName();
        Researcher researcher = researchers.signedIn(orcid, name, administrators.isConfigured(orcid), clock.instant());
        log.info("{} signed in{}", orcid, researcher.administrator() ? " (administrator)" : "");
        List<GrantedAuthority> authorities = new ArrayList<>(List.of(new SimpleGrantedAuthority(ROLE_RESEARCHER)));
        if (researcher.administrator()) {
            authorities.add(new SimpleGrantedAuthority(ROLE_ADMIN));
        }
        return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), "sub");
    }
}
