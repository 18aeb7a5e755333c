package org.pidlink.app.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pidlink.app.testsupport.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A researcher with 50,000 claims costs no more per call than one with 50 (issue 12): the push engine's and the
 * intake's queries on one researcher's claims, with EXPLAIN (ANALYZE, BUFFERS) on a table holding both, must read
 * about as many pages for her as for the small one and never scan the claim table. The statements are those of
 * {@link ClaimLifecycle} (the next write, the next additions, the room on her record, her schedule, one claim by its
 * triple) and of the profile's counts. The plans are written to {@code target/query-plans.txt}.
 */
class HotPathQueryPlansTest {

    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String HYPER = "0000-0001-5000-0000";
    private static final String SMALL = "0000-0001-0050-0000";
    private static final Timestamp NOW = Timestamp.from(Instant.parse("2026-12-07T06:00:00Z"));
    private final List<String> plans = new ArrayList<>();

    private JdbcTemplate jdbc;


    /** The database is emptied before each test: one test builds the table and checks every statement. */
    @Test
    void aResearcherWith50000ClaimsCostsNoMorePerCallThanOneWith50() {
        jdbc = new JdbcTemplate(DB.dataSource());
        researcher(HYPER, 50_000);
        researcher(SMALL, 50);
        // Other researchers around them, so that the planner sees a table of realistic shape.
        for (int i = 0; i < 40; i++) {
            researcher(String.format("0000-0002-%04d-0000", i), 500);
        }
        // As autovacuum keeps it in a running system: statistics and the visibility map (index-only counts).
        jdbc.execute("VACUUM ANALYZE claim");

        theNextWrite();
        theNextHundredAdditionsInRankOrder();
        herSchedule();
        oneClaimByItsTripleAsIntakeAssertsIt();
        herWorksHeldBackForAFullRecord();
        theWorksPidlinkHoldsOnHerRecord();
        theClaimsReconciliationComparesWithHerRecord();
        theLookupsDoisReadTogether();
    }

    /** 40% on her record, 50% queued additions (a backfill), 10% held back for a full record. */
    private void researcher(String orcid, int claims) {
        jdbc.update("""
                INSERT INTO claim (orcid, doi, registration_id, provenance, payload_hash, status, put_code,
                                   queued_action, queued_class, due_at, write_rank, named_as, created_at, updated_at)
                SELECT ?, '10.5555/plan.' || ? || '.' || n, 'auto-update', '{AUTO_UPDATE}', 'h' || n,
                       CASE WHEN n % 10 < 4 THEN 'IN_ORCID' WHEN n % 10 < 9 THEN 'QUEUED' ELSE 'RECORD_FULL' END,
                       CASE WHEN n % 10 < 4 THEN n END,
                       CASE WHEN n % 10 BETWEEN 4 AND 8 THEN 'ADD' END,
                       CASE WHEN n % 10 BETWEEN 4 AND 8 THEN 2 END,
                       CASE WHEN n % 10 BETWEEN 4 AND 8 THEN ?::timestamptz - n * interval '1 second' END,
                       n % 7919, 'creator', ?, ?
                FROM generate_series(1, ?) AS n""", orcid, orcid, NOW, NOW, NOW, claims);
    }

    private void theNextWrite() {
        bounded("next write", """
                SELECT id, queued_action FROM claim WHERE orcid = ? AND queued_action IS NOT NULL AND due_at <= ?
                ORDER BY coalesce(queued_class, 2), CASE queued_action WHEN 'DELETE' THEN 0 WHEN 'ADD' THEN 1 ELSE 2 END,
                         due_at, id
                LIMIT 1""", true);
    }

    private void theNextHundredAdditionsInRankOrder() {
        bounded("next additions", """
                SELECT id FROM claim WHERE orcid = ? AND registration_id = 'auto-update' AND queued_action = 'ADD'
                  AND due_at <= ?
                ORDER BY coalesce(queued_class, 2), write_rank, id LIMIT 100""", true);
    }

    private void herSchedule() {
        bounded("schedule (dueWrites)", """
                SELECT (SELECT due_at FROM claim WHERE orcid = ? AND queued_action IS NOT NULL AND due_at IS NOT NULL
                        ORDER BY due_at LIMIT 1) AS due,
                       (SELECT coalesce(queued_class, 2) FROM claim
                        WHERE orcid = ? AND queued_action IS NOT NULL AND due_at IS NOT NULL
                        ORDER BY coalesce(queued_class, 2) LIMIT 1) AS priority""", false);
    }

