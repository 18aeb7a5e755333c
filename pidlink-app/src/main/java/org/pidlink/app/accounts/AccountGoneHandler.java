package org.pidlink.app.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Ends a session that outlived its account and asks the researcher to sign in again, which recreates it. */
@ControllerAdvice(basePackageClasses = AccountGoneHandler.class)
class AccountGoneHandler {

    @ExceptionHandler(AccountGoneException.class)
    String signInAgain(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        return "redirect:/signin";
    }
}
