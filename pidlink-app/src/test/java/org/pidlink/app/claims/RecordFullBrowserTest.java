package org.pidlink.app.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.pidlink.app.testsupport.Eventually.eventually;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.pidlink.app.orcid.EmbeddedOrcid;
import org.pidlink.app.orcid.OrcidRegistrations;
import org.pidlink.app.testsupport.ConnectedResearchers;
import org.pidlink.app.testsupport.ConnectedResearchers.Person;
import org.pidlink.app.testsupport.HeadlessChromium;
import org.pidlink.app.testsupport.PidlinkSpringTest;
import org.pidlink.core.identifiers.Doi;
import org.pidlink.emulator.state.EmulatorState;
import org.pidlink.emulator.state.StoredWork;
import org.pidlink.emulator.state.Visibility;
import org.pidlink.emulator.works.Work;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole app with a researcher whose ORCID record another source has all but filled: pidlink's first bulk meets
 * 9048 (one call, every work held back as "record full"), she deletes a work on ORCID, ORCID's callback makes pidlink
 * read her record and write the newest of her works into the room; the profile tells her what is held back and what
 * she can do, and the administrators' reports page names her. Screenshots go to
 * {@code target/screenshots/record-full-*.png}.
 */
@PidlinkSpringTest
class RecordFullBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedOrcid orcid;

    @Autowired
    Claims claims;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aFullRecordHoldsWorksBackAndRoomBringsTheNewestOnes(@TempDir Path temp) throws IOException {
        ConnectedResearchers people = new ConnectedResearchers(port, orcid);
        Person hilde = people.newResearcher("Hilde", "Hyperauthor");
        // Another source fills her record before she connects (no callback tells pidlink).
        List<Long> others = fillFromAnotherSource(hilde, 10_000 - 2);
        // Auto-update off while her DOIs arrive, so that turning it on releases them together (her backfill).
        people.connect(hilde, false);
        Map<Integer, Long> byYear = new LinkedHashMap<>();
        for (int year = 2020; year <= 2024; year++) {
            Doi doi = Doi.parse("10.5555/series." + year + "." + UUID.randomUUID());
            byYear.put(year, claims.assertClaim(hilde.orcid(), doi, OrcidRegistrations.AUTO_UPDATE,
                    Provenance.AUTO_UPDATE, work(doi, year)).claimId());
        }
        people.setAutoUpdate(hilde, true);

        // pidlink saw no other work, so it sent all five: ORCID refused the bulk, and that one call held them all.
        eventually(() -> assertThat(byYear.values()).allSatisfy(id ->
                assertThat(claims.find(id).orElseThrow().status()).isEqualTo(ClaimStatus.RECORD_FULL)));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM orcid_call WHERE orcid = ? AND method = 'POST'",
                Integer.class, hilde.orcid().value())).isEqualTo(1);

        // She makes room on ORCID; its callback makes pidlink read the record: three places, the newest three.
        assertThat(orcid.emulator().control().deleteWork(hilde.orcid().value(), others.getFirst())).isTrue();
        eventually(() -> assertThat(statuses(byYear)).containsExactly(
                ClaimStatus.RECORD_FULL, ClaimStatus.RECORD_FULL, ClaimStatus.IN_ORCID, ClaimStatus.IN_ORCID,
                ClaimStatus.IN_ORCID));
        assertThat(orcid.emulator().control().works(hilde.orcid().value())).hasSize(10_000);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM orcid_call WHERE orcid = ? AND error_code = 9048",
                Integer.class, hilde.orcid().value())).isEqualTo(1);

        assumeTrue(HeadlessChromium.available(),
                "browser tests need Debian's chromium and chromium-driver (.ci/run installs them)");
        try (HeadlessChromium chromium = HeadlessChromium.start(temp.resolve("researcher"), 1280, 1300)) {
            WebDriver browser = chromium.driver();
            browser.get("http://localhost:" + port + "/");
            browser.findElement(By.id("home-sign-in")).click();
            chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
            browser.findElement(By.id("username")).sendKeys(hilde.email());
            browser.findElement(By.id("password")).sendKeys(org.pidlink.app.orcid.DemoResearchers.PASSWORD);
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            chromium.waiting().until(driver -> driver.getCurrentUrl().contains("/profile")
                    || !driver.findElements(By.cssSelector("button[value=authorize]")).isEmpty());
            if (!browser.getCurrentUrl().contains("/profile")) {
                browser.findElement(By.cssSelector("button[value=authorize]")).click();
                chromium.waiting().until(ExpectedConditions.urlContains("/profile"));
            }
            String notice = browser.findElement(By.id("record-full")).getText();
            assertThat(notice).contains("Your ORCID record is full").contains("2 works are not written")
                    .contains("10,000").contains("delete works you do not need there");
            assertThat(browser.findElement(By.id("claim-" + byYear.get(2020))).getText())
                    .contains("Not written: your ORCID record is full");
            chromium.scrollTo("record-full");
            chromium.shot("record-full-01-researcher-profile");
        }
        try (HeadlessChromium chromium = HeadlessChromium.start(temp.resolve("administrator"), 1280, 2200)) {
            chromium.signInAsAdministrator(port);
            chromium.driver().get("http://localhost:" + port + "/admin/reports?refresh=true");
            String nearCap = chromium.driver().findElement(By.id("near-cap")).getText();
            assertThat(nearCap).contains(hilde.orcid().value());
            chromium.scrollTo("link-figures");
            chromium.shot("record-full-02-administrator-reports");
        }
    }

    private List<ClaimStatus> statuses(Map<Integer, Long> ids) {
        return ids.values().stream().map(id -> claims.find(id).orElseThrow().status()).toList();
    }

    private static WorkPayload work(Doi doi, int year) {
        return WorkPayload.ofCanonicalJson("{\"title\":{\"title\":{\"value\":\"Instrument series, " + year + "\"}},"
                + "\"type\":\"data-set\",\"publication-date\":{\"year\":{\"value\":\"" + year + "\"}},"
                + "\"external-ids\":{\"external-id\":[{\"external-id-type\":\"doi\",\"external-id-value\":\""
                + doi.value() + "\",\"external-id-url\":{\"value\":\"" + doi.url()
                + "\"},\"external-id-relationship\":\"self\"}]}}");
    }

    /** Another source's public works on her record, put straight into the emulator's state (fast). */
    private List<Long> fillFromAnotherSource(Person person, int count) {
        EmulatorState state = orcid.emulator().state();
        var record = state.researcher(person.orcid().value()).orElseThrow();
        List<Long> putCodes = new ArrayList<>();
        state.changeWorks(record, works -> {
            for (int i = 0; i < count; i++) {
                long pc = state.nextPutCode();
                String id = person.orcid().value() + "-" + i;
                Work work = new Work(null, "Instrument record " + i, null, null, null, null, null, "other", null,
                        List.of(new Work.ExternalId("other-id", id, null, "self")), null, null, null, null, null);
                works.put(new StoredWork(pc, "APP-ANOTHER-SOURCE", state.now(), state.now(), Visibility.PUBLIC, work,
                        List.of(id)));
                putCodes.add(pc);
            }
            return EmulatorState.RecordChange.changed(null);
        });
        return putCodes;
    }
}
