package org.pidlink.app.intake.api;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Hidden;

import org.pidlink.app.system.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Keeps every answer under {@code /api/**} a problem document: unknown endpoints, and failures inside the API's
 * controllers (a submission that could not be stored was rolled back whole: nothing of it was accepted).
 */
@Hidden
@RestController
@RestControllerAdvice(basePackageClasses = ApiFallbacks.class)
class ApiFallbacks {

    private static final Logger log = LoggerFactory.getLogger(ApiFallbacks.class);

    @RequestMapping("/api/**")
    ResponseEntity<ProblemDetail> unknown(HttpServletRequest request) {
        return problem(ProblemType.NO_SUCH_ENDPOINT, "pidlink's API has no " + request.getMethod() + " "
                + request.getRequestURI() + "; DOI metadata goes to POST /api/v1/dois");
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<ProblemDetail> failed(RuntimeException e, HttpServletRequest request) {
        log.error("API call {} {} failed", request.getMethod(), request.getRequestURI(), e);
        return problem(ProblemType.NOT_STORED, "pidlink could not complete the request and "
                + "kept nothing of it; send it again later");
    }

    static ResponseEntity<ProblemDetail> problem(ProblemType type, String detail) {
        return ResponseEntity.status(type.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(type.detail(detail));
    }
}
