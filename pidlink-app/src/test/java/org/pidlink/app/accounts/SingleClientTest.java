package org.pidlink.app.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.pidlink.app.testsupport.WebSession;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pidlink.app.orcid.OrcidRegistrations;
import org.pidlink.emulator.OrcidEmulator;
import org.pidlink.emulator.control.ClientSpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * pidlink configured like a sandbox or production install, against an ORCID it does not run (found through
 * OpenID discovery), with one ORCID client: both registrations use it and one grant serves both.
 */
class SingleClientTest extends AccountsTestSupport {

    private static final OrcidEmulator ORCID = OrcidEmulator.start();
    private static final String CLIENT_ID = "APP-SINGLECLIENT0001";
    private static final String CLIENT_SECRET = "single-client-secret";

    @Autowired
    WritePermissions permissions;

    @Autowired
    OrcidRegistrations registrations;

    @DynamicPropertySource
    static void orcid(DynamicPropertyRegistry registry) {
        registry.add("pidlink.orcid.oauth-base", ORCID::baseUrl);
        registry.add("pidlink.orcid.clients.auto-update.client-id", () -> CLIENT_ID);
        registry.add("pidlink.orcid.clients.auto-update.client-secret", () -> CLIENT_SECRET);
    }

    @AfterAll
    static void stopOrcid() {
        ORCID.close();
    }

    @Override
    OrcidEmulator emulator() {
        return ORCID;
    }

    @BeforeEach
    void registerPidlinkAtOrcid() {
        ORCID.control().createClient(new ClientSpec(CLIENT_ID, CLIENT_SECRET, "pidlink (single client)",
                List.of("http://localhost:" + port), true, true));
    }

    @Test
    void oneGrantServesAutoUpdateAndSearchAndLink() {
        assertThat(registrations.shared()).isTrue();
        assertThat(registrations.canonical(OrcidRegistrations.SEARCH_LINK)).isEqualTo(OrcidRegistrations.AUTO_UPDATE);
        Person person = newResearcher("Ida", "Noddack");
        WebSession browser = new WebSession(port);
        signIn(browser, person);

        HttpResponse<String> settings = grant(browser, person, OrcidRegistrations.AUTO_UPDATE);

        assertThat(settings.body()).doesNotContain("/oauth2/authorization/" + OrcidRegistrations.SEARCH_LINK)
                .contains("Add, update and remove works on your ORCID record");
        WritePermission autoUpdate = permissions.find(person.orcid(), OrcidRegistrations.AUTO_UPDATE).orElseThrow();
        WritePermission searchLink = permissions.find(person.orcid(), OrcidRegistrations.SEARCH_LINK).orElseThrow();
        assertThat(searchLink.accessToken()).isEqualTo(autoUpdate.accessToken());
        assertThat(searchLink.registrationId()).isEqualTo(OrcidRegistrations.SEARCH_LINK);
        assertThat(ORCID.state().tokenByAccess(autoUpdate.accessToken()).orElseThrow().clientId()).isEqualTo(CLIENT_ID);
        // One client serves both: granting it is granting auto-update, which turns auto-update on.
        assertThat(events.of(person.orcid())).containsExactly(
                new AutoUpdateChanged(person.orcid(), true),
                new WritePermissionGranted(person.orcid(), OrcidRegistrations.AUTO_UPDATE),
                new WritePermissionGranted(person.orcid(), OrcidRegistrations.SEARCH_LINK));

        permissions.markRevoked(person.orcid(), OrcidRegistrations.SEARCH_LINK, "401");
        assertThat(events.of(person.orcid())).endsWith(
                new WritePermissionRevoked(person.orcid(), OrcidRegistrations.AUTO_UPDATE),
                new WritePermissionRevoked(person.orcid(), OrcidRegistrations.SEARCH_LINK));
    }
}
