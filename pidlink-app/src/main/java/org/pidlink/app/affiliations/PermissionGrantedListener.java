package org.pidlink.app.affiliations;

import org.pidlink.app.accounts.WritePermissionGranted;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** Approved affiliations that waited for the researcher's permission are due as soon as she grants it. */
@Component
class PermissionGrantedListener {

    private final AffiliationWriter writer;
    private final AffiliationsWriterWorker worker;
    private final String registrationId;

    PermissionGrantedListener(AffiliationWriter writer, AffiliationsWriterWorker worker,
                              AffiliationsProperties properties) {
        this.writer = writer;
        this.worker = worker;
        this.registrationId = properties.registrationId();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void granted(WritePermissionGranted granted) {
        if (granted.registrationId().equals(registrationId)) {
            writer.permissionGranted(granted.orcid());
            worker.wakeAfterCommit();
        }
    }
}
