package org.pidlink.app.affiliations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pidlink.app.testsupport.ConnectedResearchers;
import org.pidlink.app.testsupport.ConnectedResearchers.Person;
import org.pidlink.app.testsupport.ChromiumSession;
import org.pidlink.emulator.inbox.Inbox;

/**
 * In headless Chromium: the administrator uploads a file (first one with an error, refused with its line and
 * column, then the corrected one), sends the permission links to ORCID inboxes; the researcher follows hers, signs in
 * on the emulator's ORCID pages, approves, grants the permission and sees the affiliation written on her profile.
 * Screenshots go to {@code target/screenshots/affiliations-*.png}.
 */
class AffiliationsBrowserTest extends AffiliationsTestSupport {

    @RegisterExtension
    final ChromiumSession chromium = new ChromiumSession(1280, 1100);

    private Path files;

    @BeforeEach
    void makeFilesDirectory(@TempDir Path temp) throws IOException {
        files = Files.createDirectories(temp.resolve("files"));
    }

    @Test
    void anAdministratorUploadsAndAResearcherApproves() throws IOException {
        Person amara = new ConnectedResearchers(port, orcid).newResearcher("Amara", "Okafor");
        String key = "BR-" + UUID.randomUUID().toString().substring(0, 8);
        String header = Files.readAllLines(Path.of("../docs/affiliations-sample.csv")).getFirst();
        String row = amara.orcid().value() + "," + amara.email() + ",Amara Okafor,P-77," + key + ",employment,"
                + "University of Toronto,Toronto,ON,CA,https://ror.org/03dbr7087,ROR,Department of Chemistry,"
                + "Associate Professor,2022-07,,,";

        chromium.signInAsAdministrator(port);
        chromium.driver().findElement(By.id("nav-admin-affiliations")).click();
        chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("upload-file")));
        chromium.shot("affiliations-01-admin-page");

        Path bad = files.resolve("affiliations-with-error.csv");
        Files.writeString(bad, header + "\n" + row.replace(",CA,", ",ZZ,") + "\n");
        chromium.driver().findElement(By.id("upload-file")).sendKeys(bad.toAbsolutePath().toString());
        chromium.driver().findElement(By.id("upload-submit")).click();
        chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("upload-errors")));
        assertThat(chromium.driver().findElement(By.id("upload-errors")).getText()).contains("2").contains("country")
                .contains("unknown country code 'ZZ'");
        assertThat(store.byLocalKey(key)).isEmpty();
        chromium.shot("affiliations-02-refused-with-line-and-column");

        Path good = files.resolve("affiliations.csv");
        Files.writeString(good, header + "\n" + row + "\n");
        chromium.driver().findElement(By.id("upload-file")).sendKeys(good.toAbsolutePath().toString());
        chromium.driver().findElement(By.id("upload-submit")).click();
        chromium.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "1 row(s) accepted"));
        assertThat(chromium.driver().findElement(By.id("affiliation-" + key)).getText()).contains("pending permission");
        chromium.scrollTo("affiliations");
        chromium.shot("affiliations-03-uploaded");

        chromium.driver().findElement(By.id("send-inbox")).click();
        chromium.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "sent to ORCID inboxes"));
        assertThat(chromium.driver().findElement(By.id("affiliation-" + key)).getText()).contains("link sent");
        chromium.scrollTo("people");
        chromium.shot("affiliations-04-links-sent");

        // The researcher, in a browser where nobody is signed in, follows the link of her ORCID inbox.
        String link = Inbox.of(orcid.emulator().context()).of(amara.orcid().value()).getFirst().content()
                .authorizationUrl().uri();
        forgetEveryone();
        chromium.driver().get(link);
        chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("signin-orcid")));
        chromium.driver().findElement(By.id("signin-orcid")).click();
        chromium.signInOnOrcid(amara.email());
        chromium.driver().findElement(By.cssSelector("button[value=authorize]")).click();
        chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("invitation-items")));
        assertThat(chromium.driver().findElement(By.id("invitation-items")).getText())
                .contains("Associate Professor, Department of Chemistry, University of Toronto").contains("since 2022-07");
        chromium.shot("affiliations-05-invitation");

        chromium.driver().findElement(By.id("approve")).click();
        chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("button[value=authorize]")));
        chromium.shot("affiliations-06-orcid-permission");
        chromium.driver().findElement(By.cssSelector("button[value=authorize]")).click();
        chromium.waiting().until(ExpectedConditions.urlContains("/settings"));

        new WebDriverWait(chromium.driver(), Duration.ofSeconds(30)).until(driver -> {
            driver.get("http://localhost:" + port + "/profile");
            return driver.findElements(By.id("affiliations-decided")).stream()
                    .anyMatch(e -> e.getText().contains("on your ORCID record"));
        });
        chromium.scrollTo("affiliations-section");
        chromium.shot("affiliations-07-profile-written");
        assertThat(orcid.emulator().control().affiliations(amara.orcid().value())).hasSize(1);
    }

    /** Signs out of pidlink and of the emulator's ORCID pages. */
    private void forgetEveryone() {
        chromium.driver().manage().deleteAllCookies();
        chromium.driver().get(orcid.emulator().baseUrl() + "/");
        chromium.driver().manage().deleteAllCookies();
    }

}
