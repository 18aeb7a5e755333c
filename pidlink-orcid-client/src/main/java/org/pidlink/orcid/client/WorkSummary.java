package org.pidlink.orcid.client;

import java.time.Instant;
import java.util.List;

/**
 * What pidlink needs to know about one work on a record: whose it is and which identifiers it carries.
 *
 * @param putCode         ORCID's id of the work within the record
 * @param sourceClientId  the client that added it ({@code APP-…}), or null when a person is the source
 * @param sourceOrcid     the iD of the person who added it, or null when a client is the source
 * @param sourceName      the source's display name, or null
 * @param title           the title, or null
 * @param type            the work type ({@code journal-article}, …), or null
 * @param externalIds     the work's own external identifiers (not the group's), in ORCID's order
 * @param publicationDate {@code yyyy}, {@code yyyy-MM} or {@code yyyy-MM-dd}, or null
 * @param visibility      {@code public}, {@code limited}, {@code registered-only}, {@code private}, or null
 * @param lastModified    ORCID's last-modified date, or null
 */
public record WorkSummary(long putCode, String sourceClientId, String sourceOrcid, String sourceName, String title,
                          String type, List<ExternalId> externalIds, String publicationDate, String visibility,
                          Instant lastModified) {

    public WorkSummary {
        externalIds = List.copyOf(externalIds);
    }

    public boolean isFromClient(String clientId) {
        return clientId != null && clientId.equals(sourceClientId);
    }

    public List<ExternalId> selfIds() {
        return externalIds.stream().filter(ExternalId::isSelf).toList();
    }
}
