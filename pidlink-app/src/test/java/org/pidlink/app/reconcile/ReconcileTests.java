package org.pidlink.app.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import org.pidlink.app.testsupport.PidlinkSpringTest;
import org.pidlink.app.testsupport.Eventually;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pidlink.app.testsupport.ConnectedResearchers;
import org.pidlink.app.testsupport.ConnectedResearchers.Person;
import org.pidlink.app.accounts.WritePermissions;
import org.pidlink.app.claims.ClaimResult;
import org.pidlink.app.claims.ClaimStatus;
import org.pidlink.app.claims.ClaimView;
import org.pidlink.app.claims.Claims;
import org.pidlink.app.claims.Provenance;
import org.pidlink.app.claims.WorkPayload;
import org.pidlink.app.orcid.EmbeddedOrcid;
import org.pidlink.app.orcid.OrcidConnection;
import org.pidlink.app.orcid.OrcidRegistrations;
import org.pidlink.emulator.SettableClock;
import org.pidlink.core.identifiers.Doi;
import org.pidlink.core.identifiers.OrcidId;
import org.pidlink.emulator.state.StoredWork;
import org.pidlink.emulator.webhooks.DeliveryAttempt;
import org.pidlink.emulator.webhooks.Webhooks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Read back and reconcile against the embedded ORCID emulator, whose webhook callbacks reach this pidlink over
 * real HTTP: granting registers a webhook, a work the researcher deletes on ORCID becomes "removed by the
 * researcher" (and is not added again), a work of ours under another put-code is adopted, disconnecting
 * unregisters, and a callback with an unknown secret changes nothing.
 */
@PidlinkSpringTest
class ReconcileTests {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private ConnectedResearchers people;

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedOrcid orcid;

    @Autowired
    OrcidRegistrations registrations;

    @Autowired
    OrcidConnection connection;

    @Autowired
    WritePermissions permissions;

    @Autowired
    Claims claims;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ReconcileProperties reconcile;

    @Autowired
    WebhookRegistrar registrar;

    @Autowired
    Reconciler reconciler;

    @Autowired
    SettableClock clock;

    @BeforeEach
    void researchersConnectOverHttp() {
        people = new ConnectedResearchers(port, orcid);
    }

