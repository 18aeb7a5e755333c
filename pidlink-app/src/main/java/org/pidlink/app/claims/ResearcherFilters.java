package org.pidlink.app.claims;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.pidlink.app.claims.WorkFilters.Filter;
import org.pidlink.app.orcid.CallClass;
import org.pidlink.core.identifiers.OrcidId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each researcher's filters, the administrators' defaults and locks, and their continuous sync: saving a change
 * applies it to her claims at once (works that stop qualifying are deleted from her record, works that start
 * qualifying are added, interactive), and a change of the defaults or locks to everyone's.
 */
public final class ResearcherFilters {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ClaimLifecycle lifecycle;

    ResearcherFilters(DataSource dataSource, Clock clock, ClaimLifecycle lifecycle) {
        this.jdbc = JdbcClient.create(dataSource);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
    }

    /**
     * The administrators' defaults for researchers who have not chosen, and the filters locked for everybody.
     *
     * @param filters the default filters
     * @param locked  the filters every researcher has at the default's value, whatever she chose
     */
    public record Defaults(WorkFilters filters, Set<Filter> locked) {

        public Defaults {
            locked = locked.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(locked));
        }
    }

    /**
     * The filters in force for one researcher.
     *
     * @param filters her filters, the locked ones at the institution's value
     * @param locked  the filters her institution locked
     * @param own     she saved filters of her own (otherwise she follows the defaults)
     */
    public record InForce(WorkFilters filters, Set<Filter> locked, boolean own) {

        public boolean isLocked(String filter) {
            return locked.contains(Filter.valueOf(filter));
        }
    }

    public Defaults defaults() {
        return jdbc.sql("SELECT work_types, findable_only, exclude_versions, creator_only, year_floor, locked"
                        + " FROM work_filter_defaults WHERE id = 1")
                .query((rs, n) -> new Defaults(filters(rs), locked(rs))).optional()
                .orElse(new Defaults(WorkFilters.builtIn(), Set.of()));
    }

    public InForce of(OrcidId orcid) {
        Defaults defaults = defaults();
        WorkFilters own = own(orcid);
        return own == null ? new InForce(defaults.filters(), defaults.locked(), false)
                : new InForce(own.within(defaults.filters(), defaults.locked()), defaults.locked(), true);
    }

    private @Nullable WorkFilters own(OrcidId orcid) {
        return jdbc.sql("SELECT work_types, findable_only, exclude_versions, creator_only, year_floor"
                        + " FROM work_filters WHERE orcid = :orcid").param("orcid", orcid.value())
                .query((rs, n) -> filters(rs)).optional().orElse(null);
    }

    /** Her write mode: review first (true) or automatic. */
    public boolean reviewFirst(OrcidId orcid) {
        return lifecycle.reviewFirst(orcid);
    }

    /** What saving {@code filters} and {@code reviewFirst} would change on her record (locked filters stay). */
    public FilterPreview preview(OrcidId orcid, WorkFilters filters, boolean reviewFirst) {
        Defaults defaults = defaults();
        return lifecycle.preview(orcid, filters.within(defaults.filters(), defaults.locked()), reviewFirst);
    }

    /**
     * Saves her filters and write mode, and applies them to her claims at once: removals and additions are queued
     * in the interactive class, as her own action. A locked filter is not hers to change: her earlier choice for it
     * is kept (in force again if the lock is lifted), and the institution's value is in force meanwhile.
     *
     * @return the filters in force after saving
     */
    public WorkFilters save(OrcidId orcid, WorkFilters filters, boolean reviewFirst) {
        return Objects.requireNonNull(tx.execute(status -> {
            Defaults defaults = defaults();
            WorkFilters before = own(orcid);
            WorkFilters saved = filters.within(before != null ? before : defaults.filters(), defaults.locked());
            bind(jdbc.sql("""
                    INSERT INTO work_filters (orcid, work_types, findable_only, exclude_versions, creator_only,
                                              year_floor, changed_at)
                    VALUES (:orcid, CAST(:types AS text[]), :findable, :versions, :creator, :year, :now)
                    ON CONFLICT (orcid) DO UPDATE SET work_types = excluded.work_types,
                        findable_only = excluded.findable_only, exclude_versions = excluded.exclude_versions,
                        creator_only = excluded.creator_only, year_floor = excluded.year_floor,
                        changed_at = excluded.changed_at"""), saved)
                    .param("orcid", orcid.value()).param("now", Timestamp.from(clock.instant())).update();
            if (lifecycle.reviewFirst(orcid) != reviewFirst) {
                lifecycle.setReviewFirst(orcid, reviewFirst);
            }
            lifecycle.applyFilters(orcid, CallClass.INTERACTIVE);
            return saved.within(defaults.filters(), defaults.locked());
        }));
    }

    /**
     * Sets the defaults and locks, and applies them to every researcher at once: those who follow the defaults,
     * and everyone for a locked filter. The writes this queues are a backfill (nobody waits at a page for them).
     *
     * @return the researchers whose claims changed
     */
    public int saveDefaults(Defaults defaults) {
        return Objects.requireNonNull(tx.execute(status -> {
            bind(jdbc.sql("""
                    UPDATE work_filter_defaults SET work_types = CAST(:types AS text[]), findable_only = :findable,
                        exclude_versions = :versions, creator_only = :creator, year_floor = :year,
                        locked = CAST(:locked AS text[]), changed_at = :now
                    WHERE id = 1"""), defaults.filters())
                    .param("locked", ClaimRows.arrayLiteral(defaults.locked().stream().sorted().map(Enum::name).toList()))
                    .param("now", Timestamp.from(clock.instant())).update();
            return lifecycle.applyFilters(null, CallClass.BACKFILL).size();
        }));
    }

    /** How many researchers chose filters of their own (the others follow the defaults). */
    public long researchersWithOwnFilters() {
        return jdbc.sql("SELECT count(*) FROM work_filters").query(Long.class).single();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, WorkFilters filters) {
        return statement.param("types", filters.workTypes() == null ? null
                        : ClaimRows.arrayLiteral(filters.workTypes().stream().sorted().toList()))
                .param("findable", filters.findableOnly()).param("versions", filters.excludeVersions())
                .param("creator", filters.creatorOnly()).param("year", filters.yearFloor());
    }

    private static WorkFilters filters(ResultSet rs) throws SQLException {
        int year = rs.getInt("year_floor");
        @Nullable Integer floor = rs.wasNull() ? null : year;
        return new WorkFilters(WorkFilters.types(rs.getArray("work_types")), rs.getBoolean("findable_only"),
                rs.getBoolean("exclude_versions"), rs.getBoolean("creator_only"), floor);
    }

    private static Set<Filter> locked(ResultSet rs) throws SQLException {
        List<Filter> locked = new ArrayList<>();
        java.sql.Array array = rs.getArray("locked");
        if (array != null) {
            for (String name : (String[]) array.getArray()) {
                locked.add(Filter.valueOf(name));
            }
        }
        return locked.isEmpty() ? Set.of() : EnumSet.copyOf(locked);
    }
}
