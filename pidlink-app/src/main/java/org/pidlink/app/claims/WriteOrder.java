package org.pidlink.app.claims;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;


/**
 * Which works matter most when a researcher's ORCID record cannot take them all (ORCID's 10,000-work cap): each
 * claim gets a rank from its work when it is asserted (lower is written first), and additions are written in rank
 * order, so that the works left over when the record is full are the ones that matter least.
 *
 * <p>Findable before registered and concept DOIs before versions need no criterion here: pidlink writes findable
 * DOIs only and skips versions ({@code IsVersionOf}) by default (the skip rules), so every claim it adds already is
 * a findable DOI and, unless the skip rules were changed, a concept.
 *
 * @param criteria      the order, most significant first; ties are broken by the claim's age (oldest first)
 * @param dataFileTypes the ORCID work types of single data files, written after articles and data papers (DataCite's
 *                      {@code DataPaper} maps to {@code journal-article})
 * @param maxWorks      how many works ORCID keeps on one record (its 9048 limit)
 */
public record WriteOrder(List<Criterion> criteria, Set<String> dataFileTypes, int maxWorks) {

    /** ORCID refuses a work that would make a record hold more than this (409, error 9048). */
    public static final int ORCID_MAX_WORKS = 10_000;

    private static final int YEARS = 10_000;

    /** One way to tell which of two works matters more. */
    public enum Criterion {
        /** Newest publication year first; works without a year last. */
        NEWEST_FIRST,
        /** Articles, data papers and every other type before single data files ({@link #dataFileTypes}). */
        ARTICLES_FIRST
    }

    public WriteOrder {
        criteria = List.copyOf(Objects.requireNonNull(criteria, "criteria"));
        if (criteria.size() != Set.copyOf(criteria).size()) {
            throw new IllegalArgumentException("the write order names a criterion twice: " + criteria);
        }
        dataFileTypes = Set.copyOf(dataFileTypes.stream().map(t -> t.strip().toLowerCase(Locale.ROOT)).toList());
        if (maxWorks < 1) {
            throw new IllegalArgumentException("the maximum number of works must be positive, got " + maxWorks);
        }
    }

    /** The documented default: newest first, then articles and data papers before single data files. */
    public static WriteOrder defaults() {
        return new WriteOrder(List.of(Criterion.NEWEST_FIRST, Criterion.ARTICLES_FIRST),
                Set.of("data-set", "physical-object"), ORCID_MAX_WORKS);
    }

    /** The rank of a claim with this work: lower is written first. */
    int rank(ClaimedWork work) {
        long rank = 0;
        for (Criterion criterion : criteria) {
            rank = switch (criterion) {
                case NEWEST_FIRST -> rank * YEARS + (YEARS - 1 - work.year());
                case ARTICLES_FIRST -> rank * 2 + (dataFileTypes.contains(work.type()) ? 1 : 0);
            };
        }
        return (int) Math.min(rank, Integer.MAX_VALUE);
    }
}
