package org.pidlink.app.system;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.pidlink.app.orcid.OrcidUnavailableException;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.RequestDispatcher;

/** Every error a browser meets gets pidlink's page saying what went wrong, in words, never a stack trace. */
@Component
class ErrorPages implements ErrorViewResolver {

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        HttpStatus shown = status;
        String title;
        String detail;
        if (causedByOrcidOutage(request)) {
            shown = HttpStatus.BAD_GATEWAY;
            title = "ORCID cannot be reached";
            detail = "pidlink could not reach ORCID just now. Nothing was changed. Please try again in a few minutes.";
        } else {
            title = switch (status) {
                case NOT_FOUND -> "Page not found";
                case FORBIDDEN -> "Not allowed";
                case BAD_REQUEST -> "Bad request";
                case METHOD_NOT_ALLOWED -> "Not allowed here";
                default -> status.is5xxServerError() ? "Something went wrong" : status.getReasonPhrase();
            };
            // Only 4xx reasons are shown: they are pidlink's own words (ResponseStatusException), never an exception's.
            Object message = status.is4xxClientError() ? request.getAttribute(RequestDispatcher.ERROR_MESSAGE) : null;
            detail = switch (status) {
                case NOT_FOUND -> message instanceof String m && !m.isBlank() && !"No message available".equals(m) ? m
                        : "There is no page at this address.";
                case FORBIDDEN -> "Your account may not see this page, or the form had expired: reload the page and try again.";
                default -> status.is5xxServerError()
                        ? "pidlink could not complete the request. Nothing you entered was lost; please try again."
                        : message instanceof String m && !m.isBlank() && !"No message available".equals(m) ? m
                        : "pidlink could not understand the request.";
            };
        }
        return new ModelAndView("system/error",
                Map.of("status", shown.value(), "problemTitle", title, "problemDetail", detail), shown);
    }

    private static boolean causedByOrcidOutage(HttpServletRequest request) {
        for (Object t = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION); t instanceof Throwable e;
             t = e.getCause()) {
            if (e instanceof OrcidUnavailableException) {
                return true;
            }
        }
        return false;
    }
}
