package org.pidlink.orcid.client;

import java.time.Instant;
import java.util.Objects;
import org.pidlink.core.affiliation.AffiliationKind;

/**
 * An affiliation read from an ORCID record: whose it is, its put-code and visibility, its content as a typed value,
 * and the ORCID v3.0 JSON as ORCID sent it. External-id types come back in ORCID's stored spelling
 * ({@code source-work-id} reads back as {@code source_work_id}, orcid-api.md §11.5), so compare them leniently.
 *
 * @param sourceClientId the client that added it ({@code APP-…}), or null when a person is the source
 * @param sourceOrcid    the iD of the person who added it, or null when a client is the source
 * @param visibility     {@code public}, {@code limited}, {@code registered-only} or {@code private}, or null
 * @param affiliation    the content; null when ORCID holds something this model cannot (an item older than ORCID's
 *                       current schema, e.g. a source ORCID no longer takes): {@code json} still has it
 * @param json           the item (or summary) as ORCID sent it
 */
public record FetchedAffiliation(AffiliationKind kind, long putCode, String sourceClientId, String sourceOrcid,
                                 String sourceName, String visibility, Instant createdDate, Instant lastModified,
                                 Affiliation affiliation, String json) {

    public FetchedAffiliation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(json, "json");
    }

    public boolean isFromClient(String clientId) {
        return clientId != null && clientId.equals(sourceClientId);
    }

    @Override
    public String toString() {
        return "FetchedAffiliation[" + kind.value() + " " + putCode + ", source=" + sourceClientId + ", organization="
                + (affiliation == null ? "?" : affiliation.organization().name()) + "]";
    }
}
