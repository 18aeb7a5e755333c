package org.pidlink.app.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.pidlink.app.orcid.OrcidRegistrations;
import org.pidlink.app.testsupport.ChromiumSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A researcher in headless Chromium: signs in on the emulator's real ORCID pages, grants permission, turns
 * auto-update on and off, and disconnects. Screenshots go to {@code target/screenshots/}.
 */
class BrowserFlowTest extends AccountsTestSupport {

    @Autowired
    WritePermissions permissions;

    @Autowired
    Researchers researchers;

    @RegisterExtension
    final ChromiumSession chromium = new ChromiumSession(1280, 1000);

    @Test
    void signInGrantAutoUpdateOnAndOffDisconnect() {
        Person jocelyn = newResearcher("Jocelyn", "Bell");
        chromium.driver().get("http://localhost:" + port + "/");
        shot("01-landing");

        chromium.driver().findElement(By.id("home-sign-in")).click();
        signInOnOrcid(jocelyn);
        shot("02-orcid-consent-sign-in");
        chromium.driver().findElement(By.cssSelector("button[value=authorize]")).click();
        chromium.waiting().until(ExpectedConditions.urlContains("/profile"));
        WebElement link = chromium.driver().findElement(By.id("orcid-link"));
        assertThat(link.getAttribute("href")).endsWith("/" + jocelyn.orcid().value());
        assertThat(link.findElement(By.tagName("img")).getAttribute("src")).endsWith("/img/orcid-id.svg");
        assertThat(chromium.driver().findElement(By.id("researcher-name")).getText()).isEqualTo(jocelyn.name());
        shot("03-profile");

        chromium.driver().findElement(By.id("nav-settings")).click();
        chromium.driver().findElement(By.id("connect-" + OrcidRegistrations.AUTO_UPDATE)).click();
        chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("button[value=authorize]")));
        shot("04-orcid-consent-permission");
        chromium.driver().findElement(By.cssSelector("button[value=authorize]")).click();
        chromium.waiting().until(ExpectedConditions.urlContains("/settings"));
        // Granting the auto-update permission turns auto-update on, and the page she returns to says so.
        assertThat(chromium.driver().findElement(By.id("notice")).getText())
                .contains("pidlink may now update your ORCID record, and auto-update is on");
        assertThat(chromium.driver().findElement(By.id("permission-" + OrcidRegistrations.AUTO_UPDATE)).getText()).contains("Granted");
        assertThat(chromium.driver().findElement(By.id("auto-update")).isSelected()).isTrue();
        assertThat(researchers.find(jocelyn.orcid()).orElseThrow().autoUpdate()).isTrue();
        shot("05-permission-granted-auto-update-on");

        chromium.driver().findElement(By.id("auto-update")).click();
        submitAndWaitForTheNextPage(By.id("save-settings"));
        chromium.waiting().until(ExpectedConditions.textToBe(By.id("notice"), "Your settings are saved."));
        assertThat(chromium.driver().findElement(By.id("auto-update")).isSelected()).isFalse();
        assertThat(researchers.find(jocelyn.orcid()).orElseThrow().autoUpdate()).isFalse();
        shot("06-auto-update-off");

        chromium.driver().findElement(By.id("auto-update")).click();
        submitAndWaitForTheNextPage(By.id("save-settings"));
        chromium.waiting().until(ExpectedConditions.textToBe(By.id("notice"), "Your settings are saved."));
        assertThat(chromium.driver().findElement(By.id("auto-update")).isSelected()).isTrue();
        assertThat(researchers.find(jocelyn.orcid()).orElseThrow().autoUpdate()).isTrue();
        shot("07-auto-update-on-again");

        chromium.driver().findElement(By.id("remove-works")).click();
        chromium.driver().findElement(By.id("confirm-disconnect")).click();
        submitAndWaitForTheNextPage(By.id("disconnect"));
        chromium.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "disconnected"));
        assertThat(chromium.driver().findElement(By.id("permission-" + OrcidRegistrations.AUTO_UPDATE)).getText())
                .contains("Not granted");
        assertThat(permissions.find(jocelyn.orcid(), OrcidRegistrations.AUTO_UPDATE)).isEmpty();
        assertThat(events.of(jocelyn.orcid())).contains(new ResearcherDisconnected(jocelyn.orcid(), true));
        shot("08-disconnected");
    }

    @Test
    void deniedConsentShowsAClearPage() {
        Person henrietta = newResearcher("Henrietta", "Leavitt");
        chromium.driver().get("http://localhost:" + port + "/");
        chromium.driver().findElement(By.id("sign-in")).click();
        signInOnOrcid(henrietta);
        chromium.driver().findElement(By.cssSelector("button[value=deny]")).click();
        chromium.waiting().until(ExpectedConditions.urlContains("/signin/failed"));
        assertThat(chromium.driver().findElement(By.id("problem-title")).getText()).isEqualTo("You did not sign in");
        assertThat(chromium.driver().getPageSource()).doesNotContain("Exception");
        shot("09-sign-in-denied");
    }

    @Test
    void anAdministratorSeesOrcidsBudgetByClassOnTheQueuePage() {
        chromium.signInAsAdministrator(port);
        chromium.driver().get("http://localhost:" + port + "/admin/queue");
        chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("budget")));
        assertThat(chromium.driver().findElement(By.id("budget")).getText()).contains("interactive").contains("fresh")
                .contains("backfill").contains("read").contains("housekeeping").contains("comes first");
        ((JavascriptExecutor) chromium.driver()).executeScript("document.getElementById('budget').scrollIntoView();");
        shot("10-admin-queue-budget");

        chromium.driver().findElement(By.id("nav-admin-harvest")).click();
        chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("harvest-off")));
        assertThat(chromium.driver().findElement(By.id("harvest-off")).getText()).contains("pidlink.intake.harvest.enabled=true");
        shot("11-admin-harvest-off");
    }

    private void signInOnOrcid(Person person) {
        chromium.signInOnOrcid(person.email());
    }

    private void submitAndWaitForTheNextPage(By button) {
        chromium.submitAndWaitForTheNextPage(button);
    }

    private void shot(String name) {
        chromium.shot(name);
    }
}
