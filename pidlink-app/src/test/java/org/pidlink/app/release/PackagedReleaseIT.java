package org.pidlink.app.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release tarball holds the executable jar, the launcher, a sample production configuration and a systemd unit;
 * its launcher, with no source tree around it, runs the jar; {@code pidlink serve} from it starts as
 * {@code ./pidlink serve} does (embedded PostgreSQL, embedded ORCID emulator, a demo API key) and answers
 * {@code /actuator/health}.
 */
class PackagedReleaseIT {

    @TempDir
    Path directory;

    private Release release;

    @AfterEach
    void stop() throws InterruptedException {
        if (release != null) {
            release.stopAll();
        }
    }

    @Test
    void theTarballsLauncherRunsTheJarLikePidlinkServe() throws Exception {
        release = Release.unpack(directory);
        assertThat(release.home.resolve("lib/pidlink.jar")).isRegularFile();
        assertThat(release.home.resolve("pidlink")).isExecutable();
        assertThat(release.home.resolve("config/application.yml.sample")).content().contains("preset: production");
        assertThat(release.home.resolve("systemd/pidlink.service")).content().contains("ExecStart=");
        assertThat(release.home.resolve("docs/deployment.md")).isRegularFile();
        assertThat(release.home.resolve("pom.xml")).doesNotExist();

        Path work = Files.createDirectories(directory.resolve("run"));
        Path log = work.resolve("serve.log");
        int port = Release.freePort();
        Process pidlink = release.launch(log, Map.of(), "serve", "--port", String.valueOf(port),
                "--data-dir", work.resolve("data").toString(), "--pidlink.orcid.emulator.port=0");
        Release.awaitOk("http://localhost:" + port + "/actuator/health", pidlink, log, Duration.ofMinutes(3));
        assertThat(Release.get("http://localhost:" + port + "/actuator/health").body()).contains("\"status\":\"UP\"");
        assertThat(Release.get("http://localhost:" + port + "/v3/api-docs").statusCode()).isEqualTo(200);
        assertThat(Files.readString(log)).as("the demo, as ./pidlink serve")
                .contains("Starting embedded PostgreSQL").contains("ORCID emulator running at")
                .contains("Demo API key for POST /api/v1/dois");
    }
}
