package org.pidlink.orcid.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.pidlink.core.identifiers.OrcidId;
import org.pidlink.emulator.inbox.Inbox;
import org.pidlink.emulator.inbox.StoredNotification;

/** Permission requests through ORCID's inbox (orcid-api.md §7), against the emulator. */
class NotificationsEmulatorTest extends EmulatorTest {

    private static final URI AUTHORIZE = URI.create(
            "https://orcid.org/oauth/authorize?client_id=APP-1&response_type=code&scope=/activities/update"
                    + "&redirect_uri=https://pidlink.example/connect");

    private String premiumToken() {
        return client.oauth().clientCredentials(OrcidNotificationsClient.SCOPE).orElseThrow().accessToken();
    }

    private static PermissionNotification request(String intro, PermissionNotification.Item... items) {
        return new PermissionNotification(AUTHORIZE, "Add your recent works", intro, List.of(items));
    }

    private Inbox inbox() {
        return Inbox.of(orcid.emulator.context());
    }

    @Test
    void aPermissionRequestLandsInTheInboxAndItsPutCodeComesBack() {
        OrcidId researcher = orcid.researcher();
        String doi = EmulatorFixture.freshDoi();
        AtomicInteger permits = new AtomicInteger();
        List<OrcidCall> calls = new CopyOnWriteArrayList<>();
        try (OrcidClient hooked = OrcidClient.builder(orcid.settings())
                .rateLimiter(permits::incrementAndGet).listener(calls::add).build()) {
            String token = hooked.oauth().clientCredentials(OrcidNotificationsClient.SCOPE).orElseThrow().accessToken();
            calls.clear();

            long putCode = hooked.notifications().createPermissionNotification(researcher, token,
                    request("We found works of yours", PermissionNotification.Item.work("Heat <transfer>", doi)))
                    .orElseThrow();

            assertThat(permits).as("the member-API call waited for the rate limiter").hasValue(1);
            assertThat(calls).singleElement().satisfies(call -> {
                assertThat(call.method()).isEqualTo("POST");
                assertThat(call.pathTemplate()).isEqualTo("/v3.0/{orcid}/notification-permission");
                assertThat(call.orcid()).isEqualTo(researcher);
                assertThat(call.putCode()).isEqualTo(putCode);
                assertThat(call.status()).isEqualTo(201);
                assertThat(call.succeeded()).isTrue();
            });
            StoredNotification stored = inbox().get(researcher.value(), putCode).orElseThrow();
            assertThat(stored.sourceClientId()).isEqualTo(orcid.client.clientId());
            assertThat(stored.content().authorizationUrl().uri()).isEqualTo(AUTHORIZE.toString());
            assertThat(stored.content().subject()).isEqualTo("Add your recent works");
            assertThat(stored.content().intro()).isEqualTo("We found works of yours");
            assertThat(stored.content().items()).singleElement().satisfies(item -> {
                assertThat(item.type()).isEqualTo("work");
                assertThat(item.name()).isEqualTo("Heat <transfer>");
                assertThat(item.externalId().type()).isEqualTo("doi");
                assertThat(item.externalId().value()).isEqualTo(doi);
                assertThat(item.externalId().relationship()).isEqualTo("self");
            });
        }
    }

    @Test
    void aPathOnOrcidsHostIsSentAsPathAndOrcidCompletesTheUri() {
        OrcidId researcher = orcid.researcher();
        URI path = URI.create("/oauth/authorize?client_id=APP-1&response_type=code&scope=/activities/update");
        long putCode = client.notifications().createPermissionNotification(researcher, premiumToken(),
                new PermissionNotification(path, "Subject", "Intro",
                        List.of(PermissionNotification.Item.work("A work", EmulatorFixture.freshDoi())))).orElseThrow();

        var url = inbox().get(researcher.value(), putCode).orElseThrow().content().authorizationUrl();
        assertThat(url.path()).isEqualTo(path.toString());
        assertThat(url.uri()).isEqualTo(orcid.emulator.baseUrl() + path);
    }

    @Test
    void aTokenWithoutThePremiumNotificationScopeIsScopeMissing() {
        OrcidId researcher = orcid.researcher();
        // The researcher's own three-legged token: valid, but not for the inbox.
        OrcidError error = failure(client.notifications().createPermissionNotification(researcher,
                orcid.token(researcher), request("Hi", PermissionNotification.Item.work("W", "10.5555/1"))));

        assertThat(error).isInstanceOf(OrcidError.ScopeMissing.class);
        assertThat(error.status()).isEqualTo(403);
        assertThat(error.errorCode()).isEqualTo(9038);
        assertThat(error.retryable()).isFalse();
        assertThat(inbox().of(researcher.value())).isEmpty();
    }

