package org.pidlink.app.registrants;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.pidlink.app.accounts.Researcher;
import org.pidlink.app.accounts.Researchers;
import org.pidlink.app.claims.ClaimStatus;
import org.pidlink.app.claims.ClaimView;
import org.pidlink.app.claims.Claims;
import org.pidlink.app.claims.Provenance;
import org.pidlink.core.identifiers.OrcidId;

/**
 * Makes the suggestions. Per registrant, it follows the claims on its DOIs in order of change (from a checkpoint):
 * a claim a researcher asserted herself (Search &amp; Link, import, ORCID read back) whose iD the DOI's latest
 * metadata lacks becomes a suggestion, with its name match and ORCID's trust markers; a researcher who keeps out of
 * public lookups is suggested only when the metadata names her (by name, at least the configured score). Then it
 * checks the ORCID record state of the iDs in newly received metadata (deprecated, deactivated).
 */
final class SuggestionScanner {

    /** Provenances that are the researcher's own word, not the metadata's or an administrator's. */
    private static final Set<Provenance> RESEARCHERS_OWN = EnumSet.of(Provenance.SEARCH_AND_LINK, Provenance.IMPORT);
    /** Statuses of a claim whose work the researcher no longer wants. */
    private static final Set<ClaimStatus> NOT_WANTED = EnumSet.of(ClaimStatus.REMOVED_BY_RESEARCHER,
            ClaimStatus.DELETED_FROM_ORCID);
    /** Statuses of a claim whose first write is imminent: its trust markers are read once it is on her record. */
    private static final Set<ClaimStatus> ABOUT_TO_BE_WRITTEN = EnumSet.of(ClaimStatus.PENDING, ClaimStatus.QUEUED);
    private static final int STATE_CHECKS_PER_TURN = 20;

    private final RegistrantStore registrants;
    private final Claims claims;
    private final RegistrantMetadata metadata;
    private final Suggestions suggestions;
    private final Researchers researchers;
    private final OrcidTrust orcid;
    private final RegistrantsProperties properties;

    SuggestionScanner(RegistrantStore registrants, Claims claims, RegistrantMetadata metadata, Suggestions suggestions,
                      Researchers researchers, OrcidTrust orcid, RegistrantsProperties properties) {
        this.registrants = registrants;
        this.claims = claims;
        this.metadata = metadata;
        this.suggestions = suggestions;
        this.researchers = researchers;
        this.orcid = orcid;
        this.properties = properties;
    }

    /** One portion of the work; true when there may be more. */
    boolean turn() {
        boolean more = false;
        for (Registrant registrant : registrants.all()) {
            more |= scanClaims(registrant);
        }
        if (properties.checkRecordStates()) {
            more |= checkRecordStates();
        }
        return more;
    }

    private boolean scanClaims(Registrant registrant) {
        RegistrantStore.Checkpoint from = registrants.checkpoint(registrant.id());
        List<ClaimView> changed = claims.changedUnderPrefixes(registrant.prefixes(), from.updatedAt(), from.id(),
                properties.batchSize());
        for (ClaimView claim : changed) {
            consider(registrant, claim);
        }
        if (!changed.isEmpty()) {
            ClaimView last = changed.getLast();
            registrants.advance(registrant.id(), new RegistrantStore.Checkpoint(last.updatedAt(), last.id()));
        }
        return changed.size() == properties.batchSize();
    }

    private void consider(Registrant registrant, ClaimView claim) {
        Set<Provenance> own = claim.provenance().stream().filter(RESEARCHERS_OWN::contains)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Provenance.class)));
        if (own.isEmpty()) {
            return;
        }
        if (claim.keptOut() || NOT_WANTED.contains(claim.status())) {
            suggestions.withdraw(registrant.id(), claim.doi(), claim.orcid());
            return;
        }
        if (ABOUT_TO_BE_WRITTEN.contains(claim.status()) && claim.putCode() == null) {
            // The write changes the claim, which brings it back to this scan.
            return;
        }
        Optional<RegistrantMetadata.DoiPeople> people = metadata.find(claim.doi());
        if (people.map(p -> p.orcids().contains(claim.orcid())).orElse(false)
                || suggestions.exists(registrant.id(), claim.doi(), claim.orcid())) {
            return;
        }
        List<MetadataPerson> named = people.map(p -> p.people().stream().filter(m -> m.orcid() == null).toList())
                .orElse(List.of());
        OrcidId id = new OrcidId(claim.orcid());
        Optional<Researcher> account = researchers.find(id);
        boolean inPublicLookups = !researchers.showingInPublicLookups(List.of(id)).isEmpty();
        String accountName = account.map(Researcher::name).orElse(null);
        if (!inPublicLookups && NameMatcher.best(accountName, named).score() < properties.nameMatch()) {
            // Her name on pidlink does not make the metadata name her; the ORCID record's name may.
            Trust trust = orcid.trust(id, claim.doi());
            if (NameMatcher.best(trust.nameOnRecord(), named).score() < properties.nameMatch()) {
                return;
            }
            suggest(registrant, claim, own, named, accountName, trust);
            return;
        }
        suggest(registrant, claim, own, named, accountName, orcid.trust(id, claim.doi()));
    }

    private void suggest(Registrant registrant, ClaimView claim, Set<Provenance> own, List<MetadataPerson> named,
                         String accountName, Trust trust) {
        String name = trust.nameOnRecord() != null ? trust.nameOnRecord() : accountName;
        NameMatcher.Match match = NameMatcher.best(name, named);
        NameMatcher.Match byAccount = NameMatcher.best(accountName, named);
        if (byAccount.score() > match.score()) {
            match = byAccount;
        }
        // Search & Link and import are done by the researcher signed in with ORCID: ORCID authenticated the iD.
        suggestions.create(new Suggestions.Draft(registrant.id(), claim.doi(), claim.orcid(), SuggestionReason.CLAIMED,
                name, match, own.stream().map(Enum::name).toList(), true, trust, claim.createdAt()));
    }

    private boolean checkRecordStates() {
        List<RegistrantMetadata.DoiPeople> unchecked = metadata.uncheckedStates(STATE_CHECKS_PER_TURN);
        Map<String, OrcidTrust.Read> seen = new HashMap<>();
        for (RegistrantMetadata.DoiPeople doi : unchecked) {
            boolean complete = true;
            for (MetadataPerson person : doi.people()) {
                if (person.orcid() == null) {
                    continue;
                }
                OrcidTrust.Read read = seen.computeIfAbsent(person.orcid(), o -> orcid.read(new OrcidId(o)));
                switch (read) {
                    case OrcidTrust.Gone(SuggestionReason reason) ->
                            suggestions.brokenIdInMetadata(doi.registrantId(), doi.doi(), person.orcid(), reason, person);
                    case OrcidTrust.Failed failed -> complete = false;
                    case OrcidTrust.Markers markers -> {
                    }
                    case OrcidTrust.Unknown unknown -> {
                    }
                }
            }
            if (!complete) {
                // ORCID did not answer: the next poll tries again, not this turn.
                return false;
            }
            metadata.statesChecked(doi.doi());
        }
        return unchecked.size() == STATE_CHECKS_PER_TURN;
    }
}
