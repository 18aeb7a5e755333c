package org.pidlink.app.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.pidlink.app.intake.api.ApiKeys;
import org.pidlink.app.orcid.EmbeddedOrcid;
import org.pidlink.app.testsupport.ChromiumSession;
import org.pidlink.app.testsupport.ConnectedResearchers;
import org.pidlink.app.testsupport.ConnectedResearchers.Person;
import org.pidlink.app.testsupport.DoiMetadata;
import org.pidlink.app.testsupport.Eventually;
import org.pidlink.app.testsupport.Http;
import org.pidlink.app.testsupport.OrcidRecords;
import org.pidlink.app.testsupport.PidlinkSpringTest;
import org.pidlink.core.identifiers.Doi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A researcher changes her filters in headless Chromium (issue 14): the page previews what the change does to her
 * ORCID record, she saves, and her record and her list of works follow; then the Search & Link wizard's entry
 * point. Screenshots go to {@code target/screenshots/14-2*}.
 */
@PidlinkSpringTest
class FiltersBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedOrcid orcid;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    ResearcherFilters filters;

    @RegisterExtension
    final ChromiumSession chromium = new ChromiumSession(1280, 1400);

    @Test
    void aFilterChangeIsPreviewedSavedAndFollowedOnHerRecord() {
        Person tea = new ConnectedResearchers(port, orcid).newResearcher("Tea", "Filters");
        String key = apiKeys.create("tests", null, "test").key();
        Doi recent = new Doi("10.5555/filters-recent-" + UUID.randomUUID());
        Doi old = new Doi("10.5555/filters-old-" + UUID.randomUUID());
        Doi hidden = new Doi("10.5555/filters-registered-" + UUID.randomUUID());

        chromium.connectWithAutoUpdate(port, tea.email());

        DoiMetadata.dataset(recent, "Lichens of Svalbard").creator("Filters, Tea", tea.orcid())
                .postAccepted(new Http(port), key);
        DoiMetadata.dataset(old, "Lichens of Svalbard, the 2012 survey").creator("Filters, Tea", tea.orcid())
                .year(2012).postAccepted(new Http(port), key);
        DoiMetadata.dataset(hidden, "Lichens of Svalbard, withdrawn copy").creator("Filters, Tea", tea.orcid())
                .state("registered").postAccepted(new Http(port), key);
        Eventually.eventually(() -> assertThat(OrcidRecords.worksWithDoi(orcid, tea.orcid(), old.value())).hasSize(1));
        Eventually.eventually(() -> assertThat(OrcidRecords.worksWithDoi(orcid, tea.orcid(), recent.value())).hasSize(1));

        // Settings lead to what pidlink sends; the defaults hold the registered DOI back.
        chromium.driver().get(base() + "/settings");
        chromium.scrollTo("works-settings");
        shot("14-20-settings-link-to-filters");
        chromium.driver().findElement(By.id("works-settings-link")).click();
        chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("filters-form")));
        assertThat(text("main")).contains("You have not changed these yet: they are your institution's defaults.");
        assertThat(chromium.driver().findElement(By.id("findable-only")).isSelected()).isTrue();
        assertThat(chromium.driver().findElements(By.id("save-filters"))).isEmpty();
        shot("14-21-filters-page");

        // Registered DOIs in, works before 2015 out: previewed first.
        chromium.driver().findElement(By.id("findable-only")).click();
        chromium.driver().findElement(By.id("year-floor")).sendKeys("2015");
        chromium.submitAndWaitForTheNextPage(By.id("preview-filters"));
        assertThat(chromium.driver().findElement(By.id("preview-sentence")).getText())
                .isEqualTo("1 work will be removed from your ORCID record, 1 added.");
        assertThat(chromium.driver().findElement(By.id("findable-only")).isSelected()).isFalse();
        assertThat(chromium.driver().findElement(By.id("year-floor")).getAttribute("value")).isEqualTo("2015");
        // Nothing changed yet.
        assertThat(OrcidRecords.worksWithDoi(orcid, tea.orcid(), old.value())).hasSize(1);
        assertThat(OrcidRecords.worksWithDoi(orcid, tea.orcid(), hidden.value())).isEmpty();
        shot("14-22-filters-preview");

        chromium.submitAndWaitForTheNextPage(By.id("save-filters"));
        assertThat(chromium.driver().findElement(By.id("notice")).getText()).startsWith("Saved.");
        assertThat(text("main")).doesNotContain("You have not changed these yet");
        shot("14-23-filters-saved");

        Eventually.eventually(() -> assertThat(OrcidRecords.worksWithDoi(orcid, tea.orcid(), old.value())).isEmpty());
        Eventually.eventually(() -> assertThat(OrcidRecords.worksWithDoi(orcid, tea.orcid(), hidden.value()))
                .hasSize(1));
        assertThat(OrcidRecords.worksWithDoi(orcid, tea.orcid(), recent.value())).hasSize(1);
        Eventually.eventually(() -> {
            chromium.driver().get(base() + "/profile");
            assertThat(row(old).getText()).contains("No.").contains("Not sent: filtered")
                    .contains("You chose a publication-year floor of 2015, and this work is from 2012.");
            assertThat(row(hidden).getText()).contains("Yes, added by pidlink's auto-update client.");
        });
        chromium.scrollTo("works");
        shot("14-24-works-after-filter-change");
    }

    @Test
    void theSearchAndLinkWizardLandsOnHerSearch() {
        Person una = new ConnectedResearchers(port, orcid).newResearcher("Una", "Wizard");
        chromium.driver().get(base() + "/search/wizard");
        // Not signed in to pidlink: its sign-in page, then ORCID's.
        chromium.waiting().until(driver -> !driver.findElements(By.id("signin-orcid")).isEmpty()
                || !driver.findElements(By.id("username")).isEmpty());
        if (!chromium.driver().findElements(By.id("signin-orcid")).isEmpty()) {
            chromium.driver().findElement(By.id("signin-orcid")).click();
        }
        chromium.signInOnOrcid(una.email());
        // Sign-in, then the search & link permission: ORCID asks for each (its pages' addresses name /search too,
        // in their redirect URI, so the landing is told by pidlink's own address).
        String search = base() + "/search";
        for (int i = 0; i < 3 && !chromium.driver().getCurrentUrl().startsWith(search); i++) {
            chromium.waiting().until(driver -> driver.getCurrentUrl().startsWith(search)
                    || !driver.findElements(By.cssSelector("button[value=authorize]")).isEmpty());
            if (!chromium.driver().getCurrentUrl().startsWith(search)) {
                chromium.driver().findElement(By.cssSelector("button[value=authorize]")).click();
            }
        }
        chromium.waiting().until(driver -> driver.getCurrentUrl().startsWith(search));
        assertThat(chromium.driver().findElement(By.id("q")).getAttribute("value"))
                .isEqualTo("Una Wizard");
        shot("14-25-search-wizard-landing");
    }

    @Test
    void anAdministratorLocksAFilterForEveryResearcher() {
        chromium.signInAsAdministrator(port);
        chromium.driver().findElement(By.id("nav-admin-filters")).click();
        chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("admin-filters-form")));
        shot("14-26-admin-filters");
        try {
            chromium.driver().findElement(By.id("lock-FINDABLE_ONLY")).click();
            chromium.submitAndWaitForTheNextPage(By.id("save-admin-filters"));
            assertThat(chromium.driver().findElement(By.id("notice")).getText()).startsWith("Saved.");
            assertThat(chromium.driver().findElement(By.id("lock-FINDABLE_ONLY")).isSelected()).isTrue();
            assertThat(filters.defaults().locked()).containsExactly(WorkFilters.Filter.FINDABLE_ONLY);
            shot("14-27-admin-filters-locked");
            // The administrator's own settings page shows the lock as every researcher's does.
            chromium.driver().get(base() + "/settings/works");
            assertThat(chromium.driver().findElement(By.id("locked-FINDABLE_ONLY")).getText())
                    .isEqualTo("Locked by your institution: you cannot change this.");
            assertThat(chromium.driver().findElement(By.id("findable-only")).isEnabled()).isFalse();
            chromium.scrollTo("findable-only");
            shot("14-28-researcher-sees-the-lock");
        } finally {
            filters.saveDefaults(new ResearcherFilters.Defaults(WorkFilters.builtIn(), java.util.Set.of()));
        }
    }

    private WebElement row(Doi doi) {
        return chromium.driver().findElement(By.id("work-" + doi.value()));
    }

    private String text(String css) {
        return chromium.driver().findElement(By.cssSelector(css)).getText();
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private void shot(String name) {
        chromium.shot(name);
    }
}