    @Test
    void anUnknownTokenIsTokenRejected() {
        OrcidError error = failure(client.notifications().createPermissionNotification(orcid.researcher(),
                "6d3ad0a1-0000-4000-8000-000000000000", request("Hi", PermissionNotification.Item.work("W", "10.5555/1"))));

        assertThat(error).isInstanceOf(OrcidError.TokenRejected.class);
        assertThat(error.developerMessage()).doesNotContain("6d3ad0a1-0000-4000-8000-000000000000");
    }

    @Test
    void anUnknownRecordIsNotFound() {
        OrcidId nobody = OrcidId.parse("0000-0002-1694-233X");
        assertThat(orcid.emulator.state().researcher(nobody.value())).isEmpty();

        OrcidError error = failure(client.notifications().createPermissionNotification(nobody, premiumToken(),
                request("Hi", PermissionNotification.Item.work("W", "10.5555/1"))));

        assertThat(error).isInstanceOf(OrcidError.NotFound.class);
        assertThat(error.status()).isEqualTo(404);
        assertThat(error.errorCode()).isEqualTo(9016);
    }

    @Test
    void aResearcherWhoTakesNoNotificationsRefusesWith9032() {
        OrcidId researcher = orcid.researcher();
        inbox().accept(researcher.value(), false);

        OrcidError error = failure(client.notifications().createPermissionNotification(researcher, premiumToken(),
                request("Hi", PermissionNotification.Item.work("W", "10.5555/1"))));

        assertThat(error).isInstanceOf(OrcidError.RecordUnavailable.class);
        assertThat(((OrcidError.RecordUnavailable) error).state()).isEqualTo(RecordState.NOTIFICATIONS_DECLINED);
        assertThat(error.status()).isEqualTo(409);
        assertThat(error.errorCode()).isEqualTo(9032);
        assertThat(error.retryable()).isFalse();
    }

    @Test
    void anItemWithAnIdentifierTypeOrcidDoesNotKnowIsRefused() {
        OrcidId researcher = orcid.researcher();
        PermissionNotification.Item odd = new PermissionNotification.Item("work", "W",
                new PermissionNotification.ItemId("not-a-type", "x", "self"));

        OrcidError error = failure(client.notifications().createPermissionNotification(researcher, premiumToken(),
                request("Hi", odd)));

        assertThat(error).isInstanceOf(OrcidError.InvalidWork.class);
        assertThat(error.status()).isEqualTo(400);
        assertThat(error.errorCode()).isEqualTo(9023);
        assertThat(inbox().of(researcher.value())).isEmpty();
    }

    @Test
    void textAtOrcidsLimitsIsAccepted() {
        OrcidId researcher = orcid.researcher();
        // 500 characters outside the BMP are 1000 UTF-16 units, which is what ORCID's Java validator counts.
        String astral = "\uD835\uDC00".repeat(PermissionNotification.MAX_TEXT / 2);
        String name = "n".repeat(PermissionNotification.MAX_TEXT);
        List<PermissionNotification.Item> many = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            many.add(PermissionNotification.Item.work(i == 0 ? name : "Work " + i, EmulatorFixture.freshDoi()));
        }

        long putCode = client.notifications().createPermissionNotification(researcher, premiumToken(),
                new PermissionNotification(AUTHORIZE, "Subject", astral, many)).orElseThrow();

        StoredNotification stored = inbox().get(researcher.value(), putCode).orElseThrow();
        assertThat(stored.content().intro()).isEqualTo(astral);
        assertThat(stored.content().items()).hasSize(50);
        assertThat(stored.content().items().getFirst().name()).isEqualTo(name);
    }

    @Test
    void requestsOrcidWouldRefuseForTheirShapeNeverLeave() {
        String tooLong = "x".repeat(PermissionNotification.MAX_TEXT + 1);
        PermissionNotification.Item item = PermissionNotification.Item.work("W", "10.5555/1");

        assertThatThrownBy(() -> request(tooLong, item))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("notification-intro has 1001");
        // ORCID's validator refuses 501 characters outside the BMP (1002 UTF-16 units); so does the client.
        assertThatThrownBy(() -> request("\uD835\uDC00".repeat(PermissionNotification.MAX_TEXT / 2 + 1), item))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("notification-intro has 1002");
        assertThatThrownBy(() -> PermissionNotification.Item.work(tooLong, "10.5555/1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("item-name has 1001");
        assertThatThrownBy(() -> new PermissionNotification(AUTHORIZE, "S", "I", List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one item");
        assertThatThrownBy(() -> new PermissionNotification.Item("article", "W", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("item-type 'article'");
        assertThatThrownBy(() -> new PermissionNotification.ItemId("doi", " ", "self"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PermissionNotification(URI.create("oauth/authorize"), "S", "I", List.of(item)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("authorization URL");
    }
}
