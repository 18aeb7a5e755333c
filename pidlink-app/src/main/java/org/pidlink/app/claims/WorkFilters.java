package org.pidlink.app.claims;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/**
 * A researcher's filters on what pidlink sends to her ORCID record, and the one rule that applies them. The rule has
 * two forms that say the same: {@link #heldBackBy} in Java (what the settings page explains) and {@link #filteredBySql}
 * in SQL, which every statement that asserts or re-evaluates a claim embeds, so that intake decides a claim's filter
 * in the statement that stores it (no query per claim) and a researcher's 5,000 claims are re-evaluated, or
 * previewed, by one statement.
 *
 * @param workTypes       the ORCID work types she sends (lower case), or {@code null} for all of them
 * @param findableOnly    only findable DOIs, not registered ones (hidden or withdrawn by their repository)
 * @param excludeVersions leave out DOIs that are versions, parts or copies of another DOI
 * @param creatorOnly     only DOIs whose metadata names her as a creator, not as a contributor
 * @param yearFloor       only works published in this year or later (works without a year pass), or {@code null}
 */
public record WorkFilters(@Nullable Set<String> workTypes, boolean findableOnly, boolean excludeVersions,
                          boolean creatorOnly, @Nullable Integer yearFloor) {

    /** The lowest and highest publication-year floor accepted. */
    public static final int MIN_YEAR = 1000;
    public static final int MAX_YEAR = 9999;

    public WorkFilters {
        if (workTypes != null) {
            workTypes = Set.copyOf(new TreeSet<>(workTypes.stream().map(t -> t.strip().toLowerCase(Locale.ROOT))
                    .filter(t -> !t.isEmpty()).toList()));
        }
        if (yearFloor != null && (yearFloor < MIN_YEAR || yearFloor > MAX_YEAR)) {
            throw new IllegalArgumentException("the publication-year floor must be a year between " + MIN_YEAR
                    + " and " + MAX_YEAR + ", got " + yearFloor);
        }
    }

    /** pidlink's behaviour before filters existed: findable DOIs only, no versions or parts, everything else sent. */
    public static WorkFilters builtIn() {
        return new WorkFilters(null, true, true, false, null);
    }

    /** Each filter, with what it says to the researcher when it keeps a work off her record. */
    public enum Filter {
        FINDABLE_ONLY("only findable DOIs", "your institution sends only findable DOIs"),
        VERSIONS("to leave out versions and parts of other works",
                "your institution leaves out versions and parts of other works"),
        WORK_TYPES("not to send this type of work", "your institution does not send this type of work"),
        CREATOR_ONLY("only works that name you as a creator",
                "your institution sends only works that name the researcher as a creator"),
        YEAR_FLOOR("a publication-year floor", "your institution set a publication-year floor");

        private final String choice;
        private final String locked;

        Filter(String choice, String locked) {
            this.choice = choice;
            this.locked = locked;
        }

        /**
         * Why the work is not sent: "you chose only findable DOIs" when she chose it, "your institution's default is
         * only findable DOIs" while she follows the defaults, or what her institution locked.
         */
        public String because(Source source) {
            return switch (source) {
                case OWN -> "you chose " + choice;
                case DEFAULT -> "your institution's default is " + choice;
                case LOCKED -> locked;
            };
        }

        static @Nullable Filter parse(@Nullable String name) {
            return name == null ? null : valueOf(name);
        }
    }

    /** Where the value of a filter in force comes from. */
    public enum Source {
        /** She chose it. */
        OWN,
        /** She follows the administrators' default (she can change it). */
        DEFAULT,
        /** The administrators locked it for everybody. */
        LOCKED
    }

    /**
     * The facts of a claim the filters read.
     *
     * @param doiState  {@code FINDABLE} or {@code REGISTERED}; null when unknown (passes)
     * @param versionOf the relation that makes the DOI a version or part, e.g. {@code IsVersionOf 10.5281/zenodo.1}
     * @param workType  the ORCID work type, lower case, or null
     * @param workYear  the publication year, 0 when none
     * @param namedAs   {@code creator} or {@code contributor}, null when the metadata does not name her
     */
    public record Facts(@Nullable String doiState, @Nullable String versionOf, @Nullable String workType,
                        int workYear, @Nullable String namedAs) {
    }

    /** The first filter that keeps a work with these facts off her record, or empty when it is sent. */
    public Optional<Filter> heldBackBy(Facts facts) {
        if (findableOnly && RecordFacts.REGISTERED.equals(facts.doiState())) {
            return Optional.of(Filter.FINDABLE_ONLY);
        }
        if (excludeVersions && facts.versionOf() != null) {
            return Optional.of(Filter.VERSIONS);
        }
        if (workTypes != null && facts.workType() != null && !facts.workType().isEmpty()
                && !workTypes.contains(facts.workType())) {
            return Optional.of(Filter.WORK_TYPES);
        }
        if (creatorOnly && ClaimedWork.CONTRIBUTOR.equals(facts.namedAs())) {
            return Optional.of(Filter.CREATOR_ONLY);
        }
        if (yearFloor != null && facts.workYear() > 0 && facts.workYear() < yearFloor) {
            return Optional.of(Filter.YEAR_FLOOR);
        }
        return Optional.empty();
    }

    /**
     * {@link #heldBackBy} in SQL: the name of the first filter that holds the claim back, or NULL. {@code c} is the
     * alias of a relation with the claim's facts (columns doi_state, version_of, work_type, work_year, named_as),
     * {@code f} of one with the filters in force ({@link #EFFECTIVE_COLUMNS}).
     */
    static String filteredBySql(String c, String f) {
        return """
                (CASE WHEN %2$s.findable_only AND %1$s.doi_state = 'REGISTERED' THEN 'FINDABLE_ONLY'
                      WHEN %2$s.exclude_versions AND %1$s.version_of IS NOT NULL THEN 'VERSIONS'
                      WHEN %2$s.work_types IS NOT NULL AND coalesce(%1$s.work_type, '') <> ''
                           AND NOT (%1$s.work_type = ANY(%2$s.work_types)) THEN 'WORK_TYPES'
                      WHEN %2$s.creator_only AND %1$s.named_as = 'contributor' THEN 'CREATOR_ONLY'
                      WHEN %2$s.year_floor IS NOT NULL AND %1$s.work_year > 0 AND %1$s.work_year < %2$s.year_floor
                           THEN 'YEAR_FLOOR'
                 END)""".formatted(c, f);
    }

    /**
     * Why a held-back claim is not sent, e.g. "you chose only findable DOIs, and this DOI is registered, not
     * findable" ({@link #reason} in SQL), from the filter's name ({@code filter}, an SQL
     * expression), the claim's facts ({@code c}) and the filters in force ({@code f}, with their locks).
     */
    static String reasonSql(String filter, String c, String f) {
        StringBuilder sql = new StringBuilder("(CASE ").append(filter);
        for (Filter each : Filter.values()) {
            sql.append(" WHEN '").append(each.name()).append("' THEN CASE WHEN '").append(each.name())
                    .append("' = ANY(").append(f).append(".locked) THEN ").append(literal(each.because(Source.LOCKED)))
                    .append(" WHEN ").append(f).append(".own THEN ").append(literal(each.because(Source.OWN)))
                    .append(" ELSE ").append(literal(each.because(Source.DEFAULT))).append(" END || ")
                    .append(detailSql(each, c, f));
        }
        return sql.append(" END)").toString();
    }

    private static String detailSql(Filter filter, String c, String f) {
        return switch (filter) {
            case FINDABLE_ONLY -> "', and this DOI is registered, not findable'";
            case VERSIONS -> "', and this DOI ' || " + c + ".version_of";
            case WORK_TYPES -> "' (this one is a ' || " + c + ".work_type || ')'";
            case CREATOR_ONLY -> "', and this DOI names you as a contributor'";
            case YEAR_FLOOR -> "' of ' || " + f + ".year_floor || ', and this work is from ' || " + c + ".work_year";
        };
    }

    /** The sentence {@link #reasonSql} gives, in Java. */
    String reason(Filter filter, Facts facts, Source source) {
        String detail = switch (filter) {
            case FINDABLE_ONLY -> ", and this DOI is registered, not findable";
            case VERSIONS -> ", and this DOI " + facts.versionOf();
            case WORK_TYPES -> " (this one is a " + facts.workType() + ")";
            case CREATOR_ONLY -> ", and this DOI names you as a contributor";
            case YEAR_FLOOR -> " of " + yearFloor + ", and this work is from " + facts.workYear();
        };
        return filter.because(source) + detail;
    }

    /** The columns of a relation of filters in force, as {@link #filteredBySql} reads them. */
    static final String EFFECTIVE_COLUMNS =
            "work_types, findable_only, exclude_versions, creator_only, year_floor, locked, own";

    /**
     * The filters in force for the researcher {@code orcidSql} (an SQL expression): her own choices, the
     * administrators' defaults where she has none, and the defaults of every locked filter whatever she chose.
     */
    static String effectiveSql(String orcidSql) {
        return """
                (SELECT CASE WHEN w.orcid IS NULL OR 'WORK_TYPES' = ANY(d.locked) THEN d.work_types ELSE w.work_types END
                            AS work_types,
                        CASE WHEN w.orcid IS NULL OR 'FINDABLE_ONLY' = ANY(d.locked) THEN d.findable_only
                             ELSE w.findable_only END AS findable_only,
                        CASE WHEN w.orcid IS NULL OR 'VERSIONS' = ANY(d.locked) THEN d.exclude_versions
                             ELSE w.exclude_versions END AS exclude_versions,
                        CASE WHEN w.orcid IS NULL OR 'CREATOR_ONLY' = ANY(d.locked) THEN d.creator_only
                             ELSE w.creator_only END AS creator_only,
                        CASE WHEN w.orcid IS NULL OR 'YEAR_FLOOR' = ANY(d.locked) THEN d.year_floor
                             ELSE w.year_floor END AS year_floor,
                        d.locked, w.orcid IS NOT NULL AS own
                 FROM work_filter_defaults d LEFT JOIN work_filters w ON w.orcid = %s
                 WHERE d.id = 1)""".formatted(orcidSql);
    }

    /** These filters as a relation for {@link #filteredBySql}, read from the parameters {@link #bind} sets. */
    static String proposedSql() {
        return """
                (SELECT CAST(:fTypes AS text[]) AS work_types, :fFindable AS findable_only,
                        :fVersions AS exclude_versions, :fCreator AS creator_only,
                        CAST(:fYear AS integer) AS year_floor, d.locked, true AS own
                 FROM work_filter_defaults d WHERE d.id = 1)""";
    }

    /** The parameters of {@link #proposedSql}. */
    org.springframework.jdbc.core.simple.JdbcClient.StatementSpec bind(
            org.springframework.jdbc.core.simple.JdbcClient.StatementSpec statement) {
        return statement.param("fTypes", workTypes == null ? null : ClaimRows.arrayLiteral(List.copyOf(workTypes)))
                .param("fFindable", findableOnly).param("fVersions", excludeVersions).param("fCreator", creatorOnly)
                .param("fYear", yearFloor);
    }

    /** These filters with the locked ones taken from {@code defaults}: what a researcher can save. */
    public WorkFilters within(WorkFilters defaults, Collection<Filter> locked) {
        Set<Filter> l = locked.isEmpty() ? EnumSet.noneOf(Filter.class) : EnumSet.copyOf(locked);
        return new WorkFilters(l.contains(Filter.WORK_TYPES) ? defaults.workTypes() : workTypes,
                l.contains(Filter.FINDABLE_ONLY) ? defaults.findableOnly() : findableOnly,
                l.contains(Filter.VERSIONS) ? defaults.excludeVersions() : excludeVersions,
                l.contains(Filter.CREATOR_ONLY) ? defaults.creatorOnly() : creatorOnly,
                l.contains(Filter.YEAR_FLOOR) ? defaults.yearFloor() : yearFloor);
    }

    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    static @Nullable Set<String> types(java.sql.@Nullable Array array) throws java.sql.SQLException {
        return array == null ? null : Set.of((String[]) array.getArray());
    }

    @Override
    public String toString() {
        return "WorkFilters[types=" + (workTypes == null ? "all" : Arrays.toString(new TreeSet<>(workTypes).toArray()))
                + ", findableOnly=" + findableOnly + ", excludeVersions=" + excludeVersions + ", creatorOnly="
                + creatorOnly + ", yearFloor=" + Objects.toString(yearFloor, "none") + "]";
    }
}
