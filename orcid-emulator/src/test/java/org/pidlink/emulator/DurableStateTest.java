package org.pidlink.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pidlink.emulator.control.ResearcherSpec;
import org.pidlink.emulator.inbox.Inbox;
import org.pidlink.emulator.state.StoredWork;
import org.pidlink.emulator.state.Token;
import org.pidlink.emulator.webhooks.Webhooks;

/**
 * With a state file, what the emulator answered for is on disk before the answer: killed with SIGKILL (no clean
 * stop, no save), it comes back with every work, token, inbox notification and webhook (issue 17, finding 8).
 */
class DurableStateTest {

    private static final String CALLBACK = "https://hooks.example/orcid/changed";

    @TempDir
    Path dir;

    private Process child;

    @AfterEach
    void killTheChild() {
        if (child != null) {
            child.destroyForcibly();
        }
    }

    @Test
    void everyAnsweredChangeSurvivesKill9() throws Exception {
        Path stateFile = dir.resolve("state.json");
        String[] ready = startChild(stateFile);
        String base = ready[1];
        String clientId = ready[2];
        String orcid = ready[3];
        String bearer = "Bearer " + ready[4];
        Http http = new Http(base);

        long kept = created(http.post("/v3.0/" + orcid + "/work", Fixtures.jsonWork("Kept", "10.5555/kept"),
                "Authorization", bearer, "Content-Type", Fixtures.JSON));
        long updated = created(http.post("/v3.0/" + orcid + "/work", Fixtures.jsonWork("First title", "10.5555/upd"),
                "Authorization", bearer, "Content-Type", Fixtures.JSON));
        long deleted = created(http.post("/v3.0/" + orcid + "/work", Fixtures.jsonWork("Gone", "10.5555/gone"),
                "Authorization", bearer, "Content-Type", Fixtures.JSON));
        assertThat(http.put("/v3.0/" + orcid + "/work/" + updated,
                Fixtures.jsonWork("Second title", "10.5555/upd").replaceFirst("\\{", "{\"put-code\":" + updated + ","),
                "Authorization", bearer, "Content-Type", Fixtures.JSON).statusCode()).isEqualTo(200);
        assertThat(http.delete("/v3.0/" + orcid + "/work/" + deleted, "Authorization", bearer).statusCode())
                .isEqualTo(204);
        HttpResponse<String> bulk = http.post("/v3.0/" + orcid + "/works", """
                {"bulk":[{"work":%s},{"work":%s}]}""".formatted(Fixtures.jsonWork("Bulk one", "10.5555/b1"),
                Fixtures.jsonWork("Bulk two", "10.5555/b2")), "Authorization", bearer, "Content-Type", Fixtures.JSON);
        assertThat(bulk.statusCode()).as(bulk.body()).isEqualTo(200);
        String notify = "Bearer " + ready[5];
        HttpResponse<String> notified = http.post("/v3.0/" + orcid + "/notification-permission",
                Fixtures.permissionNotification(clientId), "Authorization", notify, "Content-Type", Fixtures.XML);
        assertThat(notified.statusCode()).as(notified.body()).isEqualTo(201);
        String hook = "/" + orcid + "/webhook/" + URLEncoder.encode(CALLBACK, StandardCharsets.UTF_8);
        assertThat(http.put(hook, "", "Authorization", "Bearer " + ready[6]).statusCode()).isEqualTo(201);
        String other = http.post("/_emulator/researchers", "{\"givenNames\":\"Late\",\"familyName\":\"Comer\"}",
                "Content-Type", "application/json").body();
        assertThat(http.post("/_emulator/researchers/" + orcid + "/revoke", "{\"clientId\":\"" + clientId + "\"}",
                "Content-Type", "application/json").statusCode()).isEqualTo(200);

        child.destroyForcibly(); // SIGKILL: no shutdown hook, no save
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

        try (OrcidEmulator e = OrcidEmulator.start(EmulatorSettings.builder().stateFile(stateFile).build())) {
            List<StoredWork> works = e.control().works(orcid);
            assertThat(works).extracting(w -> w.work().title())
                    .containsExactly("Kept", "Second title", "Bulk one", "Bulk two");
            assertThat(works.get(0).putCode()).isEqualTo(kept);
            assertThat(works.get(1).putCode()).isEqualTo(updated);
            assertThat(e.state().tokenByAccess(ready[4])).hasValueSatisfying(
                    t -> assertThat(t.revocation()).isEqualTo(Token.Revocation.BY_RESEARCHER));
            assertThat(Inbox.of(e.context()).of(orcid)).hasSize(1);
            assertThat(Webhooks.of(e.context()).registered(orcid)).containsExactly(CALLBACK);
            assertThat(e.control().researchers()).extracting(r -> r.givenNames()).contains("Late");
            assertThat(other).contains("Late");

            String fresh = e.control().createResearcher(ResearcherSpec.of("After", "Restart")).orcid();
            var client = e.state().client(clientId).orElseThrow();
            String token = e.control().token(fresh, client.clientId(), "/activities/update").accessToken();
            long next = created(new Http(e.baseUrl()).post("/v3.0/" + fresh + "/work",
                    Fixtures.jsonWork("Next", "10.5555/next"), "Authorization", "Bearer " + token,
                    "Content-Type", Fixtures.JSON));
            assertThat(next).as("put-codes are never handed out twice").isGreaterThan(deleted);
        }
        assertThat(Files.list(dir).map(p -> p.getFileName().toString()))
                .as("a clean stop folds the journal into the state file").doesNotContain("state.json.journal.1");
    }

    @Test
    void aLineTheDyingProcessDidNotFinishIsIgnored() throws Exception {
        Path stateFile = dir.resolve("state.json");
        String orcid;
        try (OrcidEmulator e = OrcidEmulator.start(EmulatorSettings.builder().stateFile(stateFile).build())) {
            orcid = e.control().createResearcher(ResearcherSpec.of("Josiah", "Carberry")).orcid();
        }
        Files.writeString(dir.resolve("state.json.journal.7"), """
                {"t":"researcher","v":{"orcid":"0000-0002-1825-0097","givenNames":"Whole","familyName":"Line",\
                "state":"ACTIVE","defaultVisibility":"PUBLIC","lastModified":"2026-01-01T00:00:00Z"}}
                {"t":"researcher","v":{"orcid":"0000-0001-5109-3700","givenNa""");
        try (OrcidEmulator e = OrcidEmulator.start(EmulatorSettings.builder().stateFile(stateFile).build())) {
            assertThat(e.control().researchers()).extracting(r -> r.orcid())
                    .containsExactlyInAnyOrder(orcid, "0000-0002-1825-0097");
        }
    }

    @Test
    void aSecondEmulatorCannotTakeAStateFileInUse() {
        Path stateFile = dir.resolve("state.json");
        try (OrcidEmulator e = OrcidEmulator.start(EmulatorSettings.builder().stateFile(stateFile).build())) {
            assertThatThrownBy(() -> OrcidEmulator.start(EmulatorSettings.builder().stateFile(stateFile).build()))
                    .hasMessageContaining("another running ORCID emulator uses the state file");
        }
    }

    private String[] startChild(Path stateFile) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        child = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                CrashingEmulator.class.getName(), stateFile.toString())).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("READY ")) {
                return line.split(" ");
            }
        }
        throw new AssertionError("the emulator process ended before it was ready (exit " + child.waitFor() + ")");
    }

    private static long created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Fixtures.putCodeOf(response.headers().firstValue("Location").orElseThrow());
    }
}
