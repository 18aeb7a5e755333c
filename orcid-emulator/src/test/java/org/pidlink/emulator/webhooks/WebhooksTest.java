package org.pidlink.emulator.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pidlink.emulator.Http;
import org.pidlink.emulator.control.ClientInfo;
import org.pidlink.emulator.control.ClientSpec;
import org.pidlink.emulator.control.ResearcherInfo;
import org.pidlink.emulator.control.ResearcherSpec;
import org.pidlink.emulator.junit.OrcidEmulatorExtension;

/** Webhooks (orcid-api.md §6) with a real receiver: registration, callbacks on record changes, retries. */
class WebhooksTest {

    @RegisterExtension
    static final OrcidEmulatorExtension ORCID = OrcidEmulatorExtension.builder().noRateLimit().build();

    /** What the receiver saw of one callback. */
    record Received(String method, String path, String contentType, int bodyLength) {
    }

    private HttpServer receiver;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();
    private ClientInfo client;
    private String webhookToken;
    private ResearcherInfo researcher;
    private Http http;

    @BeforeEach
    void start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", ex -> {
            try (ex; InputStream in = ex.getRequestBody()) {
                received.add(new Received(ex.getRequestMethod(), ex.getRequestURI().getPath(),
                        ex.getRequestHeaders().getFirst("Content-Type"), in.readAllBytes().length));
                Integer status = answers.poll();
                ex.sendResponseHeaders(status == null ? 204 : status, -1);
            }
        });
        receiver.start();
        client = ORCID.control().createClient(ClientSpec.member("Repository", "https://repo.example/cb"));
        webhookToken = ORCID.control().token(null, client.clientId(), "/webhook").accessToken();
        researcher = ORCID.control().createResearcher(ResearcherSpec.of("Josiah", "Carberry"));
        http = new Http(ORCID.baseUrl());
        Webhooks.of(ORCID.emulator().context()).retryPolicy(new RetryPolicy(Duration.ofMillis(50), 3));
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    private String callback(String path) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
    }

    private String webhookPath(String orcid, String callbackUrl) {
        // Percent-encoding as a path needs it: a '+' in a path is a plus, not a space.
        return "/" + orcid + "/webhook/" + URLEncoder.encode(callbackUrl, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpResponse<String> put(String path, String token) {
        return http.put(path, "", "Authorization", "Bearer " + token);
    }

    private void changeRecord() {
        String token = ORCID.control().token(researcher.orcid(), client.clientId(), "/activities/update").accessToken();
        String work = """
                {"title":{"title":{"value":"A work"}},"type":"dataset","external-ids":{"external-id":[
                 {"external-id-type":"doi","external-id-value":"10.5555/%s","external-id-relationship":"self"}]}}
                """.formatted(UUID.randomUUID());
        HttpResponse<String> r = http.post("/v3.0/" + researcher.orcid() + "/work", work,
                "Authorization", "Bearer " + token, "Content-Type", "application/vnd.orcid+json");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    private Received next() throws InterruptedException {
        Received r = received.poll(10, TimeUnit.SECONDS);
        assertThat(r).as("a callback arrived").isNotNull();
        return r;
    }

    /** The delivery log of one callback once it has {@code n} entries (it is written after the receiver answers). */
    private static List<DeliveryAttempt> attempts(String uri, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            List<DeliveryAttempt> log = Webhooks.of(ORCID.emulator().context()).attempts().stream()
                    .filter(a -> a.uri().equals(uri)).toList();
            if (log.size() >= n || System.nanoTime() > deadline) {
                return log;
            }
            Thread.sleep(10);
        }
    }

    @Test
    void registerTwiceThenUnregister() {
        String path = webhookPath(researcher.orcid(), callback("/hook"));
        HttpResponse<String> created = put(path, webhookToken);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue(ORCID.baseUrl() + path);
        assertThat(put(path, webhookToken).statusCode()).isEqualTo(204);
        assertThat(Webhooks.of(ORCID.emulator().context()).registered(researcher.orcid()))
                .containsExactly(callback("/hook"));

        assertThat(http.delete(path, "Authorization", "Bearer " + webhookToken).statusCode()).isEqualTo(204);
        HttpResponse<String> gone = http.delete(path, "Authorization", "Bearer " + webhookToken);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(gone.body()).contains("<error:error-code>9028</error:error-code>",
                "No webhook found for orcid=" + researcher.orcid() + ", and uri=" + callback("/hook"));
    }

    @Test
    void refusalsCarryOrcidsCodes() {
        String path = webhookPath(researcher.orcid(), callback("/hook"));
        assertThat(http.put(path, "").statusCode()).isEqualTo(403);
        String readPublic = ORCID.control().token(null, client.clientId(), "/read-public").accessToken();
        assertThat(put(path, readPublic).body()).contains("<error:error-code>9038</error:error-code>");
        HttpResponse<String> unknown = put(webhookPath("0000-0001-5109-3700", callback("/hook")), webhookToken);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("<error:error-code>9011</error:error-code>");
        HttpResponse<String> bad = put(webhookPath(researcher.orcid(), "http://exa mple.org/cb"), webhookToken);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("<error:error-code>9012</error:error-code>",
                "Webhook uri: http://exa mple.org/cb is syntactically incorrect");

        assertThat(put(path, webhookToken).statusCode()).isEqualTo(201);
        ClientInfo other = ORCID.control().createClient(ClientSpec.member("Other", "https://other.example/cb"));
        String otherToken = ORCID.control().token(null, other.clientId(), "/webhook").accessToken();
        HttpResponse<String> foreign = http.delete(path, "Authorization", "Bearer " + otherToken,
                "Accept", "application/json");
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.body()).contains("\"error-code\":9014", "Only the client that register the webhook");
    }

    @Test
    void aRecordChangeCallsBackWithAnEmptyPost() throws Exception {
        assertThat(put(webhookPath(researcher.orcid(), callback("/changed")), webhookToken).statusCode()).isEqualTo(201);
        changeRecord();
        Received r = next();
        assertThat(r).isEqualTo(new Received("POST", "/changed", null, 0));
    }

    @Test
    void aFailedCallbackIsRetried() throws Exception {
        answers.add(500);
        assertThat(put(webhookPath(researcher.orcid(), callback("/flaky")), webhookToken).statusCode()).isEqualTo(201);
        changeRecord();
        assertThat(next().path()).isEqualTo("/flaky");
        assertThat(next().path()).isEqualTo("/flaky");
        assertThat(attempts(callback("/flaky"), 2)).extracting(DeliveryAttempt::attempt, DeliveryAttempt::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 500), org.assertj.core.groups.Tuple.tuple(2, 204));
    }

    @Test
    void retriesStopAtTheLimitAndUnregisteredHooksAreNotCalled() throws Exception {
        answers.add(503);
        answers.add(503);
        answers.add(503);
        String path = webhookPath(researcher.orcid(), callback("/down"));
        assertThat(put(path, webhookToken).statusCode()).isEqualTo(201);
        changeRecord();
        for (int i = 0; i < 3; i++) {
            assertThat(next().path()).isEqualTo("/down");
        }
        assertThat(http.delete(path, "Authorization", "Bearer " + webhookToken).statusCode()).isEqualTo(204);
        changeRecord();
        // Three attempts (the policy's limit) and nothing after; the record change after DELETE calls nobody.
        assertThat(received.poll(500, TimeUnit.MILLISECONDS)).isNull();
        assertThat(attempts(callback("/down"), 3)).extracting(DeliveryAttempt::status).containsOnly(503);
    }
}