    @Test
    void grantingRegistersAWebhookAndAWorkTheResearcherDeletesIsMarkedRemovedByHerAndNotAddedAgain() {
        Person ada = people.newResearcher("Ada", "Deleter");
        people.connect(ada, true);

        String callback = eventually(() -> assertThat(webhooks().registered(ada.orcid().value())).singleElement()
                .satisfies(uri -> assertThat(uri).startsWith("http://127.0.0.1:" + port + "/orcid/webhook/")))
                .registered(ada.orcid().value()).getFirst();
        String secret = callback.substring(callback.lastIndexOf('/') + 1);
        assertThat(secret).as("256 random bits").hasSize(43);
        Map<String, Object> stored = jdbc.queryForMap("SELECT token_hash, callback FROM orcid_webhook WHERE orcid = ?",
                ada.orcid().value());
        assertThat((byte[]) stored.get("token_hash")).isEqualTo(WebhookStore.hash(secret));
        assertThat(new String((byte[]) stored.get("callback"), StandardCharsets.ISO_8859_1))
                .as("the callback URL is sealed, not stored in plaintext").doesNotContain(secret);

        Doi deleted = newDoi();
        Doi kept = newDoi();
        claims.assertClaim(ada.orcid(), deleted, OrcidRegistrations.AUTO_UPDATE, Provenance.ADMIN, work(deleted, "Ice"));
        claims.assertClaim(ada.orcid(), kept, OrcidRegistrations.AUTO_UPDATE, Provenance.ADMIN, work(kept, "Snow"));
        eventually(() -> assertThat(List.of(claim(ada.orcid(), deleted).status(), claim(ada.orcid(), kept).status()))
                .containsOnly(ClaimStatus.IN_ORCID));
        long deletedPutCode = claim(ada.orcid(), deleted).putCode();
        long keptPutCode = claim(ada.orcid(), kept).putCode();
        long callsBefore = lastCallId();
        // Her change comes after pidlink's writes settled: right after them it would be taken for their echo.
        eventually(() -> assertThat(reconciler.untilOwnWritesSettle(ada.orcid())).isZero());

        HttpResponse<String> removed = send(HttpRequest.newBuilder(URI.create(orcid.emulator().baseUrl()
                + "/_emulator/researchers/" + ada.orcid().value() + "/works/" + deletedPutCode)).DELETE());
        assertThat(removed.statusCode()).isEqualTo(204);

        eventually(() -> assertThat(claim(ada.orcid(), deleted).status()).isEqualTo(ClaimStatus.REMOVED_BY_RESEARCHER));
        ClaimView gone = claim(ada.orcid(), deleted);
        assertThat(gone.putCode()).isNull();
        assertThat(gone.queuedAction()).isNull();
        assertThat(claim(ada.orcid(), kept).status()).isEqualTo(ClaimStatus.IN_ORCID);
        assertThat(claim(ada.orcid(), kept).putCode()).isEqualTo(keptPutCode);
        assertThat(webhooks().attempts()).filteredOn(a -> a.uri().equals(callback))
                .extracting(DeliveryAttempt::status).contains(204);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM orcid_call WHERE id > ? AND orcid = ? AND method <> 'GET'",
                Integer.class, callsBefore, ada.orcid().value())).as("reconciling writes nothing to ORCID").isZero();

        ClaimResult again = claims.assertClaim(ada.orcid(), deleted, OrcidRegistrations.AUTO_UPDATE,
                Provenance.AUTO_UPDATE, work(deleted, "Ice, revised"));
        assertThat(again.status()).isEqualTo(ClaimStatus.REMOVED_BY_RESEARCHER);
        assertThat(again.queued()).isFalse();
        claims.syncNow(ada.orcid());
        assertThat(claim(ada.orcid(), deleted).queuedAction()).as("nothing queued to add it again").isNull();
        assertThat(worksWithDoi(ada.orcid(), deleted)).as("not added again").isEmpty();
        assertThat(claim(ada.orcid(), deleted).status()).isEqualTo(ClaimStatus.REMOVED_BY_RESEARCHER);
    }

    @Test
    void aWorkOfOursUnderAnotherPutCodeIsAdopted() {
        Person bea = people.newResearcher("Bea", "Moved");
        connectedWithWebhook(bea);
        Doi doi = newDoi();
        claims.assertClaim(bea.orcid(), doi, OrcidRegistrations.AUTO_UPDATE, Provenance.ADMIN, work(doi, "Glaciers"));
        eventually(() -> assertThat(claim(bea.orcid(), doi).status()).isEqualTo(ClaimStatus.IN_ORCID));
        long first = claim(bea.orcid(), doi).putCode();
        // Let the callbacks of pidlink's own write, and the reconciliation they cause, pass first.
        callbacksSettled(bea.orcid());

        // Say another installation of pidlink's client re-added the work after she deleted it.
        orcid.emulator().control().deleteWork(bea.orcid().value(), first);
        // The other installation's write is not in this one's call audit (through this one's client it would be,
        // and its callback and the deletion's could pass for echoes of this installation's own writing).
        String token = permissions.find(bea.orcid(), OrcidRegistrations.AUTO_UPDATE).orElseThrow().accessToken();
        long second;
        try (OrcidRegistrations otherInstallation = new OrcidRegistrations(connection, builder -> { })) {
            second = otherInstallation.client(OrcidRegistrations.AUTO_UPDATE).works()
                    .createWork(bea.orcid(), token, work(doi, "Glaciers").json()).orElseThrow();
        }

        eventually(() -> assertThat(claim(bea.orcid(), doi).putCode()).isEqualTo(second));
        assertThat(claim(bea.orcid(), doi).status()).isEqualTo(ClaimStatus.IN_ORCID);
        assertThat(worksWithDoi(bea.orcid(), doi)).extracting(StoredWork::putCode).containsExactly(second);
    }

    @Test
    void disconnectingUnregistersTheWebhookAndItsCallbackIsThenUnknown() {
        Person cai = people.newResearcher("Cai", "Leaving");
        String callback = connectedWithWebhook(cai);
        String path = URI.create(callback).getPath();
        assertThat(post(path).statusCode()).isEqualTo(204);

        HttpResponse<String> after = people.submit(cai, people.page(cai, "/settings"), "/settings/disconnect",
                Map.of("removeWorks", "false", "confirmed", "true"));
        assertThat(after.statusCode()).isEqualTo(200);

        eventually(() -> assertThat(webhooks().registered(cai.orcid().value())).isEmpty());
        assertThat(post(path).statusCode()).isEqualTo(404);
    }

    @Test
    void aCallbackWithAnUnknownSecretIsNotFoundAndChangesNothing() {
        Person dan = people.newResearcher("Dan", "Guesser");
        connectedWithWebhook(dan);
        Doi doi = newDoi();
        claims.assertClaim(dan.orcid(), doi, OrcidRegistrations.AUTO_UPDATE, Provenance.ADMIN, work(doi, "Firn"));
        eventually(() -> assertThat(claim(dan.orcid(), doi).status()).isEqualTo(ClaimStatus.IN_ORCID));
        long putCode = claim(dan.orcid(), doi).putCode();
        callbacksSettled(dan.orcid());
        // Deleted on ORCID, but the webhook is gone: only a forged callback could tell pidlink.
        webhooksOff(dan.orcid());
        orcid.emulator().control().deleteWork(dan.orcid().value(), putCode);
        long callsBefore = lastCallId();

        HttpResponse<String> forged = post("/orcid/webhook/" + UUID.randomUUID());

        assertThat(forged.statusCode()).isEqualTo(404);
        assertThat(forged.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(reconciler.idle(dan.orcid())).as("no reconciliation scheduled").isTrue();
        assertThat(claim(dan.orcid(), doi).status()).isEqualTo(ClaimStatus.IN_ORCID);
        assertThat(claim(dan.orcid(), doi).putCode()).isEqualTo(putCode);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM orcid_call WHERE id > ? AND orcid = ?", Integer.class,
                callsBefore, dan.orcid().value())).as("ORCID not even read").isZero();
    }

    @Test
    void aBurstOfCallbacksIsAnsweredAtOnceAndReadBackOnce() {
        Person eve = people.newResearcher("Eve", "Busy");
        Doi doi = newDoi();
        String callback = oneWorkWrittenAndSettled(eve, doi, "Moraine");
        long callsBefore = lastCallId();

        for (int i = 0; i < 5; i++) {
            assertThat(post(URI.create(callback).getPath()).statusCode()).isEqualTo(204);
        }

        eventually(() -> assertThat(worksReads(eve.orcid(), callsBefore)).isEqualTo(1));
        eventually(() -> assertThat(reconciler.idle(eve.orcid())).as("reconciliation finished").isTrue());
        assertThat(worksReads(eve.orcid(), callsBefore)).as("five callbacks, one read").isEqualTo(1);
        assertThat(claim(eve.orcid(), doi).status()).isEqualTo(ClaimStatus.IN_ORCID);
    }

    @Test
    void pidlinksOwnWritesAreNotReadBackButVerifiedOnceLater() {
        Person gus = people.newResearcher("Gus", "Prolific");
        connectedWithWebhook(gus);
        long callsBefore = lastCallId();
        for (int n = 0; n < 4; n++) {
            Doi doi = newDoi();
            claims.assertClaim(gus.orcid(), doi, OrcidRegistrations.AUTO_UPDATE, Provenance.ADMIN, work(doi, "Run " + n));
            eventually(() -> assertThat(claim(gus.orcid(), doi).status()).isEqualTo(ClaimStatus.IN_ORCID));
        }
        // Each write of pidlink's made ORCID call back; while pidlink's writes are fresh, no read is due.
        assertThat(reconciler.untilOwnWritesSettle(gus.orcid())).isPositive();
        eventually(() -> assertThat(reconciler.verificationPending(gus.orcid()))
                .as("the callbacks were the echoes of its writes: a verification read waits").isTrue());
        assertThat(reconciler.idle(gus.orcid())).isTrue();
        assertThat(worksReads(gus.orcid(), callsBefore)).as("four callbacks after four own writes, no read").isZero();

        reconciler.verifyDue(clock.instant().plus(Duration.ofMinutes(59)));
        assertThat(reconciler.verificationPending(gus.orcid())).as("not before an hour").isTrue();
        reconciler.verifyDue(clock.instant().plus(Duration.ofMinutes(61)));

        eventually(() -> assertThat(worksReads(gus.orcid(), callsBefore)).isEqualTo(1));
        eventually(() -> assertThat(reconciler.idle(gus.orcid())).isTrue());
        assertThat(reconciler.verificationPending(gus.orcid())).isFalse();
        assertThat(worksReads(gus.orcid(), callsBefore)).as("one verification read").isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT call_class FROM orcid_call WHERE id > ? AND orcid = ? AND method = 'GET'",
                String.class, callsBefore, gus.orcid().value())).isEqualTo("read");
    }

    @Test
    void aChangeOfHersWhilePidlinkIsNotWritingIsReadBackAtOnceAndCancelsTheVerification() {
        Person hal = people.newResearcher("Hal", "Curator");
        String callback = connectedWithWebhook(hal);
        Doi doi = newDoi();
        claims.assertClaim(hal.orcid(), doi, OrcidRegistrations.AUTO_UPDATE, Provenance.ADMIN, work(doi, "Esker"));
        eventually(() -> assertThat(claim(hal.orcid(), doi).status()).isEqualTo(ClaimStatus.IN_ORCID));
        eventually(() -> assertThat(reconciler.verificationPending(hal.orcid())).isTrue());
        eventually(() -> assertThat(reconciler.untilOwnWritesSettle(hal.orcid())).isZero());
        long callsBefore = lastCallId();

        assertThat(post(URI.create(callback).getPath()).statusCode()).isEqualTo(204);

        eventually(() -> assertThat(worksReads(hal.orcid(), callsBefore)).isEqualTo(1));
        eventually(() -> assertThat(reconciler.idle(hal.orcid())).isTrue());
        assertThat(reconciler.verificationPending(hal.orcid())).as("the read verified her record").isFalse();
    }

    @Test
    void aChangeOfHersWhilePidlinkHasWritesToHerRecordDueIsReadBackOnceTheyAreDone() throws InterruptedException {
        Person ida = people.newResearcher("Ida", "Patient");
        String callback = oneWorkWrittenAndSettled(ida, newDoi(), "Drumlin");
        long callsBefore = lastCallId();

        assertThat(post(URI.create(callback).getPath()).statusCode()).isEqualTo(204);
        // Then, within the settle window, another instance starts serving her record, as a backfill would.
        assertThat(jdbc.update("UPDATE push_researcher SET lease_owner = 'another instance', lease_until = ? "
                + "WHERE orcid = ?", java.sql.Timestamp.from(clock.instant().plus(Duration.ofHours(1))),
                ida.orcid().value())).isEqualTo(1);

        Thread.sleep(reconcile.settle().multipliedBy(3).toMillis()); // when a read would otherwise have come
        assertThat(worksReads(ida.orcid(), callsBefore)).as("not read while pidlink's writes are due").isZero();
        assertThat(reconciler.idle(ida.orcid())).as("the read waits").isFalse();

        jdbc.update("UPDATE push_researcher SET lease_owner = NULL, lease_until = NULL WHERE orcid = ?",
                ida.orcid().value());
        eventually(() -> assertThat(worksReads(ida.orcid(), callsBefore)).isEqualTo(1));
        eventually(() -> assertThat(reconciler.idle(ida.orcid())).isTrue());
        assertThat(worksReads(ida.orcid(), callsBefore)).as("read once").isEqualTo(1);
    }

    private int worksReads(OrcidId researcher, long afterCall) {
        Integer reads = jdbc.queryForObject("SELECT count(*) FROM orcid_call WHERE id > ? AND orcid = ? AND method = 'GET'"
                + " AND path = '/v3.0/{orcid}/works'", Integer.class, afterCall, researcher.value());
        return reads == null ? 0 : reads;
    }

    @Test
    void researchersWithAPermissionButNoWebhookGetOneAtStart() {
        Person fay = people.newResearcher("Fay", "Early");
        String before = connectedWithWebhook(fay);
        // As if she had connected before pidlink registered webhooks.
        webhooksOff(fay.orcid());
        jdbc.update("DELETE FROM orcid_webhook WHERE orcid = ?", fay.orcid().value());

        registrar.registerMissing();

        assertThat(webhooks().registered(fay.orcid().value())).singleElement()
                .satisfies(uri -> assertThat(uri).isNotEqualTo(before)
                        .startsWith("http://127.0.0.1:" + port + "/orcid/webhook/"));
        assertThat(jdbc.queryForObject("SELECT registered_at IS NOT NULL FROM orcid_webhook WHERE orcid = ?",
                Boolean.class, fay.orcid().value())).isTrue();
        assertThat(post(URI.create(before).getPath()).statusCode()).as("the old secret is forgotten").isEqualTo(404);
    }

    /**
     * Connects the researcher with a webhook, has pidlink write one work to her record and waits until ORCID's
     * callbacks for it were dealt with; answers the callback URL.
     */
    private String oneWorkWrittenAndSettled(Person person, Doi doi, String title) {
        String callback = connectedWithWebhook(person);
        claims.assertClaim(person.orcid(), doi, OrcidRegistrations.AUTO_UPDATE, Provenance.ADMIN, work(doi, title));
        eventually(() -> assertThat(claim(person.orcid(), doi).status()).isEqualTo(ClaimStatus.IN_ORCID));
        callbacksSettled(person.orcid());
        return callback;
    }

    /** Connects the researcher with auto-update on; answers the callback URL of the webhook that registers. */
    private String connectedWithWebhook(Person person) {
        people.connect(person, true);
        return eventually(() -> assertThat(webhooks().registered(person.orcid().value())).hasSize(1))
                .registered(person.orcid().value()).getFirst();
    }

    /** Removes the researcher's webhook on the emulator's side, as if ORCID had dropped it. */
    private void webhooksOff(OrcidId researcher) {
        String token = registrations.client(OrcidRegistrations.AUTO_UPDATE).oauth().clientCredentials("/webhook")
                .orElseThrow().accessToken();
        for (String uri : webhooks().registered(researcher.value())) {
            registrations.client(OrcidRegistrations.AUTO_UPDATE).webhooks()
                    .unregister(researcher, URI.create(uri), token).orElseThrow();
        }
    }

    private Webhooks webhooks() {
        return Webhooks.of(orcid.emulator().context());
    }

    /**
     * Waits until ORCID's callbacks for pidlink's writes to the record have arrived and been dealt with: the last one
     * was delivered more than a settle window ago and no reconciliation of hers is scheduled or running.
     */
    private void callbacksSettled(OrcidId researcher) {
        eventually(() -> {
            assertThat(lastAttempt(researcher)).isAfter(Instant.EPOCH).isBefore(Instant.now().minusSeconds(2));
            assertThat(reconciler.idle(researcher)).isTrue();
        });
    }

    private Instant lastAttempt(OrcidId researcher) {
        return webhooks().attempts().stream().filter(a -> a.orcid().equals(researcher.value()))
                .map(DeliveryAttempt::at).max(Instant::compareTo).orElse(Instant.EPOCH);
    }

    private static Doi newDoi() {
        return new Doi("10.5555/reconcile-" + UUID.randomUUID());
    }

    private static WorkPayload work(Doi doi, String title) {
        return WorkPayload.ofCanonicalJson("{\"title\":{\"title\":{\"value\":\"" + title + "\"}},\"type\":\"data-set\","
                + "\"external-ids\":{\"external-id\":[{\"external-id-type\":\"doi\",\"external-id-value\":\""
                + doi.value() + "\",\"external-id-relationship\":\"self\"}]}}");
    }

    private ClaimView claim(OrcidId researcher, Doi doi) {
        return claims.forResearcher(researcher).stream().filter(c -> c.doi().equals(doi.value())).findFirst()
                .orElseThrow(() -> new AssertionError("no claim of " + researcher + " for " + doi));
    }

    private List<StoredWork> worksWithDoi(OrcidId researcher, Doi doi) {
        return orcid.emulator().control().works(researcher.value()).stream()
                .filter(w -> w.work().externalIds().stream()
                        .anyMatch(id -> id.type().equals("doi") && id.value().equalsIgnoreCase(doi.value())))
                .toList();
    }

    private long lastCallId() {
        Long id = jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM orcid_call", Long.class);
        return id == null ? 0 : id;
    }

    private HttpResponse<String> post(String path) {
        // As ORCID calls: an empty body, no content type, no credentials.
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Retries {@code assertion} for up to 30 s; returns the emulator's webhooks for chaining. */
    private Webhooks eventually(Runnable assertion) {
        org.pidlink.app.testsupport.Eventually.eventually(assertion);
        return webhooks();
    }
}
