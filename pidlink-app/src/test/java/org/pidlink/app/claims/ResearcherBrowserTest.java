package org.pidlink.app.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pidlink.app.accounts.Researchers;
import org.pidlink.app.accounts.WritePermissions;
import org.pidlink.app.intake.api.ApiKeys;
import org.pidlink.app.intake.notify.PermissionNotifications;
import org.pidlink.app.orcid.DemoResearchers;
import org.pidlink.app.orcid.EmbeddedOrcid;
import org.pidlink.app.orcid.OrcidRegistrations;
import org.pidlink.app.testsupport.ConnectedResearchers;
import org.pidlink.app.testsupport.ConnectedResearchers.Person;
import org.pidlink.app.testsupport.DoiMetadata;
import org.pidlink.app.testsupport.Eventually;
import org.pidlink.app.testsupport.HeadlessChromium;
import org.pidlink.app.testsupport.Http;
import org.pidlink.app.testsupport.OrcidRecords;
import org.pidlink.app.testsupport.PidlinkSpringTest;
import org.pidlink.core.identifiers.Doi;
import org.pidlink.emulator.inbox.Inbox;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A researcher new to pidlink in headless Chromium (issue 14): a DOI names her, pidlink's request arrives in her
 * ORCID inbox; she follows "Grant permissions" through ORCID's authorize page, signs in to pidlink, and returns
 * to her settings with the permission granted and auto-update on; her profile then tells one story. Screenshots
 * go to {@code target/screenshots/}.
 */
