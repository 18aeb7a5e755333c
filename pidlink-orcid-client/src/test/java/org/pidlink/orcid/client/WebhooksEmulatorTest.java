package org.pidlink.orcid.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.pidlink.core.identifiers.OrcidId;
import org.pidlink.emulator.control.ClientInfo;
import org.pidlink.emulator.webhooks.Webhooks;

/** Webhook registration (orcid-api.md §6), against the emulator. */
class WebhooksEmulatorTest extends EmulatorTest {

    private static final URI CALLBACK = URI.create("https://pidlink.example/orcid/webhook/a+b%2Fc?x=1");

    private String webhookToken() {
        return client.oauth().clientCredentials(OrcidWebhooksClient.SCOPE).orElseThrow().accessToken();
    }

    private List<String> registered(OrcidId researcher) {
        return Webhooks.of(orcid.emulator.context()).registered(researcher.value());
    }

    @Test
    void registeringTwiceCreatesOneWebhookAndUnregisteringRemovesIt() {
        OrcidId researcher = orcid.researcher();
        String token = webhookToken();
        List<OrcidCall> calls = new CopyOnWriteArrayList<>();
        try (OrcidClient hooked = OrcidClient.builder(orcid.settings()).listener(calls::add).build()) {
            assertThat(hooked.webhooks().register(researcher, CALLBACK, token).orElseThrow()).isTrue();
            assertThat(registered(researcher)).containsExactly(CALLBACK.toString());
            assertThat(hooked.webhooks().register(researcher, CALLBACK, token).orElseThrow())
                    .as("204: already registered").isFalse();
            assertThat(registered(researcher)).hasSize(1);

            assertThat(hooked.webhooks().unregister(researcher, CALLBACK, token).isOk()).isTrue();
            assertThat(registered(researcher)).isEmpty();
        }
        assertThat(calls).extracting(OrcidCall::method).containsExactly("PUT", "PUT", "DELETE");
        assertThat(calls).extracting(OrcidCall::pathTemplate).containsOnly("/{orcid}/webhook/{callback}");
        assertThat(calls).extracting(OrcidCall::status).containsExactly(201, 204, 204);
    }

    @Test
    void unregisteringAWebhookThatDoesNotExistIsNotFound9028() {
        OrcidError error = failure(client.webhooks().unregister(orcid.researcher(), CALLBACK, webhookToken()));

        assertThat(error).isInstanceOf(OrcidError.NotFound.class);
        assertThat(error.errorCode()).isEqualTo(9028);
    }

    @Test
    void anotherClientsWebhookCannotBeUnregistered() {
        OrcidId researcher = orcid.researcher();
        client.webhooks().register(researcher, CALLBACK, webhookToken()).orElseThrow();
        ClientInfo other = orcid.otherClient();
        String otherToken = orcid.emulator.control().token(null, other.clientId(), OrcidWebhooksClient.SCOPE)
                .accessToken();

        OrcidError error = failure(client.webhooks().unregister(researcher, CALLBACK, otherToken));

        assertThat(error).isInstanceOf(OrcidError.NotSource.class);
        assertThat(error.errorCode()).isEqualTo(9014);
        assertThat(registered(researcher)).containsExactly(CALLBACK.toString());
    }

    @Test
    void aTokenWithoutTheWebhookScopeIsScopeMissing() {
        OrcidId researcher = orcid.researcher();
        OrcidError error = failure(client.webhooks().register(researcher, CALLBACK, orcid.token(researcher)));

        assertThat(error).isInstanceOf(OrcidError.ScopeMissing.class);
        assertThat(error.status()).isEqualTo(403);
        assertThat(registered(researcher)).isEmpty();
    }

    @Test
    void anUnknownRecordIsNotFound() {
        OrcidId nobody = OrcidId.parse("0000-0002-1694-233X");
        OrcidError error = failure(client.webhooks().register(nobody, CALLBACK, webhookToken()));

        assertThat(error).isInstanceOf(OrcidError.NotFound.class);
        assertThat(error.errorCode()).isEqualTo(9011);
    }

    @Test
    void aCallbackThatIsNoUriIsRefused() {
        OrcidError error = failure(client.webhooks().register(orcid.researcher(), URI.create("ftp://x.example/cb"),
                webhookToken()));

        assertThat(error).isInstanceOf(OrcidError.InvalidWork.class);
        assertThat(error.errorCode()).isEqualTo(9012);
    }
}
