package org.pidlink.orcid.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pidlink.core.identifiers.OrcidId;
import org.pidlink.emulator.traffic.Faults;

/**
 * What the network and ORCID's edge can do (injected by the emulator), and the rate-limit and listener hooks.
 * Faults apply to the whole emulator (one per test class), so each test clears them afterwards.
 */
class TransportEmulatorTest extends EmulatorTest {

    @AfterEach
    void clearFaults() {
        orcid.emulator.control().faults(Faults.NONE);
        orcid.emulator.control().rateLimit(0, 0);
    }

    private void inject(double errorRate, List<Integer> statuses, long latencyMs, double dropRate) {
        orcid.emulator.control().faults(new Faults(errorRate, statuses, latencyMs, dropRate, 42L));
    }

    @Test
    void serverErrorsAreRetryable() {
        OrcidId researcher = orcid.researcher();
        String token = orcid.token(researcher);
        inject(1, List.of(500), 0, 0);

        OrcidError error = failure(client.works().readWorks(researcher, token));

        assertThat(error).isInstanceOf(OrcidError.ServerError.class);
        assertThat(error.status()).isEqualTo(500);
        assertThat(error.retryable()).isTrue();
    }

    @Test
    void aProxysHtml401IsUnauthorizedNotARejectedTokenAndTheTokenStillVerifies() {
        OrcidId researcher = orcid.researcher();
        String token = orcid.token(researcher);
        inject(1, List.of(401), 0, 0);

        OrcidError error = failure(client.works().createWork(researcher, token,
                EmulatorFixture.work("x", EmulatorFixture.freshDoi())));
        OrcidError verifying = failure(client.works().verifyToken(researcher, token));

        assertThat(error).isInstanceOf(OrcidError.Unauthorized.class);
        assertThat(error.status()).isEqualTo(401);
        assertThat(error.retryable()).isTrue();
        assertThat(error.developerMessage()).contains("<html>");
        assertThat(verifying).as("the edge is still in the way").isInstanceOf(OrcidError.Unauthorized.class);

        orcid.emulator.control().faults(Faults.NONE);
        assertThat(client.works().verifyToken(researcher, token).isOk()).as("ORCID takes the token").isTrue();
    }

    @Test
    void a401WithoutABodyIsUnauthorizedToo() {
        OrcidId researcher = orcid.researcher();
        String token = orcid.token(researcher);
        orcid.emulator.control().faults(new Faults(1, List.of(401), 0, 0, 42L, Faults.ErrorBody.EMPTY));

        OrcidError error = failure(client.works().readWorks(researcher, token));

        assertThat(error).isInstanceOf(OrcidError.Unauthorized.class);
        assertThat(error.developerMessage()).isEmpty();
    }

    @Test
    void verifyingARevokedTokenGivesOrcidsOwnRejection() {
        OrcidId researcher = orcid.researcher();
        String token = orcid.token(researcher);
        orcid.emulator.control().revoke(researcher.value(), orcid.client.clientId());

        OrcidError error = failure(client.works().verifyToken(researcher, token));

        assertThat(error).isInstanceOf(OrcidError.TokenRejected.class);
        assertThat(error.problem().oauthError()).isEqualTo("invalid_token");
        assertThat(error.retryable()).isFalse();
        assertThat(failure(client.works().verifyToken(researcher, "not-a-token")))
                .isInstanceOf(OrcidError.TokenRejected.class);
    }

    @Test
    void serviceUnavailableIsRateLimited() {
        OrcidId researcher = orcid.researcher();
        String token = orcid.token(researcher);
        inject(1, List.of(503), 0, 0);

        OrcidError error = failure(client.works().createWork(researcher, token,
                EmulatorFixture.work("x", EmulatorFixture.freshDoi())));

        assertThat(error).isInstanceOf(OrcidError.RateLimited.class);
        assertThat(error.retryable()).isTrue();
    }

    @Test
    void theEmulatedEdgeRateLimitAnswers503() {
        OrcidId researcher = orcid.researcher();
        String token = orcid.token(researcher);
        orcid.emulator.control().rateLimit(0.001, 1);

        assertThat(client.works().readWorks(researcher, token).isOk()).isTrue();
        OrcidError error = failure(client.works().readWorks(researcher, token));

        assertThat(error).isInstanceOf(OrcidError.RateLimited.class);
        assertThat(error.status()).isEqualTo(503);
    }

    @Test
    void aDroppedConnectionIsANetworkFailure() {
        OrcidId researcher = orcid.researcher();
        String token = orcid.token(researcher);
        inject(0, List.of(500), 0, 1);

        OrcidError error = failure(client.works().createWork(researcher, token,
                EmulatorFixture.work("x", EmulatorFixture.freshDoi())));

        assertThat(error).isInstanceOf(OrcidError.NetworkFailure.class);
        assertThat(((OrcidError.NetworkFailure) error).timedOut()).isFalse();
        assertThat(error.status()).isZero();
        assertThat(error.retryable()).isTrue();
    }