@PidlinkSpringTest
class ResearcherBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedOrcid orcid;

    @Autowired
    OrcidRegistrations registrations;

    @Autowired
    PermissionNotifications notifications;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    WritePermissions permissions;

    @Autowired
    Researchers researchers;

    private HeadlessChromium chromium;
    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void startChromium(@TempDir Path profile) throws IOException {
        assumeTrue(HeadlessChromium.available(),
                "browser tests need Debian's chromium and chromium-driver (.ci/run installs them)");
        chromium = HeadlessChromium.start(profile, 1280, 1100);
        browser = chromium.driver();
        wait = chromium.waiting();
    }

    @AfterEach
    void stopChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void theInboxRequestLeadsThroughOrcidsAuthorizePageToAGrantedPermission() {
        Person nora = new ConnectedResearchers(port, orcid).newResearcher("Nora", "Newcomer");
        Doi doi = new Doi("10.5555/inbox-" + UUID.randomUUID());
        DoiMetadata.dataset(doi, "Ice cores of the Lomonosov Ridge").creator("Newcomer, Nora", nora.orcid())
                .postAccepted(new Http(port), apiKeys.create("tests", null, "test").key());
        Eventually.eventually(() -> {
            notifications.sendDue();
            assertThat(Inbox.of(orcid.emulator().context()).of(nora.orcid().value())).hasSize(1);
        });

        // On ORCID: she signs in and opens her inbox.
        String orcidBase = registrations.oauthBase().toString();
        browser.get(orcidBase + "/signin?next=/inbox");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        browser.findElement(By.id("username")).sendKeys(nora.email());
        browser.findElement(By.id("password")).sendKeys(DemoResearchers.PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr.notification a")));
        assertThat(browser.findElement(By.cssSelector("tr.notification a")).getText())
                .isEqualTo("Add your recent works to your ORCID record");
        shot("14-01-orcid-inbox");
        browser.findElement(By.cssSelector("tr.notification a")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a.grant")));
        assertThat(browser.getPageSource()).contains("Ice cores of the Lomonosov Ridge");
        shot("14-02-orcid-inbox-request");

        // "Grant permissions" is ORCID's own authorize page for pidlink's auto-update client.
        browser.findElement(By.cssSelector("a.grant")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("button[value=authorize]")));
        assertThat(browser.getCurrentUrl()).startsWith(orcidBase + "/oauth/authorize?client_id="
                + registrations.clientId(OrcidRegistrations.AUTO_UPDATE));
        shot("14-03-orcid-authorize");
        browser.findElement(By.cssSelector("button[value=authorize]")).click();

        // Back on pidlink, which she has never used: she signs in with ORCID, and the grant is kept.
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signin-orcid")));
        shot("14-04-pidlink-sign-in");
        browser.findElement(By.id("signin-orcid")).click();
        wait.until(driver -> driver.getCurrentUrl().contains("/settings")
                || !driver.findElements(By.cssSelector("button[value=authorize]")).isEmpty());
        if (!browser.getCurrentUrl().contains("/settings")) {
            browser.findElement(By.cssSelector("button[value=authorize]")).click();
            wait.until(ExpectedConditions.urlContains("/settings"));
        }
        assertThat(browser.findElement(By.id("notice")).getText())
                .contains("pidlink may now update your ORCID record, and auto-update is on");
        assertThat(browser.findElement(By.id("auto-update")).isSelected()).isTrue();
        assertThat(permissions.find(nora.orcid(), OrcidRegistrations.AUTO_UPDATE)).isPresent();
        assertThat(researchers.find(nora.orcid()).orElseThrow().autoUpdate()).isTrue();
        shot("14-05-permission-granted-auto-update-on");

        Eventually.eventually(() -> assertThat(OrcidRecords.worksWithDoi(orcid, nora.orcid(), doi.value())).hasSize(1));
        Eventually.eventually(() -> {
            browser.get("http://localhost:" + port + "/profile");
            assertThat(browser.findElement(By.id("works")).getText()).contains("Ice cores of the Lomonosov Ridge")
                    .contains("Yes, added by pidlink's auto-update client.");
        });
        assertThat(browser.findElement(By.id("permission-summary")).getText())
                .contains("pidlink may add, update and remove the works it finds for you")
                .contains("Auto-update is on");
        browser.findElement(By.cssSelector("#status-meanings summary")).click();
        shot("14-06-profile");
        chromium.scrollTo("status-meanings");
        shot("14-07-profile-status-meanings");
    }

    @Test
    void reviewFirstApproveOneDismissOne() {
        ConnectedResearchers people = new ConnectedResearchers(port, orcid);
        Person rosa = people.newResearcher("Rosa", "Reviewer");
        String key = apiKeys.create("tests", null, "test").key();
        Doi keep = new Doi("10.5555/review-keep-" + UUID.randomUUID());
        Doi drop = new Doi("10.5555/review-drop-" + UUID.randomUUID());

        browser.get("http://localhost:" + port + "/");
        browser.findElement(By.id("home-sign-in")).click();
        chromium.signInOnOrcid(rosa.email());
        browser.findElement(By.cssSelector("button[value=authorize]")).click();
        wait.until(ExpectedConditions.urlContains("/profile"));
        browser.findElement(By.id("nav-settings")).click();
        browser.findElement(By.id("connect-" + OrcidRegistrations.AUTO_UPDATE)).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("button[value=authorize]")));
        browser.findElement(By.cssSelector("button[value=authorize]")).click();
        wait.until(ExpectedConditions.urlContains("/settings"));

        browser.get("http://localhost:" + port + "/profile");
        browser.findElement(By.id("mode-review")).click();
        chromium.submitAndWaitForTheNextPage(By.id("save-write-mode"));
        assertThat(browser.findElement(By.id("claims-message")).getText()).contains("Review first");
        DoiMetadata.dataset(keep, "Seagrass meadows of the Baltic").creator("Reviewer, Rosa", rosa.orcid())
                .postAccepted(new Http(port), key);
        DoiMetadata.dataset(drop, "Seagrass meadows, a superseded version").creator("Reviewer, Rosa", rosa.orcid())
                .postAccepted(new Http(port), key);
        Eventually.eventually(() -> {
            browser.get("http://localhost:" + port + "/profile");
            assertThat(browser.findElements(By.cssSelector("tr.review-item"))).hasSize(2);
        });
        chromium.scrollTo("review");
        shot("14-10-review-first-list");

        browser.findElement(By.cssSelector("tr.review-item[data-doi='" + keep.value() + "'] button.approve")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("claims-message"), "Approved"));
        browser.findElement(By.cssSelector("tr.review-item[data-doi='" + drop.value() + "'] button.dismiss")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("claims-message"), "Dismissed"));
        shot("14-11-review-after-approve-and-dismiss");

        Eventually.eventually(() -> assertThat(OrcidRecords.worksWithDoi(orcid, rosa.orcid(), keep.value())).hasSize(1));
        assertThat(OrcidRecords.worksWithDoi(orcid, rosa.orcid(), drop.value())).isEmpty();
        Eventually.eventually(() -> {
            browser.get("http://localhost:" + port + "/profile");
            assertThat(browser.findElement(By.id("works")).getText()).contains("Yes, added by pidlink's auto-update client.")
                    .contains("Dismissed").contains("Bring it back");
        });
        chromium.scrollTo("works");
        shot("14-12-works-after-review");
    }

    private void shot(String name) {
        chromium.shot(name);
    }
}
