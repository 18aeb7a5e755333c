package org.pidlink.app.registrants;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A link suggestion as the registrant sees it (the API's and the webhook's JSON).
 *
 * @param orcid                  the iD, or for {@link SuggestionReason#INVALID_CHECKSUM} the value as found
 * @param nameOnRecord           the name on the ORCID record (public), else the name pidlink knows
 * @param match                  the creator or contributor of the metadata the researcher most likely is
 * @param provenance             who asserted the link: {@code SEARCH_AND_LINK}, {@code IMPORT}, …
 * @param authenticatedBySignIn  the iD came from the researcher's own ORCID sign-in
 * @param trust                  ORCID's record summary markers, for claimed links
 * @param rejectReason           the registrant's reason, shown to it only
 */
public record Suggestion(long id, long registrantId, String doi, String orcid, SuggestionReason reason,
                         SuggestionStatus status, @Nullable String nameOnRecord, NameMatch match,
                         List<String> provenance, boolean authenticatedBySignIn, @Nullable Trust trust,
                         @Nullable Instant claimedAt, Instant createdAt, Instant updatedAt,
                         @Nullable Instant decidedAt, @Nullable Instant addedToMetadataAt,
                         @Nullable String rejectReason) {

    public Suggestion {
        provenance = List.copyOf(provenance);
    }

    public String doiUrl() {
        return "https://doi.org/" + doi;
    }

    /**
     * The person of the metadata the iD most likely belongs to.
     *
     * @param result   {@code creator}, {@code contributor} or {@code none}
     * @param name     the person's name as the metadata gives it, or null for none
     * @param position 0-based among the creators (or contributors), or null
     * @param score    0 (none) to 1 (the same words)
     */
    public record NameMatch(String result, @Nullable String name, @Nullable Integer position, double score) {

        static NameMatch of(NameMatcher.Match match) {
            return match.none() ? new NameMatch("none", null, null, 0)
                    : new NameMatch(match.role() == null ? "creator" : match.role(), match.name(), match.position(),
                            match.score());
        }
    }
}