    @Test
    void aSlowAnswerTimesOut() {
        OrcidId researcher = orcid.researcher();
        String token = orcid.token(researcher);
        inject(0, List.of(500), 1_500, 0);
        try (OrcidClient impatient = OrcidClient.create(
                orcid.settings().withTimeouts(Duration.ofSeconds(2), EmulatorFixture.shortTimeout()))) {

            OrcidError error = failure(impatient.works().readWorks(researcher, token));

            assertThat(error).isInstanceOf(OrcidError.NetworkFailure.class);
            assertThat(((OrcidError.NetworkFailure) error).timedOut()).isTrue();
        }
    }

    @Test
    void aRefusedConnectionIsANetworkFailure() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        OrcidClientSettings nowhere = OrcidClientSettings.custom(URI.create("http://127.0.0.1:" + closedPort), "a", "b");
        try (OrcidClient lost = OrcidClient.create(nowhere)) {
            OrcidError error = failure(lost.works().readWorks(orcid.researcher(), "token"));
            assertThat(error).isInstanceOf(OrcidError.NetworkFailure.class);
            assertThat(failure(lost.oauth().clientCredentials("/read-public")))
                    .isInstanceOf(OrcidError.NetworkFailure.class);
        }
    }

    @Test
    void theRateLimiterIsAskedBeforeEveryMemberApiRequestButNotForOAuth() {
        OrcidId researcher = orcid.researcher();
        String token = orcid.token(researcher);
        AtomicInteger permits = new AtomicInteger();
        try (OrcidClient limited = OrcidClient.builder(orcid.settings()).rateLimiter(permits::incrementAndGet).build()) {
            long putCode = limited.works().createWork(researcher, token,
                    EmulatorFixture.work("x", EmulatorFixture.freshDoi())).orElseThrow();
            limited.works().readWork(researcher, token, putCode).orElseThrow();
            limited.works().deleteWork(researcher, token, putCode).orElseThrow();
            limited.oauth().clientCredentials("/read-public").orElseThrow();
        }
        assertThat(permits).hasValue(3);
    }

    @Test
    void anInterruptedRateLimiterStopsTheCallAndKeepsTheInterrupt() {
        OrcidRateLimiter interrupted = () -> {
            throw new InterruptedException("shutting down");
        };
        try (OrcidClient limited = OrcidClient.builder(orcid.settings()).rateLimiter(interrupted).build()) {
            OrcidError error = failure(limited.works().readWorks(orcid.researcher(), "token"));
            assertThat(error).isInstanceOf(OrcidError.Interrupted.class);
            assertThat(Thread.interrupted()).isTrue(); // also clears the flag for the next test
        }
    }

    @Test
    void theListenerHearsEveryCallWithTemplateStatusCodeAndPutCode() {
        OrcidId researcher = orcid.researcher();
        String token = orcid.token(researcher);
        List<OrcidCall> calls = new CopyOnWriteArrayList<>();
        OrcidCallListener failing = call -> {
            throw new IllegalStateException("audit table is down");
        };
        String doi = EmulatorFixture.freshDoi();
        try (OrcidClient listened = OrcidClient.builder(orcid.settings())
                .listener(call -> {
                    calls.add(call);
                    failing.onCall(call);
                }).build()) {
            long putCode = listened.works().createWork(researcher, token, EmulatorFixture.work("x", doi))
                    .orElseThrow();
            listened.works().createWork(researcher, token, EmulatorFixture.work("x", doi));
            listened.works().deleteWork(researcher, token, putCode);

            assertThat(calls).hasSize(3);
            OrcidCall created = calls.get(0);
            assertThat(created.method()).isEqualTo("POST");
            assertThat(created.pathTemplate()).isEqualTo("/v3.0/{orcid}/work");
            assertThat(created.orcid()).isEqualTo(researcher);
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.putCode()).isEqualTo(putCode);
            assertThat(created.succeeded()).isTrue();
            assertThat(created.latency()).isPositive();

            OrcidCall duplicate = calls.get(1);
            assertThat(duplicate.status()).isEqualTo(409);
            assertThat(duplicate.errorCode()).isEqualTo(9021);
            assertThat(duplicate.error()).isInstanceOf(OrcidError.Duplicate.class);

            OrcidCall deleted = calls.get(2);
            assertThat(deleted.pathTemplate()).isEqualTo("/v3.0/{orcid}/work/{put-code}");
            assertThat(deleted.putCode()).isEqualTo(putCode);
            assertThat(deleted.status()).isEqualTo(204);
            assertThat(calls.toString()).doesNotContain(token);
        }
    }
}
