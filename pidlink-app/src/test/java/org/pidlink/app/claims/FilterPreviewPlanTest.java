package org.pidlink.app.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pidlink.app.testsupport.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The filters' preview is one statement over her claims, read along her iD: a researcher with 5,000 claims among
 * 100,000 gets it from her own rows, never a scan of the table, and without a call to ORCID. The plan, with its
 * time on this machine, goes to {@code target/filter-preview-plan.txt} (times are no target here: see the benchmarks).
 */
class FilterPreviewPlanTest {

    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();

    private static final String HER = "0000-0001-5000-0005";

    @Test
    void thePreviewReadsHerClaimsOnly() throws IOException {
        JdbcClient jdbc = JdbcClient.create(DB.dataSource());
        claims(jdbc, HER, 5_000);
        for (int i = 0; i < 19; i++) {
            claims(jdbc, String.format("0000-0002-%04d-0000", i), 5_000);
        }
        jdbc.sql("VACUUM ANALYZE claim").update();

        WorkFilters proposed = new WorkFilters(java.util.Set.of("data-set"), false, true, true, 2015);
        List<String> plan = proposed.bind(jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + ClaimLifecycle.PREVIEW_SQL))
                .param("orcid", HER).param("review", false).param("reviewingNow", false)
                .query(String.class).list();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "filter-preview-plan.txt"), String.join("\n", plan));
        assertThat(String.join("\n", plan)).doesNotContain("Seq Scan on claim");

        // And it counts what the rule says: every claim of hers is in exactly one of its answers or in none.
        long total = proposed.bind(jdbc.sql("SELECT coalesce(sum(removed + added + review + held_back), 0) FROM ("
                        + ClaimLifecycle.PREVIEW_SQL + ") p"))
                .param("orcid", HER).param("review", false).param("reviewingNow", false)
                .query(Long.class).single();
        assertThat(total).isBetween(1L, 5_000L);
    }

    /** On her record, filtered, queued: with facts of every kind. */
    private static void claims(JdbcClient jdbc, String orcid, int n) {
        jdbc.sql("""
                INSERT INTO claim (orcid, doi, registration_id, provenance, payload_hash, status, put_code,
                                   queued_action, due_at, write_rank, named_as, doi_state, version_of, work_type,
                                   work_year, filtered_by, wanted, created_at, updated_at)
                SELECT :orcid, '10.5555/preview.' || :orcid || '.' || g, 'auto-update', '{AUTO_UPDATE}', 'h' || g,
                       CASE WHEN g % 3 = 0 THEN 'IN_ORCID' WHEN g % 3 = 1 THEN 'FILTERED' ELSE 'QUEUED' END,
                       CASE WHEN g % 3 = 0 THEN g END,
                       CASE WHEN g % 3 = 2 THEN 'ADD' END, CASE WHEN g % 3 = 2 THEN now() END,
                       g, CASE WHEN g % 5 = 0 THEN 'contributor' ELSE 'creator' END,
                       CASE WHEN g % 7 = 0 THEN 'REGISTERED' ELSE 'FINDABLE' END,
                       CASE WHEN g % 11 = 0 THEN 'IsVersionOf 10.5555/x' END,
                       CASE WHEN g % 2 = 0 THEN 'data-set' ELSE 'journal-article' END, 2000 + g % 26,
                       CASE WHEN g % 3 = 1 THEN 'FINDABLE_ONLY' END, g % 3 <> 1, now(), now()
                FROM generate_series(1, :n) AS g""").param("orcid", orcid).param("n", n).update();
    }
}
