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
    record Found(IndexedDoi doi, boolean namesHer, @Nullable ClaimView claim, @Nullable ClaimView autoUpdate) {

        public boolean claimed() {
            return claim != null;
        }

        /**
         * Auto-update (another of pidlink's ORCID clients) has the work on her record, or is adding it: claiming
         * it here would write a second copy under the other client.
         */
        public boolean byAutoUpdate() {
            return claim == null && autoUpdate != null;
        }

        /** Whether auto-update's copy is on her record already (otherwise it is on its way, or waits). */
        public boolean autoUpdateWritten() {
            return autoUpdate != null && autoUpdate.putCode() != null;
        }

        /** The metadata names ORCID iDs, none of them hers: she is probably not one of its authors. */
        public boolean namesOthersOnly() {
            return !namesHer && !doi.orcids().isEmpty();
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
        Map<String, ClaimView> otherClient = new HashMap<>();
        String registration = registrations.canonical(REGISTRATION);
        for (ClaimView claim : claims.forResearcher(researcher, found.stream().map(IndexedDoi::doi).toList())) {
            if (claim.registrationId().equals(registration)) {
                if (claim.provenance().contains(Provenance.SEARCH_AND_LINK) && !leavingOrcid(claim)) {
                    claimed.put(claim.doi(), claim);
                }
            } else if (onOrComingToOrcid(claim)) {
                otherClient.put(claim.doi(), claim);
            }
        }
        return found.stream().map(d -> new Found(d, d.orcids().contains(researcher.value()),
                claimed.get(d.doi().value()), otherClient.get(d.doi().value()))).toList();
    }

    /** The claim's work is on her record, or pidlink means to put it there (not kept out, not leaving). */
    private static boolean onOrComingToOrcid(ClaimView claim) {
        return claim.putCode() != null && claim.queuedAction() != ClaimAction.DELETE
                || !claim.keptOut() && !leavingOrcid(claim) && claim.status() != ClaimStatus.FAILED_PERMANENTLY;
    }

    /** Why she should not claim {@code doi} here, or empty when she may. */
    Optional<Found> before(OrcidId researcher, Doi doi) {
        return index.find(doi).map(indexed -> {
            ClaimView other = claims.forResearcher(researcher, List.of(doi)).stream()
                    .filter(c -> !c.registrationId().equals(registrations.canonical(REGISTRATION)))
                    .filter(SearchLink::onOrComingToOrcid).findFirst().orElse(null);
            return new Found(indexed, indexed.orcids().contains(researcher.value()), null, other);
        });
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
                "you unclaimed it in search & link");
    }
}
