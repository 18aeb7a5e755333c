package org.pidlink.app.reconcile;

import org.pidlink.app.system.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * ORCID's webhook callback: {@code POST /orcid/webhook/{secret}} with an empty body once a researcher's record
 * changed. Answered at once (ORCID counts a slow answer as a failure and retries); the reconciliation runs
 * afterwards. A secret pidlink does not know is answered 404 and changes nothing. When the database cannot be reached
 * in time (every connection busy under overload), the answer is 503: ORCID sends the callback again later, so the
 * change is not lost.
 */
@RestController
class WebhookCallbackController {

    private static final Logger log = LoggerFactory.getLogger(WebhookCallbackController.class);

    private final WebhookStore store;
    private final Reconciler reconciler;

    WebhookCallbackController(WebhookStore store, Reconciler reconciler) {
        this.store = store;
        this.reconciler = reconciler;
    }

    @PostMapping(WebhookRegistrar.CALLBACK_PATH + "{secret}")
    ResponseEntity<?> recordChanged(@PathVariable String secret) {
        return store.ownerOf(secret)
                .<ResponseEntity<?>>map(orcid -> {
                    reconciler.recordChanged(orcid);
                    return ResponseEntity.noContent().build();
                })
                .orElseGet(() -> ResponseEntity.of(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                        "No ORCID webhook has this callback URL.")).build());
    }

    /** The request's path holds the webhook's secret: it is not logged. */
    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<ProblemDetail> databaseUnavailable(DataAccessException e) {
        log.warn("An ORCID webhook callback could not be taken now (answered 503, ORCID sends it again): {}",
                e.getMessage());
        return ResponseEntity.status(ProblemType.NOT_STORED.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header("Retry-After", "60")
                .body(ProblemType.NOT_STORED.detail("pidlink could not take this callback now (its database did not "
                        + "answer in time); send it again later"));
    }
}
