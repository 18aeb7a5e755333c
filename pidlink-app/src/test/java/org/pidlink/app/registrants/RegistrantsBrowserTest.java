package org.pidlink.app.registrants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.pidlink.app.testsupport.Eventually.eventually;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pidlink.app.claims.Claims;
import org.pidlink.app.claims.Provenance;
import org.pidlink.app.claims.WorkPayload;
import org.pidlink.app.orcid.EmbeddedOrcid;
import org.pidlink.app.orcid.OrcidRegistrations;
import org.pidlink.app.testsupport.ConnectedResearchers;
import org.pidlink.app.testsupport.ConnectedResearchers.Person;
import org.pidlink.app.testsupport.HeadlessChromium;
import org.pidlink.app.testsupport.PidlinkSpringTest;
import org.pidlink.core.identifiers.Doi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In headless Chromium: the administrator registers a data centre with a prefix and a webhook and sees its key and
 * secret once; after a suggestion was delivered, its page shows the delivery log; the researcher's profile shows the
 * registrant told about her claim. Screenshots go to {@code target/screenshots/registrants-*.png}.
 */
@PidlinkSpringTest
class RegistrantsBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    private Claims claims;

    @Autowired
    EmbeddedOrcid orcid;

    @Autowired
    Suggestions suggestions;

    @Autowired
    RegistrantStore registrants;

    private HeadlessChromium chromium;
    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void startChromium(@TempDir Path temp) throws IOException {
        assumeTrue(HeadlessChromium.available(),
                "browser tests need Debian's chromium and chromium-driver (.ci/run installs them)");
        chromium = HeadlessChromium.start(temp.resolve("profile"), 1280, 1000);
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
    void anAdministratorRegistersADataCentreAndTheResearcherSeesWhoWasTold() throws IOException {
        String prefix = "10.7" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            chromium.signInAsAdministrator(port);
            browser.findElement(By.id("nav-admin-registrants")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("create-registrant")));
            browser.findElement(By.name("name")).sendKeys("Polar Data Centre " + prefix);
            browser.findElement(By.name("dataciteClientId")).sendKeys("POLAR.DATA");
            browser.findElement(By.name("prefixes")).sendKeys(prefix);
            browser.findElement(By.name("webhookUrl")).sendKeys(receiver.url());
            chromium.submitAndWaitForTheNextPage(By.cssSelector("#create-registrant button[type=submit]"));
            assertThat(browser.findElement(By.id("created-key")).getText()).startsWith("pidlink_");
            assertThat(browser.findElement(By.id("created-secret")).getText()).startsWith("whsec_");
            chromium.shot("registrants-01-registered-key-and-secret-once");
            long id = Long.parseLong(browser.findElement(By.id("registrant-id")).getText());

            Person ines = new ConnectedResearchers(port, orcid).newResearcher("Ines", "Polar");
            // Her claim through Search & Link, which the registrant is told about (the suggestion is made here
            // directly: the end-to-end test walks the scanner and the trust markers).
            Doi iceCore = Doi.parse(prefix + "/ice-core-7");
            claims.assertClaim(ines.orcid(), iceCore, OrcidRegistrations.SEARCH_LINK, Provenance.SEARCH_AND_LINK,
                    WorkPayload.ofCanonicalJson("{\"title\":{\"title\":{\"value\":\"Ice core 7\"}},\"type\":\"data-set\","
                            + "\"external-ids\":{\"external-id\":[{\"external-id-type\":\"doi\",\"external-id-value\":\""
                            + iceCore.value() + "\",\"external-id-relationship\":\"self\"}]}}"));
            suggestions.create(new Suggestions.Draft(id, prefix + "/ice-core-7", ines.orcid().value(),
                    SuggestionReason.CLAIMED, "Ines Polar", new NameMatcher.Match("Polar, Ines", "creator", 0, 1.0),
                    List.of("SEARCH_AND_LINK"), true, null, null)).orElseThrow();
            eventually(() -> assertThat(receiver.received()).hasSize(1));

            eventually(() -> {
                browser.get("http://localhost:" + port + "/admin/registrants/" + id);
                assertThat(browser.findElement(By.id("deliveries")).getText()).contains("suggestion.created")
                        .contains("delivered").contains("HTTP 200");
            });
            chromium.scrollTo("deliveries");
            chromium.shot("registrants-02-delivery-log");

            browser.manage().deleteAllCookies();
            browser.get(orcid.emulator().baseUrl() + "/");
            browser.manage().deleteAllCookies();
            browser.get("http://localhost:" + port + "/");
            browser.findElement(By.id("sign-in")).click();
            chromium.signInOnOrcid(ines.email());
            browser.findElement(By.cssSelector("button[value=authorize]")).click();
            wait.until(ExpectedConditions.urlContains("/profile"));
            assertThat(browser.findElement(By.id("registrants-told")).getText())
                    .contains("Polar Data Centre " + prefix).contains(prefix + "/ice-core-7").contains("open");
            chromium.scrollTo("registrants-section");
            chromium.shot("registrants-03-profile-section");
        }
    }
}
