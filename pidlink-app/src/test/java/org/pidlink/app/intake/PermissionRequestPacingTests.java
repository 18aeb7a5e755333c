package org.pidlink.app.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pidlink.app.intake.notify.PermissionNotifications;
import org.pidlink.app.orcid.EmbeddedOrcid;
import org.pidlink.app.testsupport.ConnectedResearchers;
import org.pidlink.emulator.SettableClock;
import org.pidlink.emulator.inbox.Inbox;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Permission requests are paced per source (issue 17): one source's flood of records naming researchers who never
 * connected pidlink sends at most {@code max-per-source-per-hour} requests an hour, while another source's requests
 * still go out at once. Time is the app's settable clock, moved by an hour, never waited for.
 */
@TestPropertySource(properties = "pidlink.intake.notifications.max-per-source-per-hour=3")
class PermissionRequestPacingTests extends IntakeTestSupport {

    private static final int CAP = 3;

    @Autowired
    PermissionNotifications notifications;

    @Autowired
    EmbeddedOrcid orcid;

    @Autowired
    SettableClock testClock;

    private Duration moved = Duration.ZERO;

    @AfterEach
    void clockBack() {
        testClock.advance(moved.negated());
    }

    @Test
    void oneSourcesFloodKeepsItsHourlyPaceWhileAnotherSourcesRequestsGoOut() {
        ConnectedResearchers people = new ConnectedResearchers(port, orcid);
        String run = UUID.randomUUID().toString();
        String floodKey = apiKeys.create("flood-" + run, null, "test").key();
        String quietKey = apiKeys.create("quiet-" + run, null, "test").key();
        // what pidlink records as the DOIs' source: the API key's
        String flood = "api:flood-" + run;
        String quietSource = "api:quiet-" + run;
        // 45 researchers unknown to pidlink in the flood's records (more than two batches of the sender's 20), then
        // two in the other source's record.
        List<String> flooded = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            flooded.add(people.newResearcher("Flooded" + i, "Unconnected").orcid().value());
        }
        List<String> quiet = List.of(people.newResearcher("Quiet", "One").orcid().value(),
                people.newResearcher("Quiet", "Two").orcid().value());
        for (int first = 0; first < flooded.size(); first += 15) {
            accepted(post(TestRecords.dataciteJson(TestRecords.newDoi(), "findable", "Flood " + first,
                    flooded.subList(first, first + 15), List.of()).getBytes(StandardCharsets.UTF_8),
                    "application/vnd.api+json", floodKey));
        }
        drainIntake();
        accepted(post(TestRecords.dataciteJson(TestRecords.newDoi(), "findable", "A quiet source's data set",
                quiet, List.of()).getBytes(StandardCharsets.UTF_8), "application/vnd.api+json", quietKey));
        drainIntake();
        assertThat(count("SELECT count(*) FROM permission_notification WHERE source = ?", flood))
                .as("every flooded researcher needs a request")
                .isEqualTo(45);

        // Two rounds of the sender (the background thread may run others meanwhile): the flood's hour is used up in
        // the first, and the quiet source's requests are not stuck behind the flood's backlog.
        notifications.sendDue();
        notifications.sendDue();

        assertThat(sent(flood)).as("the flood's requests in its first hour").isEqualTo(CAP);
        assertThat(inboxes(flooded)).isEqualTo(CAP);
        assertThat(sent(quietSource)).as("the other source's requests went out").isEqualTo(2);
        assertThat(inboxes(quiet)).isEqualTo(2);

        // Within the hour nothing more of the flood goes out, however often the sender runs.
        advance(Duration.ofMinutes(59));
        for (int i = 0; i < 4; i++) {
            notifications.sendDue();
        }
        assertThat(sent(flood)).as("still the first hour").isEqualTo(CAP);

        // An hour after the first requests, the next hour's share goes out, and no more.
        advance(Duration.ofMinutes(2));
        for (int i = 0; i < 4; i++) {
            notifications.sendDue();
        }
        assertThat(sent(flood)).as("the second hour's share").isEqualTo(2 * CAP);
        assertThat(inboxes(flooded)).isEqualTo(2 * CAP);
        assertThat(due(flood)).as("the rest wait their turn").isEqualTo(45 - 2 * CAP);
    }

    private void advance(Duration by) {
        testClock.advance(by);
        moved = moved.plus(by);
    }

    private int sent(String source) {
        return count("SELECT count(*) FROM permission_notification WHERE source = ? AND status = 'SENT'", source);
    }

    private int due(String source) {
        return count("SELECT count(*) FROM permission_notification WHERE source = ? AND status = 'DUE'", source);
    }

    private int count(String sql, Object... args) {
        Integer n = jdbc.queryForObject(sql, Integer.class, args);
        return n == null ? 0 : n;
    }

    /** How many of these researchers have a permission request in their ORCID inbox. */
    private int inboxes(List<String> orcids) {
        Inbox inbox = Inbox.of(orcid.emulator().context());
        return (int) orcids.stream().filter(o -> !inbox.of(o).isEmpty()).count();
    }
}
