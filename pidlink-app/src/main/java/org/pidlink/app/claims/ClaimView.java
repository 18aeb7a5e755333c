package org.pidlink.app.claims;

import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A claim as the researcher (and the administrator) sees it.
 *
 * @param title         the work's title, from the payload
 * @param orcidMessage  ORCID's own message for the last failure
 * @param nextAttemptAt when a failed write is retried ({@link ClaimStatus#FAILED_WILL_RETRY})
 * @param keptOut       the researcher removed the work: only "put it back" adds it again
 */
public record ClaimView(
        long id,
        String orcid,
        String doi,
        String registrationId,
        Set<Provenance> provenance,
        @Nullable String title,
        @Nullable Long putCode,
        ClaimStatus status,
        @Nullable String statusReason,
        @Nullable String orcidMessage,
        @Nullable ClaimAction queuedAction,
        int attempts,
        @Nullable Instant nextAttemptAt,
        boolean keptOut,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant writtenAt) {

    public String doiUrl() {
        return "https://doi.org/" + doi;
    }
}
