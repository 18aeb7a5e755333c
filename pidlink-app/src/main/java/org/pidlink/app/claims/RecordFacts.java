package org.pidlink.app.claims;

import org.jspecify.annotations.Nullable;

/**
 * What the researcher's filters read of a DOI's record beyond the work itself, told with every assertion.
 *
 * @param doiState  {@link #FINDABLE} or {@link #REGISTERED} (hidden or withdrawn by its repository); null when
 *                  the source does not say (a work she linked herself), which passes the filters
 * @param versionOf the relation that makes the DOI a version, part or copy of another DOI, e.g. {@code IsVersionOf
 *                  10.5281/zenodo.1}, or null
 */
public record RecordFacts(@Nullable String doiState, @Nullable String versionOf) {

    public static final String FINDABLE = "FINDABLE";
    public static final String REGISTERED = "REGISTERED";

    /** Nothing known beyond the work: every filter on the record's state or relations lets it pass. */
    public static final RecordFacts UNKNOWN = new RecordFacts(null, null);

    public RecordFacts {
        if (doiState != null && !FINDABLE.equals(doiState) && !REGISTERED.equals(doiState)) {
            throw new IllegalArgumentException("a claimed DOI is findable or registered, not " + doiState);
        }
    }

    public static RecordFacts of(boolean findable, @Nullable String versionOf) {
        return new RecordFacts(findable ? FINDABLE : REGISTERED, versionOf);
    }
}
