package org.pidlink.core.skip;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.pidlink.core.metadata.DoiRecord;
import org.pidlink.core.metadata.DoiState;
import org.pidlink.core.metadata.RelatedIdentifier;
import org.pidlink.core.metadata.ResourceType;

/**
 * Which DOIs pidlink does not write to ORCID, each with the reason it gives.
 *
 * <ul>
 *   <li><b>State.</b> Only findable DOIs are written: a draft is not public and a registered DOI was hidden or
 *   retracted. A record whose state is {@link DoiState#UNKNOWN} counts as findable by default, because only
 *   public channels (DataCite's public API and files, Crossref, which has no states) deliver metadata without a
 *   state, and they deliver findable DOIs only; draft and registered DOIs always arrive with their state.</li>
 *   <li><b>Versions and parts</b>, like DataCite's own auto-update: a DOI related to another DOI by IsVersionOf,
 *   IsPartOf, IsPreviousVersionOf or IsIdenticalTo is a version, part or copy of a work whose own DOI is
 *   written instead (a Zenodo version points to its concept DOI). Unlike DataCite, the rule needs the target to
 *   be a DOI: a thesis IsIdenticalTo a library URN, or an article IsPartOf a journal's ISSN, has no other DOI
 *   that would be written in its place, so skipping it would lose the work.</li>
 *   <li><b>Not works</b>: resource types that are grants, projects, journals or figure components rather than
 *   a researcher's output (keys as in the type mapping, e.g. {@code datacite:Award}, {@code crossref:grant}).</li>
 * </ul>
 *
 * @param unknownStateIsFindable whether a record without a state counts as findable
 * @param skippedRelations       relation types (any case) that make a DOI a version or part
 * @param relatedIdTypes         related-identifier types (any case) whose targets are written in place of the DOI
 * @param skippedResourceTypes   {@code scheme:type} keys of resource types that are not works
 */
public record SkipRules(boolean unknownStateIsFindable, Set<String> skippedRelations, Set<String> relatedIdTypes,
                        Set<String> skippedResourceTypes) {

    public SkipRules {
        skippedRelations = lower(skippedRelations);
        relatedIdTypes = lower(relatedIdTypes);
        skippedResourceTypes = lower(skippedResourceTypes);
    }

    public static SkipRules defaults() {
        return new SkipRules(true,
                Set.of("IsVersionOf", "IsPartOf", "IsPreviousVersionOf", "IsIdenticalTo"),
                Set.of("DOI"),
                Set.of("datacite:Award", "datacite:Project", "crossref:grant", "crossref:component",
                        "crossref:journal", "crossref:journal-volume", "crossref:book-series", "crossref:book-set",
                        "crossref:proceedings-series", "crossref:report-series", "crossref:pending-publication"));
    }

    /** The same rules with the version-and-part rule switched off (every relation allowed). */
    public SkipRules withoutRelationRule() {
        return new SkipRules(unknownStateIsFindable, Set.of(), relatedIdTypes, skippedResourceTypes);
    }

    /** Why this DOI is not written to ORCID, or empty when it is. */
    public Optional<String> skipReason(DoiRecord record) {
        Objects.requireNonNull(record, "record");
        DoiState state = record.state();
        if (!findable(record)) {
            return Optional.of("the DOI is " + state.name().toLowerCase(Locale.ROOT)
                    + ", not findable: only findable DOIs are written to ORCID");
        }
        Optional<String> version = versionOf(record);
        if (version.isPresent()) {
            return Optional.of("the DOI " + version.get()
                    + ": versions, parts and copies are not written to ORCID, the work they belong to is");
        }
        return notAWork(record);
    }

    /**
     * Why no researcher may have this DOI on her ORCID record, whatever she chose: a draft is not public (its DOI
     * does not resolve), and a grant or a journal is not a researcher's work. A registered DOI and a version or
     * part are left to her filters ({@link #findable}, {@link #versionOf}), so they become claims her filters
     * hold back, or write.
     */
    public Optional<String> alwaysSkipReason(DoiRecord record) {
        Objects.requireNonNull(record, "record");
        if (record.state() == DoiState.DRAFT) {
            return Optional.of("the DOI is a draft, not public: drafts are never written to ORCID");
        }
        return notAWork(record);
    }

    /** Whether the DOI counts as findable (a record without a state does when {@link #unknownStateIsFindable}). */
    public boolean findable(DoiRecord record) {
        DoiState state = record.state();
        return state == DoiState.FINDABLE || state == DoiState.UNKNOWN && unknownStateIsFindable;
    }

    /**
     * The relation that makes the DOI a version, part or copy of another DOI, e.g. {@code IsVersionOf
     * 10.5281/zenodo.1}, or empty when it is none.
     */
    public Optional<String> versionOf(DoiRecord record) {
        for (RelatedIdentifier related : record.relatedIdentifiers()) {
            String relation = related.relationType();
            if (relation == null || !skippedRelations.contains(relation.toLowerCase(Locale.ROOT))) {
                continue;
            }
            if (related.type() == null || !relatedIdTypes.contains(related.type().toLowerCase(Locale.ROOT))) {
                continue;
            }
            return Optional.of(relation + " " + related.value());
        }
        return Optional.empty();
    }

    private Optional<String> notAWork(DoiRecord record) {
        ResourceType type = record.resourceType();
        if (type != null && type.scheme() != null && type.general() != null
                && skippedResourceTypes.contains((type.scheme() + ":" + type.general()).toLowerCase(Locale.ROOT))) {
            return Optional.of("the DOI's resource type is " + type.scheme() + ":" + type.general()
                    + ", which is not a researcher's work");
        }
        return Optional.empty();
    }

    private static Set<String> lower(Set<String> values) {
        return values.stream().map(v -> v.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }
}
