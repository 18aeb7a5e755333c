package org.pidlink.app.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.pidlink.app.testsupport.WebSession;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pidlink.app.orcid.DemoResearchers;
import org.pidlink.app.orcid.OrcidRegistrations;
import org.pidlink.emulator.state.Token;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.util.UriComponentsBuilder;

class AccountsFlowTest extends AccountsTestSupport {

    @Autowired
    WritePermissions permissions;

    @Autowired
    Researchers researchers;

    @Autowired
    TokenVault vault;

    @Autowired
    OrcidRegistrations registrations;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void signsInWithOrcidAndShowsTheAuthenticatedIdAsALinkWithTheIdIcon() {
        Person sofia = newResearcher("Sofia", "Garcia");
        WebSession browser = new WebSession(port);

        HttpResponse<String> profile = signIn(browser, sofia);

        assertThat(profile.uri().getPath()).isEqualTo("/profile");
        assertThat(profile.statusCode()).isEqualTo(200);
        String recordUri = orcid.emulator().baseUrl() + "/" + sofia.orcid().value();
        assertThat(profile.body()).contains(sofia.name())
                .contains("href=\"" + recordUri + "\"")
                .contains("/img/orcid-id.svg")
                .contains(">" + recordUri + "</span></a>");
        Researcher account = researchers.find(sofia.orcid()).orElseThrow();
        assertThat(account.name()).isEqualTo(sofia.name());
        assertThat(account.administrator()).isFalse();
        assertThat(browser.get("/admin/orcid-permissions").statusCode()).isEqualTo(403);
    }

    @Test
    void grantsBothRegistrationsSeparatelyAndTheEngineGetsWorkingTokens() {
        Person ada = newResearcher("Ada", "Byron");
        WebSession browser = new WebSession(port);
        signIn(browser, ada);
        assertThat(permissions.find(ada.orcid(), OrcidRegistrations.AUTO_UPDATE)).isEmpty();

        HttpResponse<String> settings = grant(browser, ada, OrcidRegistrations.AUTO_UPDATE);

        assertThat(settings.uri().getPath()).isEqualTo("/settings");
        // Granting the auto-update client its permission is opting in: auto-update is on, and the page says so.
        assertThat(settings.body()).contains("pidlink may now update your ORCID record, and auto-update is on")
                .containsPattern("id=\"auto-update\"[^>]*checked");
        WritePermission autoUpdate = permissions.find(ada.orcid(), OrcidRegistrations.AUTO_UPDATE).orElseThrow();
        assertThat(autoUpdate.autoUpdate()).isTrue();
        assertThat(events.of(ada.orcid())).contains(new AutoUpdateChanged(ada.orcid(), true));
        assertThat(autoUpdate.status()).isEqualTo(PermissionStatus.ACTIVE);
        assertThat(autoUpdate.mayWrite(clock.instant())).isTrue();
        assertThat(autoUpdate.toString()).doesNotContain(autoUpdate.accessToken());
        Token issued = orcid.emulator().state().tokenByAccess(autoUpdate.accessToken()).orElseThrow();
        assertThat(issued.orcid()).isEqualTo(ada.orcid().value());
        assertThat(issued.clientId()).isEqualTo(registrations.clientId(OrcidRegistrations.AUTO_UPDATE));
        assertThat(issued.scopes()).contains("/activities/update", "/read-limited");
        assertThat(permissions.find(ada.orcid(), OrcidRegistrations.SEARCH_LINK))
                .as("two clients configured: search & link needs its own grant").isEmpty();

        grant(browser, ada, OrcidRegistrations.SEARCH_LINK);
        WritePermission searchLink = permissions.find(ada.orcid(), OrcidRegistrations.SEARCH_LINK).orElseThrow();
        assertThat(orcid.emulator().state().tokenByAccess(searchLink.accessToken()).orElseThrow().clientId())
                .as("self-claims and auto-updates have different sources on ORCID")
                .isEqualTo(registrations.clientId(OrcidRegistrations.SEARCH_LINK))
                .isNotEqualTo(issued.clientId());
        assertThat(events.of(ada.orcid())).containsExactly(
                new AutoUpdateChanged(ada.orcid(), true),
                new WritePermissionGranted(ada.orcid(), OrcidRegistrations.AUTO_UPDATE),
                new WritePermissionGranted(ada.orcid(), OrcidRegistrations.SEARCH_LINK));
    }

