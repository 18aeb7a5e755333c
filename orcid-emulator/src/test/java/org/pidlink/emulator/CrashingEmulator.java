package org.pidlink.emulator;

import java.nio.file.Path;
import org.pidlink.emulator.Fixtures.Setup;

/**
 * An emulator with a state file that {@link DurableStateTest} kills with SIGKILL: it prints its URL, a client, a
 * researcher and tokens for the test to use over HTTP, then waits. Nothing of its clean stop ever runs.
 */
public final class CrashingEmulator {

    private CrashingEmulator() {
    }

    public static void main(String[] args) throws Exception {
        OrcidEmulator emulator = OrcidEmulator.start(EmulatorSettings.builder().stateFile(Path.of(args[0]))
                .controlApi(true).noRateLimit().build());
        Setup s = Fixtures.setup(emulator.control(), "Crossref Auto-update");
        String notify = emulator.control().token(null, s.client().clientId(), "/premium-notification").accessToken();
        String webhook = emulator.control().token(null, s.client().clientId(), "/webhook").accessToken();
        System.out.println(String.join(" ", "READY", emulator.baseUrl(), s.client().clientId(), s.orcid(), s.token(),
                notify, webhook));
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
