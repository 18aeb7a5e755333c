package org.pidlink.app.claims;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The links between DOIs and ORCID iDs that pidlink holds, for administrators: the aggregate figures DataCite
 * reported for its own aggregation, and every link, streamed. A link is a claim some source still asserts (or one
 * the researcher keeps off her record); a claim withdrawn by every source is no longer a link. Thread-safe.
 */
public final class Links {

    /** Rows fetched per round trip while streaming: memory stays flat whatever the table holds. */
    private static final int FETCH = 1_000;
    private static final String STANDING = "(wanted OR kept_out)";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final Clock clock;

    Links(DataSource dataSource, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(FETCH);
        // PostgreSQL streams with a cursor only inside a transaction; otherwise it reads the whole result first.
        this.readOnly = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.readOnly.setReadOnly(true);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public static Links of(DataSource dataSource, Clock clock) {
        return new Links(dataSource, clock);
    }

    /**
     * One link.
     *
     * @param provenance who asserts it: {@code creator} and {@code contributor} (the DOI's metadata names her so),
     *                   {@code metadata} (the metadata names her, as what is not recorded), {@code search-and-link},
     *                   {@code import}, {@code admin}
     */
    public record Link(String doi, String orcid, List<String> provenance, ClaimStatus status, Instant createdAt,
            Instant updatedAt, @Nullable Instant writtenAt) {
    }

    /** Every link, in the order they were made, to {@code each}; returns how many. Streamed from a cursor. */
    public long forEach(Consumer<Link> each) {
        long[] count = {0};
        readOnly.executeWithoutResult(status -> jdbc.query("""
                SELECT doi, orcid, provenance, named_as, status, created_at, updated_at, written_at
                FROM claim WHERE""" + " " + STANDING + " ORDER BY id", (RowCallbackHandler) rs -> {
            each.accept(link(rs));
            count[0]++;
        }));
        return count[0];
    }

    private static Link link(ResultSet rs) throws SQLException {
        Timestamp written = rs.getTimestamp("written_at");
        return new Link(rs.getString("doi"), rs.getString("orcid"),
                provenance(rs.getArray("provenance"), rs.getString("named_as")),
                ClaimStatus.valueOf(rs.getString("status")), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), written == null ? null : written.toInstant());
    }

    private static List<String> provenance(@Nullable Array array, @Nullable String namedAs) throws SQLException {
        List<String> names = new ArrayList<>();
        for (Provenance p : Provenance.setOf(array == null ? new String[0] : (String[]) array.getArray())) {
            names.add(switch (p) {
                case AUTO_UPDATE -> namedAs == null ? "metadata" : namedAs;
                case SEARCH_AND_LINK -> "search-and-link";
                case IMPORT -> "import";
                case ADMIN -> "admin";
            });
        }
        return names;
    }

    /** How many iDs hold a number of links within {@code [from, to]}. */
    public record Bucket(long from, long to, long orcids, long links) {
    }

    /**
     * A researcher at or near ORCID's cap.
     *
     * @param links       DOIs linked to her iD
     * @param written     pidlink's works on her record
     * @param otherWorks  other sources' works on her record, as pidlink last counted them (null: never counted)
     * @param recordFull  her works held back because the record is full
     */
    public record NearCap(String orcid, long links, long written, @Nullable Long otherWorks, long recordFull) {
    }

    /**
     * DataCite's aggregate figures, for pidlink's links.
     *
     * @param dois         DOIs with at least one linked iD
     * @param links        distinct DOI–iD links
     * @param orcids       distinct iDs
     * @param perOrcid     the distribution of links per iD, in decades (1–9, 10–99, …)
     * @param nearCap      researchers with at least {@code nearCapFrom} links or works held back, most links first
     * @param byProvenance links per provenance (a link asserted by several sources counts for each)
     */
    public record Figures(Instant computedAt, long dois, long links, long orcids, List<Bucket> perOrcid,
            int nearCapFrom, List<NearCap> nearCap, List<ProvenanceCount> byProvenance) {
    }

