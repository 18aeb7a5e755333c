package org.pidlink.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pidlink.emulator.control.ClientInfo;
import org.pidlink.emulator.control.ClientSpec;
import org.pidlink.emulator.control.ResearcherSpec;
import org.pidlink.emulator.inbox.Inbox;
import org.pidlink.emulator.inbox.StoredNotification;
import org.pidlink.emulator.state.KnownOrganization;
import org.pidlink.emulator.webhooks.Webhooks;

/** Inbox notifications and webhooks survive a restart through {@code --state-file}, with the core state. */
class StateFileSectionsTest {

    private static final String XML = "application/vnd.orcid+xml";
    private static final String CALLBACK = "https://hooks.example/orcid/changed?x=1";

    private static long putCode(HttpResponse<String> created) {
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    @Test
    void inboxNotificationsAndWebhooksRoundTripThroughTheStateFile(@TempDir Path dir) {
        Path file = dir.resolve("state.json");
        SettableClock clock = SettableClock.at(Instant.parse("2026-05-04T10:00:00Z"));
        EmulatorSettings settings = EmulatorSettings.builder().stateFile(file).noRateLimit().clock(clock).build();
        String orcid;
        String optedOut;
        String notifyToken;
        String webhookToken;
        String hookPath;
        StoredNotification before;
        long unread;
        try (OrcidEmulator e = OrcidEmulator.start(settings)) {
            ClientInfo c = e.control().createClient(ClientSpec.member("Crossref Auto-update", "https://agency.example/cb"));
            orcid = e.control().createResearcher(ResearcherSpec.of("Josiah", "Carberry")).orcid();
            optedOut = e.control().createResearcher(ResearcherSpec.of("Quiet", "Person")).orcid();
            notifyToken = e.control().token(null, c.clientId(), "/premium-notification").accessToken();
            webhookToken = e.control().token(null, c.clientId(), "/webhook").accessToken();
            Http http = new Http(e.baseUrl());
            String base = "/v3.0/" + orcid + "/notification-permission";
            long first = putCode(http.post(base, Fixtures.permissionNotification(c.clientId()),
                    "Authorization", "Bearer " + notifyToken, "Content-Type", XML));
            unread = putCode(http.post(base, Fixtures.permissionNotification(c.clientId()),
                    "Authorization", "Bearer " + notifyToken, "Content-Type", XML));
            clock.advance(Duration.ofMinutes(5));
            Inbox inbox = Inbox.of(e.context());
            before = inbox.markActioned(orcid, first).orElseThrow();
            inbox.accept(optedOut, false);
            hookPath = "/" + orcid + "/webhook/" + URLEncoder.encode(CALLBACK, StandardCharsets.UTF_8);
            assertThat(http.put(hookPath, "", "Authorization", "Bearer " + webhookToken).statusCode()).isEqualTo(201);
        }
        assertThat(file).content().contains("\"inbox\"", "\"webhooks\"", CALLBACK);

        try (OrcidEmulator e = OrcidEmulator.start(settings)) {
            Inbox inbox = Inbox.of(e.context());
            assertThat(inbox.get(orcid, before.putCode())).contains(before);
            assertThat(inbox.get(orcid, unread)).hasValueSatisfying(n -> assertThat(n.readDate()).isNull());
            assertThat(inbox.accepts(optedOut)).isFalse();
            assertThat(inbox.accepts(orcid)).isTrue();
            assertThat(Webhooks.of(e.context()).registered(orcid)).containsExactly(CALLBACK);

            Http http = new Http(e.baseUrl());
            String base = "/v3.0/" + orcid + "/notification-permission";
            HttpResponse<String> read = http.get(base + "/" + unread, "Authorization", "Bearer " + notifyToken);
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(read.body()).contains("put-code=\"" + unread + "\"", "Heat transfer in thin films");
            long next = putCode(http.post(base, Fixtures.permissionNotification("APP-X"),
                    "Authorization", "Bearer " + notifyToken, "Content-Type", XML));
            assertThat(next).as("the put-code sequence continues").isGreaterThan(unread);
            assertThat(http.post("/v3.0/" + optedOut + "/notification-permission",
                    Fixtures.permissionNotification("APP-X"), "Authorization", "Bearer " + notifyToken,
                    "Content-Type", XML).statusCode()).isEqualTo(409);

            assertThat(http.put(hookPath, "", "Authorization", "Bearer " + webhookToken).statusCode())
                    .as("registered already").isEqualTo(204);
            assertThat(http.delete(hookPath, "Authorization", "Bearer " + webhookToken).statusCode()).isEqualTo(204);
        }
    }

    @Test
    void affiliationsAndAddedOrganizationsSurviveARestart(@TempDir Path dir) {
        Path file = dir.resolve("state.json");
        EmulatorSettings settings = EmulatorSettings.builder().stateFile(file).noRateLimit().build();
        String orcid;
        String token;
        long putCode;
        String before;
        try (OrcidEmulator e = OrcidEmulator.start(settings)) {
            ClientInfo c = e.control().createClient(ClientSpec.member("University HR", "https://hr.example/cb"));
            orcid = e.control().createResearcher(ResearcherSpec.of("Josiah", "Carberry")).orcid();
            token = e.control().token(orcid, c.clientId(), "/read-limited /activities/update").accessToken();
            e.control().addOrganization(new KnownOrganization("ROR", "https://ror.org/04pp8hn57", "Utrecht University",
                    "Utrecht", null, "NL"));
            HttpResponse<String> created = new Http(e.baseUrl()).post("/v3.0/" + orcid + "/education", """
                    {"organization":{"name":"Utrecht University","address":{"city":"Utrecht","country":"NL"},
                       "disambiguated-organization":{"disambiguated-organization-identifier":"https://ror.org/04pp8hn57",
                         "disambiguation-source":"ROR"}},
                     "external-ids":{"external-id":[{"external-id-type":"source-work-id","external-id-value":"E-1",
                       "external-id-relationship":"self"}]}}""",
                    "Authorization", "Bearer " + token, "Content-Type", "application/vnd.orcid+json");
            putCode = putCode(created);
            before = new Http(e.baseUrl()).get("/v3.0/" + orcid + "/education/" + putCode, "Authorization",
                    "Bearer " + token, "Accept", "application/vnd.orcid+json").body();
        }
        try (OrcidEmulator e = OrcidEmulator.start(settings)) {
            assertThat(e.control().affiliations(orcid)).extracting(a -> a.putCode()).containsExactly(putCode);
            assertThat(e.control().organizations()).anyMatch(o -> o.identifier().equals("https://ror.org/04pp8hn57"));
            Http http = new Http(e.baseUrl());
            assertThat(http.get("/v3.0/" + orcid + "/education/" + putCode, "Authorization", "Bearer " + token,
                    "Accept", "application/vnd.orcid+json").body()).isEqualTo(before);
            assertThat(http.delete("/v3.0/" + orcid + "/education/" + putCode, "Authorization", "Bearer " + token)
                    .statusCode()).isEqualTo(204);
        }
    }

    @Test
    void aStateFileWithoutSectionsStillLoads(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("old.json");
        Files.writeString(file, """
                {"version": 1, "lastPutCode": 1000, "clients": [], "researchers": [], "tokens": []}
                """);
        try (OrcidEmulator e = OrcidEmulator.start(EmulatorSettings.builder().stateFile(file).build())) {
            assertThat(Webhooks.of(e.context()).attempts()).isEmpty();
            assertThat(e.control().createResearcher(ResearcherSpec.of("New", "Person")).orcid()).isNotBlank();
        }
    }
}
