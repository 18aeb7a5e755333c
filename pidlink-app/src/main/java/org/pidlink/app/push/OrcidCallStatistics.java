package org.pidlink.app.push;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The figures of the reports page, from the {@code orcid_call} audit table, the claims and the researchers. Every
 * query is grouped in the database and bounded by time or a limit. Times are UTC.
 */
public final class OrcidCallStatistics {

    /** Status classes of ORCID's answers, in stacking order. */
    public static final List<String> STATUS_CLASSES = List.of("2xx", "4xx", "5xx", "no answer / other");
    /** What a successful call did to works, in stacking order. */
    public static final List<String> WORK_ACTIONS = List.of("added", "updated", "deleted");

    private final JdbcClient jdbc;
    private final Clock clock;

    public OrcidCallStatistics(DataSource dataSource, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.clock = clock;
    }

    /** Counts per period (oldest first) and per series, zero-filled: every period of the range is present. */
    public record Periods(List<LocalDateTime> starts, List<String> series, List<List<Long>> counts) {
    }

    /**
     * Works ORCID accepted per UTC day, over the last {@code days} days (today included): each work sent in a
     * successful bulk addition, update or deletion.
     */
    public Periods worksPerDay(int days) {
        return countPeriods(days, ChronoUnit.DAYS, WORK_ACTIONS, """
                SELECT date_trunc('day', called_at AT TIME ZONE 'UTC') AS period,
                       CASE method WHEN 'POST' THEN 0 WHEN 'PUT' THEN 1 ELSE 2 END AS series,
                       sum(CASE WHEN method = 'POST' THEN items ELSE 1 END) AS count
                FROM orcid_call
                WHERE called_at >= :from AND status BETWEEN 200 AND 299 AND method IN ('POST', 'PUT', 'DELETE')
                  AND path LIKE '%/work%'
                GROUP BY 1, 2""");
    }

    /** Calls to ORCID per UTC hour over the last {@code hours} hours (this hour included), by status class. */
    public Periods callsPerHour(int hours) {
        return countPeriods(hours, ChronoUnit.HOURS, STATUS_CLASSES, """
                SELECT date_trunc('hour', called_at AT TIME ZONE 'UTC') AS period,
                       CASE WHEN status BETWEEN 200 AND 299 THEN 0 WHEN status BETWEEN 400 AND 499 THEN 1
                            WHEN status BETWEEN 500 AND 599 THEN 2 ELSE 3 END AS series,
                       count(*) AS count
                FROM orcid_call WHERE called_at >= :from
                GROUP BY 1, 2""");
    }

    /**
     * Runs {@code sql} (columns period, series index, count; parameter {@code from}) for the last {@code periods}
     * periods of {@code unit}, the current one included.
     */
    private Periods countPeriods(int periods, ChronoUnit unit, List<String> series, String sql) {
        LocalDateTime current = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(unit);
        LocalDateTime first = current.minus(periods - 1L, unit);
        Map<LocalDateTime, long[]> counts = new LinkedHashMap<>();
        for (int i = 0; i < periods; i++) {
            counts.put(first.plus(i, unit), new long[series.size()]);
        }
        jdbc.sql(sql).param("from", Timestamp.from(first.toInstant(ZoneOffset.UTC)))
                .query((RowCallbackHandler) rs -> {
                    long[] row = counts.get(rs.getObject("period", LocalDateTime.class));
                    // A call stamped in the future (another instance's clock ahead) has no period of its own.
                    if (row != null) {
                        row[rs.getInt("series")] += rs.getLong("count");
                    }
                });
        List<List<Long>> rows = new ArrayList<>();
        for (long[] row : counts.values()) {
            rows.add(Arrays.stream(row).boxed().toList());
        }
        return new Periods(List.copyOf(counts.keySet()), series, rows);
    }

    /** An ORCID error code, how often ORCID answered it, and what ORCID said the last time. */
    public record ErrorCode(int code, long calls, Instant lastSeen, @Nullable String message) {
    }

    /** The most frequent ORCID error codes of the last {@code days} days. */
    public List<ErrorCode> topErrorCodes(int days, int limit) {
        return jdbc.sql("""
                SELECT error_code, count(*) AS calls, max(called_at) AS last_seen,
                       (array_agg(failure ORDER BY called_at DESC, id DESC)
                            FILTER (WHERE failure IS NOT NULL))[1] AS message
                FROM orcid_call WHERE error_code IS NOT NULL AND called_at >= :from
                GROUP BY error_code ORDER BY calls DESC, error_code LIMIT :limit""")
                .param("from", Timestamp.from(clock.instant().minus(days, ChronoUnit.DAYS)))
                .param("limit", limit)
                .query((rs, n) -> new ErrorCode(rs.getInt("error_code"), rs.getLong("calls"),
                        rs.getTimestamp("last_seen").toInstant(), rs.getString("message")))
                .list();
    }

    /** Calls to ORCID in the last {@code window}, by the class of work they were made for. */
    public Map<String, Long> callsByClass(Duration window) {
        Map<String, Long> byClass = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT coalesce(call_class, 'unspecified') AS class, count(*) AS calls FROM orcid_call
                WHERE called_at >= :from GROUP BY 1""")
                .param("from", Timestamp.from(clock.instant().minus(window)))
                .query((RowCallbackHandler) rs -> byClass.put(rs.getString("class"), rs.getLong("calls")));
        return byClass;
    }
}
