package org.pidlink.app.reconcile;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * ORCID's webhook callback: {@code POST /orcid/webhook/{secret}} with an empty body once a researcher's record
 * changed. Answered at once (ORCID counts a slow answer as a failure and retries); the reconciliation runs
 * afterwards. A secret pidlink does not know is answered 404 and changes nothing.
 */
@RestController
class WebhookCallbackController {

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
}
