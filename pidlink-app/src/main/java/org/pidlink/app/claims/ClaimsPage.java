package org.pidlink.app.claims;

import java.util.List;

/**
 * One page of the researcher's works, one row per DOI, newest first, with the figures of all of them.
 *
 * @param page       the page shown, from 1
 * @param works      how many DOIs she has claims for
 * @param onOrcid    how many of them pidlink's clients have on her ORCID record (a put-code is held)
 */
public record ClaimsPage(List<WorkRow> rows, int page, int size, long works, long onOrcid) {

    public int pages() {
        return (int) Math.max(1, (works + size - 1) / size);
    }

    public boolean hasNext() {
        return page < pages();
    }

    public boolean hasPrevious() {
        return page > 1;
    }
}
