package org.pidlink.app.system;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * A query parameter of a REST call that Spring MVC could not convert ({@code ?all=maybe}) is answered like every
 * other API error: {@code application/problem+json} saying which parameter and what it takes. Outside
 * {@code /api/} the exception goes on to the browser's error page.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiRequestProblems {

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> wrongType(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        if (!request.getRequestURI().startsWith("/api/")) {
            throw e; // not an API call: Spring's own handling (the error page)
        }
        Class<?> type = e.getRequiredType();
        String expected = type == boolean.class || type == Boolean.class ? "true or false"
                : type == null ? "another value" : "a " + type.getSimpleName();
        String reason = "takes " + expected;
        ProblemDetail problem = ProblemType.INVALID_PARAMETER.detail("Parameter '" + e.getName() + "': '"
                + e.getValue() + "' is refused; it " + reason);
        problem.setProperty("parameter", e.getName());
        problem.setProperty("reason", reason);
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
