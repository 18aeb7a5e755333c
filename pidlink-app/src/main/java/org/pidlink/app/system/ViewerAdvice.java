package org.pidlink.app.system;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Who is looking at a page, for the shared layout's navigation. */
@ControllerAdvice
class ViewerAdvice {

    /** The signed-in person, or null for a visitor. */
    public record Viewer(String orcid, String name, boolean administrator) {
    }

    @ModelAttribute("viewer")
    Viewer viewer(Authentication authentication) {
        if (authentication == null || !(authentication.getPrincipal() instanceof OidcUser user)) {
            return null;
        }
        boolean admin = authentication.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
        String name = user.getFullName() != null ? user.getFullName() : user.getSubject();
        return new Viewer(user.getSubject(), name, admin);
    }
}