    public record ProvenanceCount(String provenance, long links) {
    }

    /** The figures as of now; a few scans of the claim table (seconds at a million links). */
    public Figures figures(int nearCapFrom, int maxNearCap) {
        Instant now = clock.instant();
        return Objects.requireNonNull(readOnly.execute(status -> {
            long dois = Objects.requireNonNull(jdbc.queryForObject(
                    "SELECT count(DISTINCT doi) FROM claim WHERE " + STANDING, Long.class));
            List<Bucket> buckets = new ArrayList<>();
            long[] totals = {0, 0};
            jdbc.query("""
                    WITH per_orcid AS (SELECT orcid, count(DISTINCT doi) AS n FROM claim WHERE""" + " " + STANDING + """
                     GROUP BY orcid)
                    SELECT floor(log(n))::int AS decade, count(*) AS orcids, sum(n) AS links
                    FROM per_orcid GROUP BY decade ORDER BY decade""", (RowCallbackHandler) rs -> {
                long from = (long) Math.pow(10, rs.getInt("decade"));
                buckets.add(new Bucket(from, from * 10 - 1, rs.getLong("orcids"), rs.getLong("links")));
                totals[0] += rs.getLong("orcids");
                totals[1] += rs.getLong("links");
            });
            List<NearCap> near = jdbc.query("""
                    WITH per_orcid AS (SELECT orcid, count(DISTINCT doi) AS n FROM claim WHERE""" + " " + STANDING + """
                     GROUP BY orcid),
                         candidates AS (SELECT orcid FROM per_orcid WHERE n >= ?
                                        UNION SELECT DISTINCT orcid FROM claim WHERE status = 'RECORD_FULL')
                    SELECT p.orcid, p.n,
                           (SELECT count(*) FROM claim c WHERE c.orcid = p.orcid AND c.put_code IS NOT NULL) AS written,
                           (SELECT count(*) FROM claim c WHERE c.orcid = p.orcid AND c.status = 'RECORD_FULL') AS held,
                           w.other_works
                    FROM per_orcid p JOIN candidates USING (orcid)
                    LEFT JOIN orcid_record_works w ON w.orcid = p.orcid
                    ORDER BY p.n DESC, p.orcid LIMIT ?""", (rs, n) -> new NearCap(rs.getString("orcid"),
                    rs.getLong("n"), rs.getLong("written"),
                    rs.getObject("other_works") == null ? null : rs.getLong("other_works"),
                    rs.getLong("held")), nearCapFrom, maxNearCap);
            List<ProvenanceCount> byProvenance = jdbc.query("""
                    SELECT count(*) FILTER (WHERE 'AUTO_UPDATE' = ANY(provenance) AND named_as = 'creator') AS creators,
                           count(*) FILTER (WHERE 'AUTO_UPDATE' = ANY(provenance) AND named_as = 'contributor')
                               AS contributors,
                           count(*) FILTER (WHERE 'AUTO_UPDATE' = ANY(provenance) AND named_as IS NULL) AS metadata,
                           count(*) FILTER (WHERE 'SEARCH_AND_LINK' = ANY(provenance)) AS search_link,
                           count(*) FILTER (WHERE 'IMPORT' = ANY(provenance)) AS import,
                           count(*) FILTER (WHERE 'ADMIN' = ANY(provenance)) AS admin
                    FROM claim WHERE""" + " " + STANDING, (rs, n) -> List.of(
                    new ProvenanceCount("Creators (DOI metadata)", rs.getLong("creators")),
                    new ProvenanceCount("Contributors (DOI metadata)", rs.getLong("contributors")),
                    new ProvenanceCount("DOI metadata, role not recorded", rs.getLong("metadata")),
                    new ProvenanceCount("Search & Link", rs.getLong("search_link")),
                    new ProvenanceCount("Import", rs.getLong("import")),
                    new ProvenanceCount("Administrators", rs.getLong("admin")))).getFirst();
            return new Figures(now, dois, totals[1], totals[0], buckets, nearCapFrom, near, byProvenance);
        }));
    }
}
