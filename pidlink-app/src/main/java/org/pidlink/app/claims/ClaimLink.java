package org.pidlink.app.claims;

import java.time.Instant;
import java.util.Set;

/**
 * A claim as a link between an ORCID iD and a DOI, without its work: what the public lookup lists, read from the
 * claim's index columns only.
 */
public record ClaimLink(String orcid, String doi, String registrationId, Set<Provenance> provenance,
                        ClaimStatus status, Instant updatedAt) {
}