    @Test
    void turnsAutoUpdateOnAndOffAndRejectsAnUnknownAccessLevelWithoutSavingAnything() {
        Person grace = newResearcher("Grace", "Hopper");
        WebSession browser = new WebSession(port);
        signIn(browser, grace);
        grant(browser, grace, OrcidRegistrations.AUTO_UPDATE);

        HttpResponse<String> page = browser.get("/settings");
        HttpResponse<String> saved = browser.follow(browser.submit(page, "/settings",
                Map.of("autoUpdate", "true", "accessLevel", "READ_WRITE", "publicProfile", "true")));
        assertThat(saved.body()).contains("Your settings are saved.");
        assertThat(permissions.find(grace.orcid(), OrcidRegistrations.AUTO_UPDATE).orElseThrow().autoUpdate()).isTrue();
        assertThat(browser.get("/researchers/" + grace.orcid().value()).statusCode()).isEqualTo(200);

        HttpResponse<String> bad = browser.submit(saved, "/settings",
                Map.of("accessLevel", "EVERYTHING", "publicProfile", "true"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("is not one of the choices. Nothing was saved.").doesNotContain("Exception");
        assertThat(researchers.find(grace.orcid()).orElseThrow().autoUpdate()).isTrue();

        browser.follow(browser.submit(saved, "/settings", Map.of("accessLevel", "MATCH_ONLY")));
        Researcher after = researchers.find(grace.orcid()).orElseThrow();
        assertThat(after.autoUpdate()).isFalse();
        assertThat(after.accessLevel()).isEqualTo(AccessLevel.MATCH_ONLY);
        assertThat(permissions.find(grace.orcid(), OrcidRegistrations.AUTO_UPDATE).orElseThrow()
                .mayWrite(clock.instant())).as("match only: never write").isFalse();
        assertThat(browser.get("/researchers/" + grace.orcid().value()).statusCode()).isEqualTo(404);
        assertThat(events.of(grace.orcid())).containsSubsequence(
                new AutoUpdateChanged(grace.orcid(), true), new AutoUpdateChanged(grace.orcid(), false));
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() {
        Person alan = newResearcher("Alan", "Turing");
        WebSession browser = new WebSession(port);
        signIn(browser, alan);

        HttpResponse<String> forged = browser.post("/settings", Map.of("autoUpdate", "true", "accessLevel", "READ_WRITE"));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(researchers.find(alan.orcid()).orElseThrow().autoUpdate()).isFalse();
    }

    @Test
    void disconnectingRevokesAtOrcidErasesTheTokensAndLetsTheEngineRemoveWorksFirst() {
        Person emmy = newResearcher("Emmy", "Noether");
        WebSession browser = new WebSession(port);
        signIn(browser, emmy);
        grant(browser, emmy, OrcidRegistrations.AUTO_UPDATE);
        String token = permissions.find(emmy.orcid(), OrcidRegistrations.AUTO_UPDATE).orElseThrow().accessToken();

        HttpResponse<String> settings = browser.get("/settings");
        // Disconnecting asks for a confirmation first: without it nothing changes.
        HttpResponse<String> unconfirmed = browser.follow(browser.submit(settings, "/settings/disconnect",
                Map.of("removeWorks", "true")));
        assertThat(unconfirmed.statusCode()).isEqualTo(400);
        assertThat(unconfirmed.body()).contains("pidlink is still connected").contains("Nothing was changed");
        assertThat(permissions.find(emmy.orcid(), OrcidRegistrations.AUTO_UPDATE)).isPresent();

        HttpResponse<String> after = browser.follow(browser.submit(settings, "/settings/disconnect",
                Map.of("removeWorks", "true", "confirmed", "true")));

        assertThat(after.body()).contains("pidlink is disconnected from your ORCID record and removes the works it added.");
        assertThat(events.of(emmy.orcid())).contains(new ResearcherDisconnected(emmy.orcid(), true));
        assertThat(events.tokenWasReadableAtDisconnect(emmy.orcid())).isTrue();
        assertThat(permissions.find(emmy.orcid(), OrcidRegistrations.AUTO_UPDATE)).isEmpty();
        assertThat(vault.ofResearcher(researchers.find(emmy.orcid()).orElseThrow().id())).isEmpty();
        assertThat(orcid.emulator().state().tokenByAccess(token).orElseThrow().active(clock.instant()))
                .as("revoked at ORCID").isFalse();
    }

    @Test
    void aRejectedTokenPausesTheResearcherShowsABannerAndReconnectingResumes() {
        Person lise = newResearcher("Lise", "Meitner");
        WebSession browser = new WebSession(port);
        signIn(browser, lise);
        grant(browser, lise, OrcidRegistrations.AUTO_UPDATE);
        orcid.emulator().control().revoke(lise.orcid().value(), registrations.clientId(OrcidRegistrations.AUTO_UPDATE));

        // What the push engine does when ORCID answers 401:
        permissions.markRevoked(lise.orcid(), OrcidRegistrations.AUTO_UPDATE, "ORCID answered 401 invalid_token");
        permissions.markRevoked(lise.orcid(), OrcidRegistrations.AUTO_UPDATE, "again");

        assertThat(permissions.find(lise.orcid(), OrcidRegistrations.AUTO_UPDATE).orElseThrow().status())
                .isEqualTo(PermissionStatus.REVOKED);
        assertThat(events.of(lise.orcid())).containsOnlyOnce(
                new WritePermissionRevoked(lise.orcid(), OrcidRegistrations.AUTO_UPDATE));
        HttpResponse<String> profile = browser.get("/profile");
        assertThat(profile.body()).contains("id=\"revoked-banner\"").contains("paused, not lost")
                .contains("ORCID answered 401 invalid_token");

        grant(browser, lise, OrcidRegistrations.AUTO_UPDATE);
        assertThat(permissions.find(lise.orcid(), OrcidRegistrations.AUTO_UPDATE).orElseThrow().status())
                .isEqualTo(PermissionStatus.ACTIVE);
        assertThat(browser.get("/profile").body()).doesNotContain("id=\"revoked-banner\"");
        assertThat(events.of(lise.orcid())).endsWith(
                new WritePermissionGranted(lise.orcid(), OrcidRegistrations.AUTO_UPDATE));
    }

    @Test
    void aForgedStateGetsAClearPageAndTheRealAnswerStillSignsIn() {
        Person marie = newResearcher("Marie", "Curie");
        WebSession browser = new WebSession(port);
        HttpResponse<String> back = browser.throughOrcid(browser.get("/oauth2/authorization/orcid"), marie.email(),
                "authorize");
        String callback = WebSession.location(back);
        String forged = UriComponentsBuilder.fromUriString(callback).replaceQueryParam("state", "forged").toUriString();

        HttpResponse<String> refused = browser.follow(browser.get(forged));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("This sign-in matches no request").contains("Nothing was changed")
                .doesNotContain("Exception").doesNotContain("at org.");
        assertThat(researchers.find(marie.orcid())).isEmpty();

        HttpResponse<String> profile = browser.follow(browser.get(callback));
        assertThat(profile.uri().getPath()).isEqualTo("/profile");
        assertThat(researchers.find(marie.orcid())).isPresent();
    }

    @Test
    void aForgedPermissionAnswerChangesNothing() {
        Person rosalind = newResearcher("Rosalind", "Franklin");
        WebSession browser = new WebSession(port);
        signIn(browser, rosalind);

        HttpResponse<String> page = browser.get("/account/orcid/granted/auto-update?code=AbCdEf&state=forged");

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("matches no request").contains("Nothing was changed");
        assertThat(permissions.find(rosalind.orcid(), OrcidRegistrations.AUTO_UPDATE)).isEmpty();
    }

    @Test
    void deniedConsentIsExplainedAndNothingIsStored() {
        Person hedy = newResearcher("Hedy", "Lamarr");
        WebSession browser = new WebSession(port);

        HttpResponse<String> deniedSignIn = browser.follow(browser.throughOrcid(
                browser.get("/oauth2/authorization/orcid"), hedy.email(), "deny"));
        assertThat(deniedSignIn.body()).contains("You chose not to sign in with ORCID. Nothing was changed.");
        assertThat(researchers.find(hedy.orcid())).isEmpty();

        signIn(browser, hedy);
        HttpResponse<String> deniedGrant = browser.follow(browser.throughOrcid(
                browser.get("/oauth2/authorization/auto-update"), hedy.email(), "deny"));
        assertThat(deniedGrant.body()).contains("You did not grant the permission").contains("Nothing was changed");
        assertThat(permissions.find(hedy.orcid(), OrcidRegistrations.AUTO_UPDATE)).isEmpty();
    }

    @Test
    void anExpiredOrUsedCodeIsExplained() {
        Person katherine = newResearcher("Katherine", "Johnson");
        WebSession browser = new WebSession(port);
        HttpResponse<String> back = browser.throughOrcid(browser.get("/oauth2/authorization/orcid"),
                katherine.email(), "authorize");
        URI callback = URI.create(WebSession.location(back));
        String code = UriComponentsBuilder.fromUri(callback).build().getQueryParams().getFirst("code");
        // Someone else redeems the code first: pidlink's exchange must then fail cleanly.
        assertThat(registrations.client(OrcidRegistrations.AUTO_UPDATE).oauth()
                .exchangeCode(code, URI.create(browser.pidlink() + "/login/oauth2/code/orcid")).isOk()).isTrue();

        HttpResponse<String> page = browser.follow(browser.get(callback.toString()));

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("The sign-in expired").contains("Nothing was changed");
        assertThat(researchers.find(katherine.orcid())).isEmpty();
    }

    @Test
    void oneWriterPerIdAndAdministratorsSeeWhoHoldsIt() {
        Person chien = newResearcher("Chien-Shiung", "Wu");
        WebSession browser = new WebSession(port);
        signIn(browser, chien);
        grant(browser, chien, OrcidRegistrations.AUTO_UPDATE);
        Researcher holder = researchers.find(chien.orcid()).orElseThrow();
        Person other = newResearcher("Other", "Account");
        signIn(new WebSession(port), other);
        Researcher second = researchers.find(other.orcid()).orElseThrow();

        assertThatThrownBy(() -> vault.store(second.id(), chien.orcid(), OrcidRegistrations.AUTO_UPDATE,
                registrations.clientId(OrcidRegistrations.AUTO_UPDATE), "Other",
                new GrantedTokens("00000000-0000-0000-0000-000000000000", null, "/activities/update", null)))
                .isInstanceOf(PermissionHeldElsewhereException.class);
        assertThat(permissions.heldByAnother(second, OrcidRegistrations.AUTO_UPDATE)).isEmpty();
        assertThat(vault.find(chien.orcid(), OrcidRegistrations.AUTO_UPDATE).orElseThrow().researcherId())
                .isEqualTo(holder.id());

        WebSession admin = new WebSession(port);
        signIn(admin, new Person(DemoResearchers.JOSIAH.orcid(), DemoResearchers.JOSIAH.email(),
                DemoResearchers.JOSIAH.name()));
        HttpResponse<String> holdings = admin.get("/admin/orcid-permissions");
        assertThat(holdings.statusCode()).isEqualTo(200);
        assertThat(holdings.body()).contains(chien.orcid().value())
                .contains(chien.name() + " (#" + holder.id() + ", " + chien.orcid().value() + ")");
    }

    @Test
    void aTokenAboutToExpireIsRefreshedBeforeTheEngineGetsIt() {
        Person cecilia = newResearcher("Cecilia", "Payne");
        signIn(new WebSession(port), cecilia);
        Researcher researcher = researchers.find(cecilia.orcid()).orElseThrow();
        var issued = orcid.emulator().state().issueToken(registrations.clientId(OrcidRegistrations.AUTO_UPDATE),
                cecilia.orcid().value(), java.util.Set.of("/activities/update", "/read-limited"), 60, null,
                clock.instant());
        permissions.granted(researcher, OrcidRegistrations.AUTO_UPDATE, new GrantedTokens(issued.accessToken(),
                issued.refreshToken(), "/activities/update /read-limited", clock.instant().plusSeconds(60)));

        WritePermission permission = permissions.find(cecilia.orcid(), OrcidRegistrations.AUTO_UPDATE).orElseThrow();

        assertThat(permission.accessToken()).isNotEqualTo(issued.accessToken());
        assertThat(permission.status()).isEqualTo(PermissionStatus.ACTIVE);
        assertThat(orcid.emulator().state().tokenByAccess(permission.accessToken()).orElseThrow()
                .active(clock.instant())).isTrue();
        assertThat(orcid.emulator().state().tokenByAccess(issued.accessToken()).orElseThrow().active(clock.instant()))
                .as("the old token is revoked").isFalse();
        assertThat(permissions.find(cecilia.orcid(), OrcidRegistrations.AUTO_UPDATE).orElseThrow().accessToken())
                .as("stored; and ORCID keeps the parent's expiry, so no second refresh within the hour")
                .isEqualTo(permission.accessToken());
    }

    @Test
    void aPermissionGrantedAtOrcidForAnotherIdIsRefusedAndRevoked() {
        Person signedIn = newResearcher("Signed", "In");
        Person someoneElse = newResearcher("Someone", "Else");
        WebSession browser = new WebSession(port);
        signIn(browser, signedIn);
        // At ORCID, the browser now signs in as someone else before approving the permission.
        browser.forgetCookiesOf(URI.create(orcid.emulator().baseUrl()).getHost());

        HttpResponse<String> back = browser.throughOrcid(browser.get("/oauth2/authorization/auto-update"),
                someoneElse.email(), "authorize");
        HttpResponse<String> page = browser.follow(back);

        assertThat(page.statusCode()).isEqualTo(409);
        assertThat(page.body()).contains("Granted for another iD").contains("revoked it at ORCID");
        assertThat(permissions.find(signedIn.orcid(), OrcidRegistrations.AUTO_UPDATE)).isEmpty();
        assertThat(permissions.find(someoneElse.orcid(), OrcidRegistrations.AUTO_UPDATE)).isEmpty();
        assertThat(orcid.emulator().state().tokensOf(someoneElse.orcid().value()))
                .filteredOn(t -> t.clientId().equals(registrations.clientId(OrcidRegistrations.AUTO_UPDATE)))
                .isNotEmpty().noneMatch(t -> t.active(clock.instant()));
    }

    @Test
    void aSessionThatOutlivedItsAccountIsSentToSignInAgain() {
        Person vera = newResearcher("Vera", "Rubin");
        WebSession browser = new WebSession(port);
        signIn(browser, vera);
        jdbc.sql("DELETE FROM researcher WHERE orcid = :o").param("o", vera.orcid().value()).update();

        HttpResponse<String> settings = browser.get("/settings");

        assertThat(settings.statusCode()).isEqualTo(302);
        assertThat(WebSession.location(settings)).endsWith("/signin");
        assertThat(WebSession.location(browser.get("/profile"))).as("signed out").endsWith("/signin");
        assertThat(browser.follow(browser.get("/profile")).body()).contains("Sign in with ORCID");
    }
}
