package org.pidlink.app.system;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.pidlink.app.orcid.OrcidUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Sends a failed sign-in (or a request to ORCID that could not be made) to a page that says what happened,
 * by a fixed reason code: never a stack trace, never ORCID's raw text in the URL.
 */
final class SignInFailureHandler implements AuthenticationFailureHandler {

    private static final Logger log = LoggerFactory.getLogger(SignInFailureHandler.class);

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException {
        SignInFailure reason = reason(exception);
        log.info("Sign-in with ORCID failed ({}): {}", reason.code(), exception.getMessage());
        response.sendRedirect(request.getContextPath() + "/signin/failed?reason=" + reason.code());
    }

    static SignInFailure reason(AuthenticationException exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof OrcidUnavailableException) {
                return SignInFailure.UNAVAILABLE;
            }
            if (t instanceof SessionLimits.Exceeded) {
                return SignInFailure.BUSY;
            }
        }
        if (exception instanceof OAuth2AuthenticationException oauth) {
            return SignInFailure.fromOAuthError(oauth.getError().getErrorCode());
        }
        return SignInFailure.OTHER;
    }
}
