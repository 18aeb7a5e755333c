package org.pidlink.app.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.pidlink.app.testsupport.WebSession;
import java.net.http.HttpResponse;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.pidlink.app.orcid.OrcidRegistrations;
import org.pidlink.core.identifiers.OrcidId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** pidlink configured for an ORCID that does not answer at all: it starts, serves, explains and loses nothing. */
@TestPropertySource(properties = {"pidlink.orcid.oauth-base=http://127.0.0.1:9",
        "pidlink.orcid.clients.auto-update.client-id=APP-UNREACHABLE0001",
        "pidlink.orcid.clients.auto-update.client-secret=unreachable"})
class OrcidUnreachableTest extends AccountsTestSupport {

    @Autowired
    Researchers researchers;

    @Autowired
    TokenVault vault;

    @Autowired
    Disconnections disconnections;

    @Test
    void signingInExplainsThatOrcidCannotBeReachedAndTheRestStillWorks() {
        WebSession browser = new WebSession(port);

        HttpResponse<String> page = browser.follow(browser.get("/oauth2/authorization/orcid"));

        assertThat(page.statusCode()).isEqualTo(502);
        assertThat(page.body()).contains("ORCID cannot be reached").contains("Nothing was changed")
                .doesNotContain("Exception").doesNotContain("at org.");
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
        assertThat(browser.get("/actuator/health").body()).contains("\"status\":\"UP\"");
    }

    @Test
    void disconnectingWhileOrcidIsDownStillErasesTheTokensAndSaysSo() {
        OrcidId id = OrcidId.withCheckDigit("000000021234567");
        Researcher researcher = researchers.signedIn(id, "Offline Researcher", false, clock.instant());
        vault.store(researcher.id(), id, OrcidRegistrations.AUTO_UPDATE, "APP-UNREACHABLE0001", "Offline Researcher",
                new GrantedTokens("11111111-2222-3333-4444-555555555555", null, "/activities/update", null));

        Disconnections.Outcome outcome = disconnections.disconnect(researcher, false);

        assertThat(outcome.erased()).isEqualTo(1);
        assertThat(outcome.unrevoked()).containsExactly(OrcidRegistrations.AUTO_UPDATE);
        assertThat(vault.ofResearcher(researcher.id())).isEmpty();
    }
}
