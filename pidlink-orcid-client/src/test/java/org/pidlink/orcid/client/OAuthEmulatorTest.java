package org.pidlink.orcid.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pidlink.core.identifiers.OrcidId;

/** Token endpoint and revocation against the emulator. */
class OAuthEmulatorTest extends EmulatorTest {

    private String code(OrcidId researcher, String scope) {
        return orcid.emulator.control().authorizationCode(orcid.client.clientId(), researcher.value(), scope,
                EmulatorFixture.REDIRECT.toString(), null);
    }

    @Test
    void exchangesAnAuthorizationCodeForTokensThatWork() {
        OrcidId researcher = orcid.researcher();
        TokenResponse token = client.oauth()
                .exchangeCode(code(researcher, EmulatorFixture.MEMBER_SCOPES), EmulatorFixture.REDIRECT)
                .orElseThrow();

        assertThat(token.orcid()).isEqualTo(researcher);
        assertThat(token.name()).isNotBlank();
        assertThat(token.tokenType()).isEqualToIgnoringCase("bearer");
        assertThat(token.scopes()).containsExactlyInAnyOrder("/read-limited", "/activities/update");
        assertThat(token.refreshToken()).isNotBlank();
        assertThat(token.expiresIn()).isGreaterThan(Duration.ofDays(365 * 19));
        assertThat(token.toString()).doesNotContain(token.accessToken()).doesNotContain(token.refreshToken());
        assertThat(client.works().readWorks(researcher, token.accessToken()).orElseThrow()).isEmpty();
    }

    @Test
    void aCodeWorksOnce() {
        OrcidId researcher = orcid.researcher();
        String code = code(researcher, EmulatorFixture.MEMBER_SCOPES);
        assertThat(client.oauth().exchangeCode(code, EmulatorFixture.REDIRECT).isOk()).isTrue();

        OrcidError again = failure(client.oauth().exchangeCode(code, EmulatorFixture.REDIRECT));
        assertThat(again).isInstanceOf(OrcidError.TokenRejected.class);
        assertThat(again.problem().oauthError()).isEqualTo("invalid_grant");
        assertThat(again.developerMessage()).doesNotContain(code);
    }

    @Test
    void aWrongClientSecretIsAnOAuthRefusal() {
        OrcidClientSettings wrong = new OrcidClientSettings(orcid.settings().apiBase(), orcid.settings().oauthBase(),
                orcid.client.clientId(), "not-the-secret", null, null, null);
        try (OrcidClient badClient = OrcidClient.create(wrong)) {
            OrcidError error = failure(badClient.oauth().clientCredentials("/read-public"));
            assertThat(error).isInstanceOf(OrcidError.OAuthRejected.class);
            assertThat(error.status()).isEqualTo(401);
            assertThat(error.problem().oauthError()).isEqualTo("invalid_client");
            assertThat(error.developerMessage()).doesNotContain("not-the-secret");
        }
    }

    @Test
    void refreshingWithRevokeOldReplacesTheAccessToken() {
        OrcidId researcher = orcid.researcher();
        TokenResponse first = client.oauth()
                .exchangeCode(code(researcher, EmulatorFixture.MEMBER_SCOPES), EmulatorFixture.REDIRECT).orElseThrow();

        TokenResponse second = client.oauth().refresh(first.refreshToken(), null, true).orElseThrow();

        assertThat(second.accessToken()).isNotEqualTo(first.accessToken());
        assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
        assertThat(client.works().readWorks(researcher, second.accessToken()).isOk()).isTrue();
        assertThat(failure(client.works().readWorks(researcher, first.accessToken())))
                .isInstanceOf(OrcidError.TokenRejected.class);
    }

    @Test
    void refreshingWithoutRevokeOldKeepsBothAndMayNarrowTheScope() {
        OrcidId researcher = orcid.researcher();
        TokenResponse first = client.oauth()
                .exchangeCode(code(researcher, EmulatorFixture.MEMBER_SCOPES), EmulatorFixture.REDIRECT).orElseThrow();

        TokenResponse narrower = client.oauth().refresh(first.refreshToken(), "/read-limited", false).orElseThrow();

        assertThat(narrower.scopes()).containsExactly("/read-limited");
        assertThat(client.works().readWorks(researcher, first.accessToken()).isOk()).isTrue();
        OrcidError write = failure(client.works().createWork(researcher, narrower.accessToken(),
                EmulatorFixture.work("Narrow", EmulatorFixture.freshDoi())));
        assertThat(write).isInstanceOf(OrcidError.ScopeMissing.class);
        assertThat(write.errorCode()).isEqualTo(9038);
    }

    @Test
    void aRevokedTokenIsRejectedByTheApi() {
        OrcidId researcher = orcid.researcher();
        TokenResponse token = client.oauth()
                .exchangeCode(code(researcher, EmulatorFixture.MEMBER_SCOPES), EmulatorFixture.REDIRECT).orElseThrow();

        assertThat(client.oauth().revoke(token.accessToken()).isOk()).isTrue();

        OrcidError error = failure(client.works().readWorks(researcher, token.accessToken()));
        assertThat(error).isInstanceOf(OrcidError.TokenRejected.class);
        assertThat(error.status()).isEqualTo(401);
        assertThat(error.problem().summary()).doesNotContain(token.accessToken());
        assertThat(failure(client.oauth().refresh(token.refreshToken(), null, true)))
                .isInstanceOf(OrcidError.TokenRejected.class);
    }

    @Test
    void clientCredentialsTokensBelongToNoResearcher() {
        TokenResponse token = client.oauth().clientCredentials("/read-public").orElseThrow();
        assertThat(token.orcid()).isNull();
        assertThat(token.scopes()).isEqualTo(java.util.Set.of("/read-public"));
    }

    @Test
    void everyOAuthCallIsReportedWithoutTokens() {
        List<OrcidCall> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (OrcidClient listened = OrcidClient.builder(orcid.settings()).listener(calls::add).build()) {
            listened.oauth().clientCredentials("/read-public").orElseThrow();
            listened.oauth().revoke("00000000-0000-0000-0000-000000000000");
        }
        assertThat(calls).extracting(OrcidCall::method, OrcidCall::pathTemplate, OrcidCall::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("POST", "/oauth/token", 200),
                        org.assertj.core.groups.Tuple.tuple("POST", "/oauth/revoke", 200));
        assertThat(calls.toString()).doesNotContain("00000000-0000-0000-0000-000000000000");
    }
}