    private void oneClaimByItsTripleAsIntakeAssertsIt() {
        bounded("claim by (orcid, doi, registration)", """
                SELECT id FROM claim WHERE orcid = ? AND doi = '10.5555/plan.' || ? || '.17'
                  AND registration_id = 'auto-update' FOR UPDATE""", false);
    }

    private void herWorksHeldBackForAFullRecord() {
        bounded("record-full count (profile)", """
                SELECT count(*) FROM claim WHERE orcid = ? AND status = 'RECORD_FULL'""", false, 0.2);
    }

    private void theWorksPidlinkHoldsOnHerRecord() {
        // Grows with her works on the record, which ORCID caps at 10,000: an index-only count, bounded by the cap.
        PlanCost hyper = explain("room (works on her record)", ROOM, HYPER, 20_000);
        assertThat(hyper.plan()).doesNotContain("Seq Scan on claim");
        assertThat(hyper.plan()).contains("claim_on_record");
    }

    private void theClaimsReconciliationComparesWithHerRecord() {
        // Claims.written: those on her record only (bounded by the cap), not her 50,000 claims and their works.
        PlanCost hyper = explain("written claims (reconciliation)", """
                SELECT id, doi, registration_id, put_code FROM claim WHERE orcid = ? AND put_code IS NOT NULL""",
                HYPER, 20_000);
        assertThat(hyper.plan()).doesNotContain("Seq Scan on claim");
        assertThat(hyper.plan()).contains("claim_on_record");
    }

    private void theLookupsDoisReadTogether() {
        // Claims.linksOfDois: the DOIs the public lookup was asked for at the same moment, each found by its index.
        String dois = IntStream.rangeClosed(1, 64).mapToObj(n -> "10.5555/plan." + HYPER + "." + n)
                .collect(Collectors.joining(",", "'{", "}'::text[]"));
        PlanCost together = explain("links of 64 DOIs (lookup)", """
                SELECT orcid, doi, registration_id, provenance, status, updated_at FROM claim WHERE doi = ANY(%s)
                ORDER BY doi, orcid, registration_id""".formatted(dois), HYPER, 50_000);
        assertThat(together.plan()).doesNotContain("Seq Scan on claim").contains("claim_doi");
        assertThat(together.rows()).isEqualTo(64);
    }

    private static final String ROOM = """
            SELECT count(*) FROM claim WHERE orcid = ? AND (put_code IS NOT NULL OR post_attempted_hash IS NOT NULL)""";

    /**
     * The statement reads pages in proportion to what it returns, not to her claims: no scan of the table, and
     * about as many pages for 50,000 claims as for 50 (plus a page or two per row returned, and {@code share} of her
     * claims where the answer is a count of a part of them).
     */
    private void bounded(String name, String sql, boolean withNow) {
        bounded(name, sql, withNow, 0);
    }

    private void bounded(String name, String sql, boolean withNow, double share) {
        PlanCost hyper = explain(name, sql, HYPER, 50_000, withNow);
        PlanCost small = explain(name, sql, SMALL, 50, withNow);
        assertThat(hyper.plan()).as(name).doesNotContain("Seq Scan on claim");
        assertThat(hyper.pages()).as(name + ": pages read for 50,000 claims against " + small.pages() + " for 50")
                .isLessThanOrEqualTo(small.pages() * 3 + 20 + 2 * hyper.rows() + (long) (share * 50_000 / 100));
    }

    private PlanCost explain(String name, String sql, String orcid, int claims) {
        return explain(name, sql, orcid, claims, false);
    }

    private PlanCost explain(String name, String sql, String orcid, int claims, boolean withNow) {
        int params = (int) sql.chars().filter(c -> c == '?').count();
        Object[] args = new Object[params];
        for (int i = 0; i < params; i++) {
            args[i] = withNow && i == 1 ? NOW : orcid;
        }
        String json = jdbc.queryForObject("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + sql, String.class, args);
        JsonNode plan = JSON.readTree(json).get(0).get("Plan");
        long pages = plan.path("Shared Hit Blocks").asLong() + plan.path("Shared Read Blocks").asLong();
        long rows = plan.path("Actual Rows").asLong();
        String text = String.join("\n", jdbc.queryForList("EXPLAIN (ANALYZE, BUFFERS) " + sql, String.class, args));
        {
            plans.add("== " + name + ", researcher with " + claims + " claims: " + pages + " pages\n" + text + "\n");
            write();
        }
        return new PlanCost(pages, rows, text);
    }

    private record PlanCost(long pages, long rows, String plan) {
    }

    private void write() {
        try {
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "query-plans.txt"), String.join("\n", plans));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
