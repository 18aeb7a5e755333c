package org.pidlink.app.registrants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pidlink.app.testsupport.Eventually.eventually;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.pidlink.app.claims.Claims;
import org.pidlink.app.claims.Provenance;
import org.pidlink.app.claims.WorkPayload;
import org.pidlink.app.orcid.EmbeddedOrcid;
import org.pidlink.app.orcid.OrcidRegistrations;
import org.pidlink.app.testsupport.ConnectedResearchers;
import org.pidlink.app.testsupport.ConnectedResearchers.Person;
import org.pidlink.app.testsupport.ChromiumSession;
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

    @RegisterExtension
    final ChromiumSession chromium = new ChromiumSession(1280, 1000);

    @Test
    void anAdministratorRegistersADataCentreAndTheResearcherSeesWhoWasTold() throws IOException {
        String prefix = "10.7" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            chromium.signInAsAdministrator(port);
            chromium.driver().findElement(By.id("nav-admin-registrants")).click();
            chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("create-registrant")));
            chromium.driver().findElement(By.name("name")).sendKeys("Polar Data Centre " + prefix);
            chromium.driver().findElement(By.name("dataciteClientId")).sendKeys("POLAR.DATA");
            chromium.driver().findElement(By.name("prefixes")).sendKeys(prefix);
            chromium.driver().findElement(By.name("webhookUrl")).sendKeys(receiver.url());
            chromium.submitAndWaitForTheNextPage(By.cssSelector("#create-registrant button[type=submit]"));
            assertThat(chromium.driver().findElement(By.id("created-key")).getText()).startsWith("pidlink_");
            assertThat(chromium.driver().findElement(By.id("created-secret")).getText()).startsWith("whsec_");
            chromium.shot("registrants-01-registered-key-and-secret-once");
            long id = Long.parseLong(chromium.driver().findElement(By.id("registrant-id")).getText());

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
                chromium.driver().get("http://localhost:" + port + "/admin/registrants/" + id);
                assertThat(chromium.driver().findElement(By.id("deliveries")).getText()).contains("suggestion.created")
                        .contains("delivered").contains("HTTP 200");
            });
            chromium.scrollTo("deliveries");
            chromium.shot("registrants-02-delivery-log");

            chromium.driver().manage().deleteAllCookies();
            chromium.driver().get(orcid.emulator().baseUrl() + "/");
            chromium.driver().manage().deleteAllCookies();
            chromium.driver().get("http://localhost:" + port + "/");
            chromium.driver().findElement(By.id("sign-in")).click();
            chromium.signInOnOrcid(ines.email());
            chromium.driver().findElement(By.cssSelector("button[value=authorize]")).click();
            chromium.waiting().until(ExpectedConditions.urlContains("/profile"));
            assertThat(chromium.driver().findElement(By.id("registrants-told")).getText())
                    .contains("Polar Data Centre " + prefix).contains(prefix + "/ice-core-7").contains("open");
            chromium.scrollTo("registrants-section");
            chromium.shot("registrants-03-profile-section");
        }
    }
}
