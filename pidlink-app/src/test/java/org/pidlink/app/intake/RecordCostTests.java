package org.pidlink.app.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.pidlink.app.claims.ClaimStatus;
import org.pidlink.app.intake.notify.PermissionNotifications;
import org.pidlink.app.orcid.EmbeddedOrcid;
import org.pidlink.app.testsupport.ConnectedResearchers;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * The cost of one record is bounded (issue 17, finding 2): a DataCite record naming 2,000 researchers used to make
 * 2,000 copies of its work (one per claim, and one per intake task) and 2,000 ORCID inbox requests. Now the iDs
 * beyond the ceiling per record are reported in the 202 answer, the claims refer to one stored work, and the
 * permission requests the DOI starts are capped.
 */
class RecordCostTests extends IntakeTestSupport {

    @Autowired
    PermissionNotifications notifications;

    @Autowired
    EmbeddedOrcid orcid;

    @Test
    void aRecordOfTwoThousandIdsStoresItsWorkOnceHonoursTheCeilingAndCapsInboxRequests() {
        Set<String> unique = new LinkedHashSet<>();
        while (unique.size() < 2000) {
            unique.add(TestRecords.newOrcid());
        }
        List<String> orcids = new ArrayList<>(unique);
        // One of the first thousand has connected pidlink: her claim is written, everyone else's waits.
        ConnectedResearchers people = new ConnectedResearchers(port, orcid);
        ConnectedResearchers.Person connected = people.newResearcher("Cora", "Connected");
        people.connect(connected, true);
        orcids.set(500, connected.orcid().value());
        String doi = TestRecords.newDoi();

        JsonNode outcome = accepted(post(TestRecords.dataciteJson(doi, "findable", "A consortium's data set",
                orcids, List.of()).getBytes(StandardCharsets.UTF_8), "application/vnd.api+json"))
                .get("dois").get(0);

        assertThat(outcome.get("status").asString()).isEqualTo("accepted");
        assertThat(texts(outcome.get("orcids"))).containsExactlyElementsOf(orcids.subList(0, 1000));
        List<JsonNode> beyond = outcome.get("rejectedIdentifiers").valueStream().toList();
        assertThat(beyond).extracting(id -> id.get("value").asString())
                .containsExactlyElementsOf(orcids.subList(1000, 2000));
        assertThat(beyond.getFirst().get("reason").asString()).contains("max-ids-per-record");
        String workHash = jdbc.queryForObject("SELECT min(work_hash) FROM intake_task WHERE doi = ?", String.class,
                doi);
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT work_hash) FROM intake_task WHERE doi = ?",
                Integer.class, doi)).as("the intake tasks share one work").isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM intake_work WHERE work_hash = ?", Integer.class,
                workHash)).as("stored once").isEqualTo(1);

        drainIntake();

        assertThat(jdbc.queryForObject("SELECT count(*) FROM claim WHERE doi = ?", Integer.class, doi))
                .isEqualTo(1000);
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM claim_work WHERE payload_hash IN (SELECT payload_hash FROM claim WHERE doi = ?)""",
                Integer.class, doi)).as("every claim of the record refers to one stored work").isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM intake_work WHERE work_hash = ?", Integer.class,
                workHash)).as("the intake's copy goes with its last task").isZero();
        assertThat(claim(orcids.get(999), doi).orElseThrow().title()).isEqualTo("A consortium's data set");
        assertThat(claim(orcids.get(999), doi).orElseThrow().status()).isEqualTo(ClaimStatus.WAITING_FOR_PERMISSION);
        assertThat(claim(connected.orcid().value(), doi).orElseThrow().status())
                .as("the connected researcher's claim takes the whole way").isIn(ClaimStatus.QUEUED,
                        ClaimStatus.IN_ORCID);
        // The one work every researcher shares lists the record's whole author list (ORCID sets no limit on a
        // work's contributors), so each of them, including the 1,000th, finds herself on it.
        JsonNode work = JSON.readTree(jdbc.queryForObject("""
                SELECT w.work_json FROM claim_work w JOIN claim c ON c.payload_hash = w.payload_hash
                WHERE c.doi = ? AND c.orcid = ?""", String.class, doi, orcids.get(999)));
        List<String> listed = work.get("contributors").get("contributor").valueStream()
                .map(c -> c.get("contributor-orcid").get("path").asString()).toList();
        assertThat(listed).hasSize(2000).containsExactlyElementsOf(orcids);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM permission_notification WHERE doi = ?", Integer.class,
                doi)).as("inbox requests this DOI starts, capped by max-per-doi").isEqualTo(100);
    }
}
