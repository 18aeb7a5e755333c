package org.pidlink.app.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pidlink.app.orcid.OrcidRegistrations;
import org.pidlink.app.testsupport.HeadlessChromium;
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

    private HeadlessChromium chromium;
    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void startChromium(@TempDir Path profile) throws IOException {
        assumeTrue(HeadlessChromium.available(),
                "browser tests need Debian's chromium and chromium-driver (.ci/run installs them)");
        chromium = HeadlessChromium.start(profile, 1280, 1000);
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
    void signInGrantAutoUpdateOnAndOffDisconnect() {
        Person jocelyn = newResearcher("Jocelyn", "Bell");
        browser.get("http://localhost:" + port + "/");
        shot("01-landing");

        browser.findElement(By.id("home-sign-in")).click();
        signInOnOrcid(jocelyn);
        shot("02-orcid-consent-sign-in");
        browser.findElement(By.cssSelector("button[value=authorize]")).click();
        wait.until(ExpectedConditions.urlContains("/profile"));
        WebElement link = browser.findElement(By.id("orcid-link"));
        assertThat(link.getAttribute("href")).endsWith("/" + jocelyn.orcid().value());
        assertThat(link.findElement(By.tagName("img")).getAttribute("src")).endsWith("/img/orcid-id.svg");
        assertThat(browser.findElement(By.id("researcher-name")).getText()).isEqualTo(jocelyn.name());
        shot("03-profile");

        browser.findElement(By.id("nav-settings")).click();
        browser.findElement(By.id("connect-" + OrcidRegistrations.AUTO_UPDATE)).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("button[value=authorize]")));
        shot("04-orcid-consent-permission");
        browser.findElement(By.cssSelector("button[value=authorize]")).click();
        wait.until(ExpectedConditions.urlContains("/settings"));
        // Granting the auto-update permission turns auto-update on, and the page she returns to says so.
        assertThat(browser.findElement(By.id("notice")).getText())
                .contains("pidlink may now update your ORCID record, and auto-update is on");
        assertThat(browser.findElement(By.id("permission-" + OrcidRegistrations.AUTO_UPDATE)).getText()).contains("Granted");
        assertThat(browser.findElement(By.id("auto-update")).isSelected()).isTrue();
        assertThat(researchers.find(jocelyn.orcid()).orElseThrow().autoUpdate()).isTrue();
        shot("05-permission-granted-auto-update-on");

        browser.findElement(By.id("auto-update")).click();
        submitAndWaitForTheNextPage(By.id("save-settings"));
        wait.until(ExpectedConditions.textToBe(By.id("notice"), "Your settings are saved."));
        assertThat(browser.findElement(By.id("auto-update")).isSelected()).isFalse();
        assertThat(researchers.find(jocelyn.orcid()).orElseThrow().autoUpdate()).isFalse();
        shot("06-auto-update-off");

        browser.findElement(By.id("auto-update")).click();
        submitAndWaitForTheNextPage(By.id("save-settings"));
        wait.until(ExpectedConditions.textToBe(By.id("notice"), "Your settings are saved."));
        assertThat(browser.findElement(By.id("auto-update")).isSelected()).isTrue();
        assertThat(researchers.find(jocelyn.orcid()).orElseThrow().autoUpdate()).isTrue();
        shot("07-auto-update-on-again");

        browser.findElement(By.id("remove-works")).click();
        browser.findElement(By.id("confirm-disconnect")).click();
        submitAndWaitForTheNextPage(By.id("disconnect"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "disconnected"));
        assertThat(browser.findElement(By.id("permission-" + OrcidRegistrations.AUTO_UPDATE)).getText())
                .contains("Not granted");
        assertThat(permissions.find(jocelyn.orcid(), OrcidRegistrations.AUTO_UPDATE)).isEmpty();
        assertThat(events.of(jocelyn.orcid())).contains(new ResearcherDisconnected(jocelyn.orcid(), true));
        shot("08-disconnected");
    }

    @Test
    void deniedConsentShowsAClearPage() {
        Person henrietta = newResearcher("Henrietta", "Leavitt");
        browser.get("http://localhost:" + port + "/");
        browser.findElement(By.id("sign-in")).click();
        signInOnOrcid(henrietta);
        browser.findElement(By.cssSelector("button[value=deny]")).click();
        wait.until(ExpectedConditions.urlContains("/signin/failed"));
        assertThat(browser.findElement(By.id("problem-title")).getText()).isEqualTo("You did not sign in");
        assertThat(browser.getPageSource()).doesNotContain("Exception");
        shot("09-sign-in-denied");
    }

    @Test
    void anAdministratorSeesOrcidsBudgetByClassOnTheQueuePage() {
        chromium.signInAsAdministrator(port);
        browser.get("http://localhost:" + port + "/admin/queue");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("budget")));
        assertThat(browser.findElement(By.id("budget")).getText()).contains("interactive").contains("fresh")
                .contains("backfill").contains("read").contains("housekeeping").contains("comes first");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('budget').scrollIntoView();");
        shot("10-admin-queue-budget");

        browser.findElement(By.id("nav-admin-harvest")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("harvest-off")));
        assertThat(browser.findElement(By.id("harvest-off")).getText()).contains("pidlink.intake.harvest.enabled=true");
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
