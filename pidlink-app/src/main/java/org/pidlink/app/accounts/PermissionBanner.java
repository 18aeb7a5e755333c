package org.pidlink.app.accounts;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Tells a signed-in researcher, on her account pages, that ORCID no longer accepts pidlink's permission and
 * that her pending updates wait for her to reconnect.
 */
@ControllerAdvice(basePackageClasses = PermissionBanner.class)
class PermissionBanner {

    private final SignedIn signedIn;
    private final WritePermissions permissions;

    PermissionBanner(SignedIn signedIn, WritePermissions permissions) {
        this.signedIn = signedIn;
        this.permissions = permissions;
    }

    @ModelAttribute("revokedPermissions")
    List<StoredPermission> revokedPermissions(Authentication authentication) {
        if (authentication == null || !(authentication.getPrincipal() instanceof OidcUser)) {
            return List.of();
        }
        return permissions.of(signedIn.researcher(authentication)).stream()
                .filter(p -> p.status() == PermissionStatus.REVOKED).toList();
    }
}
