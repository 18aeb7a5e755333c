package org.pidlink.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pidlink.emulator.control.ClientSpec;
import org.pidlink.emulator.control.ResearcherSpec;
import org.pidlink.core.identifiers.OrcidId;

class EmulatorLifecycleTest {

    @Test
    void startsOnAFreePortAndStops() {
        try (OrcidEmulator a = OrcidEmulator.start(); OrcidEmulator b = OrcidEmulator.start()) {
            assertThat(a.port()).isPositive().isNotEqualTo(b.port());
            assertThat(a.baseUrl()).isEqualTo("http://127.0.0.1:" + a.port());
            HttpResponse<String> r = new Http(a.baseUrl()).get("/no/such/path");
            assertThat(r.statusCode()).isEqualTo(404);
        }
    }

    @Test
    void controlApiIsOffWhenEmbeddedUnlessAskedFor() {
        try (OrcidEmulator off = OrcidEmulator.start();
             OrcidEmulator on = OrcidEmulator.start(EmulatorSettings.builder().controlApi(true).build())) {
            assertThat(new Http(off.baseUrl()).get("/_emulator/stats").statusCode()).isEqualTo(404);
            assertThat(new Http(on.baseUrl()).get("/_emulator/stats").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void defaultSeedHasAPremiumMemberClientAndResearchersWithValidIds() {
        try (OrcidEmulator e = OrcidEmulator.start(EmulatorSettings.builder().seedDefaults(true).build())) {
            assertThat(e.state().client(DefaultSeed.CLIENT_ID)).hasValueSatisfying(c -> {
                assertThat(c.member()).isTrue();
                assertThat(c.premium()).isTrue();
                assertThat(c.secretMatches(DefaultSeed.CLIENT_SECRET)).isTrue();
            });
            assertThat(e.control().researchers()).hasSizeGreaterThanOrEqualTo(3)
                    .allSatisfy(r -> assertThat(OrcidId.parse(r.orcid()).value()).isEqualTo(r.orcid()));
            assertThat(e.state().signIn("josiah@example.org", DefaultSeed.PASSWORD)).isPresent();
            assertThat(e.state().signIn("https://orcid.org/0000-0002-1825-0097", DefaultSeed.PASSWORD)).isPresent();
            assertThat(e.state().signIn("0000-0002-1825-0097", "wrong")).isEmpty();
        }
    }

    @Test
    void stateSurvivesARestartThroughTheStateFile(@TempDir Path dir) {
        Path file = dir.resolve("state.json");
        String orcid;
        String access;
        try (OrcidEmulator e = OrcidEmulator.start(EmulatorSettings.builder().stateFile(file).build())) {
            e.control().createClient(new ClientSpec("APP-STATEFILE00001", "s3cret", "Saved", java.util.List.of(), true, false));
            orcid = e.control().createResearcher(ResearcherSpec.of("Saved", "Person").withPassword("pw")).orcid();
            access = e.control().token(orcid, "APP-STATEFILE00001", "/read-limited").accessToken();
        }
        assertThat(file).exists();
        assertThat(Files.isRegularFile(file)).isTrue();
        try (OrcidEmulator e = OrcidEmulator.start(EmulatorSettings.builder().stateFile(file).build())) {
            assertThat(e.state().authenticateClient("APP-STATEFILE00001", "s3cret")).isPresent();
            assertThat(e.state().signIn(orcid, "pw")).isPresent();
            assertThat(e.state().tokenByAccess(access)).hasValueSatisfying(t -> assertThat(t.orcid()).isEqualTo(orcid));
        }
    }
}
