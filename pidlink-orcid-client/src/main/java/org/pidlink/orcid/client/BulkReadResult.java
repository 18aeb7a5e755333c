package org.pidlink.orcid.client;

import java.util.List;

/**
 * The answer to a bulk read ({@code GET /works/{pc1,pc2,…}}).
 *
 * @param works           the works found, in ORCID's order
 * @param missingPutCodes the requested put-codes ORCID did not return (deleted, or not on this record; ORCID reports
 *                        each as a 400/9034 item)
 * @param itemErrors      the per-item errors ORCID sent, as classified errors
 */
public record BulkReadResult(List<FetchedWork> works, List<Long> missingPutCodes, List<OrcidError> itemErrors) {

    public BulkReadResult {
        works = List.copyOf(works);
        missingPutCodes = List.copyOf(missingPutCodes);
        itemErrors = List.copyOf(itemErrors);
    }
}
