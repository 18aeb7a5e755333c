package org.pidlink.app.accounts;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * Where a researcher returns after granting a permission on ORCID: the page she asked from (her search, say),
 * remembered in her session, rather than always her settings. Only paths of pidlink itself are kept.
 */
public final class AfterGrant {

    private static final String ATTRIBUTE = "pidlink.after-grant";

    private AfterGrant() {
    }

    /** Remembers {@code path} (a pidlink path such as {@code /search?q=…}) for the next permission callback. */
    public static void returnTo(HttpServletRequest request, String path) {
        if (isLocalPath(path)) {
            request.getSession(true).setAttribute(ATTRIBUTE, path);
        }
    }

    /** The remembered path, forgotten as it is read. */
    static Optional<String> take(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof String path)) {
            return Optional.empty();
        }
        session.removeAttribute(ATTRIBUTE);
        return isLocalPath(path) ? Optional.of(path) : Optional.empty();
    }

    private static boolean isLocalPath(String path) {
        return path != null && path.startsWith("/") && !path.startsWith("//") && !path.contains("\\")
                && path.chars().noneMatch(Character::isISOControl);
    }
}
