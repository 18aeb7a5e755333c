package org.pidlink.app.searchlink;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.pidlink.app.claims.ClaimResult;
import org.pidlink.app.claims.ClaimAction;
import org.pidlink.app.claims.ClaimStatus;
import org.pidlink.app.claims.ClaimView;
import org.pidlink.app.claims.Claims;
import org.pidlink.app.claims.Provenance;
import org.pidlink.app.orcid.OrcidRegistrations;
import org.pidlink.app.searchlink.DoiIndex.IndexedDoi;
import org.pidlink.core.identifiers.Doi;
import org.pidlink.core.identifiers.OrcidId;

/**
 * What a researcher does on the search page: find DOIs, claim one (asserted with provenance
 * {@link Provenance#SEARCH_AND_LINK} on the {@code search-link} registration) or take her claim back.
 */
final class SearchLink {

    static final String REGISTRATION = OrcidRegistrations.SEARCH_LINK;

    private final DoiIndex index;
    private final Claims claims;
    private final OrcidRegistrations registrations;

    SearchLink(DoiIndex index, Claims claims, OrcidRegistrations registrations) {
        this.index = Objects.requireNonNull(index, "index");
        this.claims = Objects.requireNonNull(claims, "claims");
        this.registrations = Objects.requireNonNull(registrations, "registrations");
    }

    /**
     * One search result as the researcher sees it.
     *
     * @param namesHer whether the DOI's metadata names her iD (auto-update writes it then)
     * @param claim    her search-and-link claim on it, or null when she has not claimed it
     */
    record Found(IndexedDoi doi, boolean namesHer, @Nullable ClaimView claim) {

        public boolean claimed() {
            return claim != null;
        }

        public boolean waitingForPermission() {
            return claim != null && (claim.status() == ClaimStatus.WAITING_FOR_PERMISSION
                    || claim.status() == ClaimStatus.PERMISSION_REVOKED);
        }
    }

    List<Found> search(OrcidId researcher, String query) {
        List<IndexedDoi> found = index.search(query);
        if (found.isEmpty()) {
            return List.of();
        }
        Map<String, ClaimView> claimed = new HashMap<>();
        String registration = registrations.canonical(REGISTRATION);
        for (ClaimView claim : claims.forResearcher(researcher)) {
            if (claim.registrationId().equals(registration) && claim.provenance().contains(Provenance.SEARCH_AND_LINK)
                    && !leavingOrcid(claim)) {
                claimed.put(claim.doi(), claim);
            }
        }
        return found.stream().map(d -> new Found(d, d.orcids().contains(researcher.value()),
                claimed.get(d.doi().value()))).toList();
    }

    /** Unclaimed, its work is being (or was) deleted from ORCID: the provenance stays for the record's history. */
    private static boolean leavingOrcid(ClaimView claim) {
        return claim.queuedAction() == ClaimAction.DELETE || claim.status() == ClaimStatus.DELETED_FROM_ORCID;
    }

    /** Claims {@code doi} for the researcher; empty when pidlink has no metadata for it that may be shown. */
    Optional<ClaimResult> claim(OrcidId researcher, Doi doi) {
        return index.find(doi).map(indexed -> claims.assertClaim(researcher, doi, REGISTRATION,
                Provenance.SEARCH_AND_LINK, indexed.work()));
    }

    /** Takes her search-and-link claim back; the work leaves ORCID when nothing else asserts it. */
    void unclaim(OrcidId researcher, Doi doi) {
        claims.withdraw(researcher, doi, REGISTRATION, Provenance.SEARCH_AND_LINK,
                "unclaimed by the researcher in search & link");
    }
}
