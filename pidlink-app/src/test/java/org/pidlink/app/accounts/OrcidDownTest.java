package org.pidlink.app.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.pidlink.app.testsupport.WebSession;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.pidlink.app.orcid.OrcidRegistrations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/** ORCID goes down between its pages and pidlink's code exchange: a clear page, nothing half-done. */
@DirtiesContext
@TestPropertySource(properties = "pidlink.orcid.emulator.host=127.0.0.1")
class OrcidDownTest extends AccountsTestSupport {

    @Autowired
    Researchers researchers;

    @Autowired
    WritePermissions permissions;

    @Test
    void codeExchangesFailCleanlyWhenOrcidGoesDownMidway() {
        Person granting = newResearcher("Mid", "Grant");
        WebSession grantingBrowser = new WebSession(port);
        signIn(grantingBrowser, granting);
        HttpResponse<String> grantBack = grantingBrowser.throughOrcid(
                grantingBrowser.get("/oauth2/authorization/auto-update"), granting.email(), "authorize");
        Person signingIn = newResearcher("Mid", "SignIn");
        WebSession signingInBrowser = new WebSession(port);
        HttpResponse<String> signInBack = signingInBrowser.throughOrcid(
                signingInBrowser.get("/oauth2/authorization/orcid"), signingIn.email(), "authorize");

        orcid.close();

        HttpResponse<String> grantPage = grantingBrowser.follow(grantBack);
        assertThat(grantPage.statusCode()).isEqualTo(502);
        assertThat(grantPage.body()).contains("ORCID did not answer").contains("Nothing was changed")
                .doesNotContain("Exception");
        assertThat(permissions.find(granting.orcid(), OrcidRegistrations.AUTO_UPDATE)).isEmpty();

        HttpResponse<String> signInPage = signingInBrowser.follow(signInBack);
        assertThat(signInPage.statusCode()).isEqualTo(502);
        assertThat(signInPage.body()).contains("ORCID cannot be reached").doesNotContain("Exception");
        assertThat(researchers.find(signingIn.orcid())).isEmpty();
        assertThat(grantingBrowser.get("/settings").statusCode()).as("still signed in, nothing lost").isEqualTo(200);
    }
}
