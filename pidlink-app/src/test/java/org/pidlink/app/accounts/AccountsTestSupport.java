package org.pidlink.app.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.pidlink.app.testsupport.RecordedEvents;
import org.pidlink.app.testsupport.RecordedSessions;
import org.pidlink.app.testsupport.PidlinkSpringTest;
import org.pidlink.app.testsupport.WebSession;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.pidlink.app.orcid.DemoResearchers;
import org.pidlink.app.orcid.EmbeddedOrcid;
import org.pidlink.core.identifiers.OrcidId;
import org.pidlink.emulator.OrcidEmulator;
import org.pidlink.emulator.control.ResearcherInfo;
import org.pidlink.emulator.control.ResearcherSpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * One pidlink with its embedded ORCID emulator (real HTTP both ways) for every accounts test, and the steps
 * of signing in and granting permission through the emulator's pages.
 */
@PidlinkSpringTest
abstract class AccountsTestSupport {

    @LocalServerPort
    int port;

    /** The embedded emulator; absent when a test points pidlink at an ORCID of its own. */
    /** The app's one clock (the test clock): what "now" is for the app under test. */
    @Autowired
    protected java.time.Clock clock;

    @Autowired(required = false)
    EmbeddedOrcid orcid;

    @Autowired
    RecordedEvents events;

    @Autowired
    RecordedSessions sessions;

    /** A researcher of her own in the emulator, so that tests do not meet each other's accounts. */
    record Person(OrcidId orcid, String email, String name) {
    }

    Person newResearcher(String given, String family) {
        String email = given.toLowerCase() + "." + UUID.randomUUID() + "@example.org";
        ResearcherInfo info = emulator().control().createResearcher(ResearcherSpec.of(given, family)
                .withEmail(email).withPassword(DemoResearchers.PASSWORD));
        return new Person(new OrcidId(info.orcid()), email, given + " " + family);
    }

    /** The ORCID pidlink talks to in this test. */
    OrcidEmulator emulator() {
        return orcid.emulator();
    }

    /** Signs in from the landing page's link; answers pidlink's page after sign-in. */
    HttpResponse<String> signIn(WebSession browser, Person person) {
        HttpResponse<String> home = browser.get("/");
        assertThat(home.body()).contains("Sign in with ORCID").contains("/oauth2/authorization/orcid");
        HttpResponse<String> back = browser.throughOrcid(browser.get("/oauth2/authorization/orcid"), person.email(),
                "authorize");
        assertThat(WebSession.location(back)).contains("/login/oauth2/code/orcid");
        return browser.follow(back);
    }

    /** Grants a permission registration from the settings page; answers the page pidlink shows after. */
    HttpResponse<String> grant(WebSession browser, Person person, String registrationId) {
        HttpResponse<String> settings = browser.get("/settings");
        assertThat(settings.body()).contains("/oauth2/authorization/" + registrationId);
        HttpResponse<String> back = browser.throughOrcid(browser.get("/oauth2/authorization/" + registrationId),
                person.email(), "authorize");
        assertThat(WebSession.location(back)).contains("/account/orcid/granted/" + registrationId);
        return browser.follow(back);
    }
}
