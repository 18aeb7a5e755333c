package org.pidlink.app.orcid;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded emulator keeps its port across restarts: when its default port is taken it takes a free one and
 * remembers it in the data directory, and takes the same one at the next start.
 */
class EmbeddedOrcidPortTest {

    @TempDir
    Path dataDir;

    @Test
    void whenItsPortIsTakenItKeepsTheSameOtherPortAcrossRestarts() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            int first;
            try (EmbeddedOrcid emulator = EmbeddedOrcid.start("127.0.0.1", "127.0.0.1", port, dataDir, true)) {
                first = URI.create(emulator.emulator().baseUrl()).getPort();
                assertThat(first).isNotEqualTo(port);
            }
            assertThat(Files.readString(dataDir.resolve(EmbeddedOrcid.PORT_FILE)).strip()).isEqualTo("" + first);
            try (EmbeddedOrcid emulator = EmbeddedOrcid.start("127.0.0.1", "127.0.0.1", port, dataDir, true)) {
                assertThat(URI.create(emulator.emulator().baseUrl()).getPort()).as("after a restart").isEqualTo(first);
            }
        }
    }

    @Test
    void itsUrlNamesThePublicHostWhileItListensOnEveryInterface() {
        try (EmbeddedOrcid emulator = EmbeddedOrcid.start("0.0.0.0", "demo-host.example", 0, dataDir, true)) {
            assertThat(URI.create(emulator.emulator().baseUrl()).getHost()).isEqualTo("demo-host.example");
        }
    }
}
