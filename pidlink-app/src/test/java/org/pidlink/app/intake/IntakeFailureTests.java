package org.pidlink.app.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pidlink.app.intake.notify.PermissionNotifications;
import org.pidlink.app.orcid.EmbeddedOrcid;
import org.pidlink.core.identifiers.OrcidId;
import org.pidlink.emulator.control.ResearcherSpec;
import org.pidlink.emulator.inbox.Inbox;
import org.pidlink.emulator.traffic.Faults;
import org.springframework.beans.factory.annotation.Autowired;

/** What intake does when something fails: tasks and permission requests back off and are retried. */
class IntakeFailureTests extends IntakeTestSupport {

    @Autowired
    EmbeddedOrcid orcid;

    @Autowired
    PermissionNotifications notifications;

    @AfterEach
    void noFaults() {
        orcid.emulator().control().faults(Faults.NONE);
    }

    @Test
    void aFailingTaskBacksOffAndKeepsItsError() {
        jdbc.update("""
                INSERT INTO intake_task (doi, orcid, action, work_hash, reason, partition, enqueued_at)
                VALUES ('10.5555/broken-task', '0000-0002-1825-0097', 'ASSERT', NULL, NULL, 0, now())""");

        worker.runDueTasks();

        Map<String, Object> task = jdbc.queryForMap("SELECT attempts, not_before, last_error FROM intake_task");
        assertThat(task.get("attempts")).isEqualTo(1);
        assertThat(((Timestamp) task.get("not_before")).toInstant()).isAfter(Instant.now());
        assertThat((String) task.get("last_error")).isNotBlank();
        assertThat(worker.runDueTasks()).as("not due again yet").isZero();
    }

    @Test
    void aPermissionRequestThatOrcidCouldNotTakeIsRetriedLater() {
        String unknown = orcid.emulator().control().createResearcher(ResearcherSpec.of("Eve", "Retry")).orcid();
        orcid.emulator().control().faults(new Faults(1.0, List.of(503), 0, 0, 1L));
        String doi = TestRecords.newDoi();

        accepted(post(AutoUpdateEndToEndTests.dataciteXml(doi, "Retried", new OrcidId(unknown)), "application/xml"));
        drainIntake();
        notifications.sendDue();

        // The background sender may have tried as well: at least one attempt, and the request waits.
        eventually(() -> {
            Map<String, Object> request = jdbc.queryForMap(
                    "SELECT status, attempts, due_at, last_error FROM permission_notification WHERE orcid = ?", unknown);
            assertThat(request.get("status")).isEqualTo("DUE");
            assertThat((Integer) request.get("attempts")).isPositive();
            assertThat(((Timestamp) request.get("due_at")).toInstant()).isAfter(Instant.now().plusSeconds(30));
            assertThat((String) request.get("last_error")).contains("503");
        });

        orcid.emulator().control().faults(Faults.NONE);
        jdbc.update("UPDATE permission_notification SET due_at = now() WHERE orcid = ?", unknown);
        notifications.sendDue();
        eventually(() -> assertThat(jdbc.queryForObject("SELECT status FROM permission_notification WHERE orcid = ?",
                String.class, unknown)).isEqualTo("SENT"));
    }

    @Test
    void aResearcherWhoTakesNoNotificationsIsNotAskedAgain() {
        String declining = orcid.emulator().control().createResearcher(ResearcherSpec.of("Dora", "Declines")).orcid();
        Inbox.of(orcid.emulator().context()).accept(declining, false);
        String doi = TestRecords.newDoi();

        accepted(post(AutoUpdateEndToEndTests.dataciteXml(doi, "Unwanted", new OrcidId(declining)), "application/xml"));
        drainIntake();
        notifications.sendDue();

        eventually(() -> {
            Map<String, Object> request = jdbc.queryForMap(
                    "SELECT status, due_at, last_error FROM permission_notification WHERE orcid = ?", declining);
            assertThat(request.get("status")).isEqualTo("OPTED_OUT");
            assertThat(request.get("due_at")).isNull();
            assertThat((String) request.get("last_error")).contains("409/9032");
        });
        assertThat(Inbox.of(orcid.emulator().context()).of(declining)).isEmpty();
    }
}
