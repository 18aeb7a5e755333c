package org.pidlink.app.lookup;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.jspecify.annotations.Nullable;
import org.pidlink.app.claims.ClaimLink;

/**
 * One link between an ORCID iD and a DOI, as the public lookup shows it.
 *
 * @param status       the claim's status, e.g. {@code in_orcid}, {@code queued}
 * @param statusLabel  the status in words
 * @param inOrcid      whether the work is on the researcher's ORCID record
 * @param provenance   who asserted the link, e.g. {@code auto_update}, {@code import}
 * @param registration the ORCID client the work is (to be) written with
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Link(String orcid, String doi, @Nullable String name, String status, String statusLabel, boolean inOrcid,
            List<String> provenance, String registration, Instant updatedAt) {

    static Link of(ClaimLink claim, @Nullable String name) {
        return new Link(claim.orcid(), claim.doi(), name, lower(claim.status().name()), claim.status().label(),
                claim.status().inOrcid(), claim.provenance().stream().map(p -> lower(p.name())).toList(),
                claim.registrationId(), claim.updatedAt());
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
