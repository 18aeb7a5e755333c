package org.pidlink.app.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
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
import org.pidlink.app.testsupport.ChromiumSession;
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

    @RegisterExtension
    final ChromiumSession chromium = new ChromiumSession(1280, 1100);

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
        chromium.driver().get(orcidBase + "/signin?next=/inbox");
        chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        chromium.driver().findElement(By.id("username")).sendKeys(nora.email());
        chromium.driver().findElement(By.id("password")).sendKeys(DemoResearchers.PASSWORD);
        chromium.driver().findElement(By.cssSelector("button[type=submit]")).click();
        chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr.notification a")));
        assertThat(chromium.driver().findElement(By.cssSelector("tr.notification a")).getText())
                .isEqualTo("Add your recent works to your ORCID record");
        shot("14-01-orcid-inbox");
        chromium.driver().findElement(By.cssSelector("tr.notification a")).click();
        chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a.grant")));
        assertThat(chromium.driver().getPageSource()).contains("Ice cores of the Lomonosov Ridge");
        shot("14-02-orcid-inbox-request");

        // "Grant permissions" is ORCID's own authorize page for pidlink's auto-update client.
        chromium.driver().findElement(By.cssSelector("a.grant")).click();
        chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("button[value=authorize]")));
        assertThat(chromium.driver().getCurrentUrl()).startsWith(orcidBase + "/oauth/authorize?client_id="
                + registrations.clientId(OrcidRegistrations.AUTO_UPDATE));
        shot("14-03-orcid-authorize");
        chromium.driver().findElement(By.cssSelector("button[value=authorize]")).click();

        // Back on pidlink, which she has never used: she signs in with ORCID, and the grant is kept.
        chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("signin-orcid")));
        shot("14-04-pidlink-sign-in");
        chromium.driver().findElement(By.id("signin-orcid")).click();
        chromium.waiting().until(driver -> driver.getCurrentUrl().contains("/settings")
                || !driver.findElements(By.cssSelector("button[value=authorize]")).isEmpty());
        if (!chromium.driver().getCurrentUrl().contains("/settings")) {
            chromium.driver().findElement(By.cssSelector("button[value=authorize]")).click();
            chromium.waiting().until(ExpectedConditions.urlContains("/settings"));
        }
        assertThat(chromium.driver().findElement(By.id("notice")).getText())
                .contains("pidlink may now update your ORCID record, and auto-update is on");
        assertThat(chromium.driver().findElement(By.id("auto-update")).isSelected()).isTrue();
        assertThat(permissions.find(nora.orcid(), OrcidRegistrations.AUTO_UPDATE)).isPresent();
        assertThat(researchers.find(nora.orcid()).orElseThrow().autoUpdate()).isTrue();
        shot("14-05-permission-granted-auto-update-on");

        Eventually.eventually(() -> assertThat(OrcidRecords.worksWithDoi(orcid, nora.orcid(), doi.value())).hasSize(1));
        Eventually.eventually(() -> {
            chromium.driver().get("http://localhost:" + port + "/profile");
            assertThat(chromium.driver().findElement(By.id("works")).getText()).contains("Ice cores of the Lomonosov Ridge")
                    .contains("Yes, added by pidlink's auto-update client.");
        });
        assertThat(chromium.driver().findElement(By.id("permission-summary")).getText())
                .contains("pidlink may add, update and remove the works it finds for you")
                .contains("Auto-update is on");
        chromium.driver().findElement(By.cssSelector("#status-meanings summary")).click();
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

        chromium.connectWithAutoUpdate(port, rosa.email());

        chromium.driver().get("http://localhost:" + port + "/profile");
        chromium.driver().findElement(By.id("mode-review")).click();
        chromium.submitAndWaitForTheNextPage(By.id("save-write-mode"));
        assertThat(chromium.driver().findElement(By.id("claims-message")).getText()).contains("Review first");
        DoiMetadata.dataset(keep, "Seagrass meadows of the Baltic").creator("Reviewer, Rosa", rosa.orcid())
                .postAccepted(new Http(port), key);
        DoiMetadata.dataset(drop, "Seagrass meadows, a superseded version").creator("Reviewer, Rosa", rosa.orcid())
                .postAccepted(new Http(port), key);
        Eventually.eventually(() -> {
            chromium.driver().get("http://localhost:" + port + "/profile");
            assertThat(chromium.driver().findElements(By.cssSelector("tr.review-item"))).hasSize(2);
        });
        chromium.scrollTo("review");
        shot("14-10-review-first-list");

        chromium.driver().findElement(By.cssSelector("tr.review-item[data-doi='" + keep.value() + "'] button.approve")).click();
        chromium.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("claims-message"), "Approved"));
        chromium.driver().findElement(By.cssSelector("tr.review-item[data-doi='" + drop.value() + "'] button.dismiss")).click();
        chromium.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("claims-message"), "Dismissed"));
        shot("14-11-review-after-approve-and-dismiss");

        Eventually.eventually(() -> assertThat(OrcidRecords.worksWithDoi(orcid, rosa.orcid(), keep.value())).hasSize(1));
        assertThat(OrcidRecords.worksWithDoi(orcid, rosa.orcid(), drop.value())).isEmpty();
        Eventually.eventually(() -> {
            chromium.driver().get("http://localhost:" + port + "/profile");
            assertThat(chromium.driver().findElement(By.id("works")).getText()).contains("Yes, added by pidlink's auto-update client.")
                    .contains("Dismissed").contains("Bring it back");
        });
        chromium.scrollTo("works");
        shot("14-12-works-after-review");

        // She excludes the work pidlink wrote: the page says it leaves her record, and it does.
        chromium.submitAndWaitForTheNextPage(By.cssSelector("tr[id='work-" + keep.value() + "'] button.exclude"));
        assertThat(chromium.driver().findElement(By.id("claims-message")).getText())
                .isEqualTo("Excluded " + keep.value() + ": pidlink removes it from your ORCID record and will not add "
                        + "it again.");
        shot("14-13-excluded");
        Eventually.eventually(() -> assertThat(OrcidRecords.worksWithDoi(orcid, rosa.orcid(), keep.value())).isEmpty());
        chromium.driver().get("http://localhost:" + port + "/profile");
        assertThat(chromium.driver().findElement(By.cssSelector("tr[id='work-" + keep.value() + "']")).getText())
                .contains("No. Deleted from ORCID").contains("Why: you excluded it.").contains("Include again");
        chromium.scrollTo("works");
        shot("14-14-works-after-exclude");
    }

    private void shot(String name) {
        chromium.shot(name);
    }
}
