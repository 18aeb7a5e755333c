package org.pidlink.emulator;

import java.util.List;
import org.pidlink.emulator.control.ClientInfo;
import org.pidlink.emulator.control.ClientSpec;
import org.pidlink.emulator.control.EmulatorControl;
import org.pidlink.emulator.control.ResearcherInfo;
import org.pidlink.emulator.control.ResearcherSpec;

/**
 * The default configuration of {@code ./pidlink emulator}: one premium member client and three researchers
 * with fixed, well-known credentials, so the emulator is usable at once (they are printed at start).
 */
final class DefaultSeed {

    static final String CLIENT_ID = "APP-PIDLINKEMULATOR1";
    static final String CLIENT_SECRET = "pidlink-emulator-secret";
    static final String PASSWORD = "password";

    private DefaultSeed() {
    }

    /** Returns what it created, for printing. */
    static Seeded apply(EmulatorControl control) {
        ClientInfo client = control.createClient(new ClientSpec(CLIENT_ID, CLIENT_SECRET, "pidlink (local)",
                List.of("http://localhost:8080", "http://127.0.0.1:8080", "http://localhost", "http://127.0.0.1"),
                true, true));
        List<ResearcherInfo> researchers = List.of(
                control.createResearcher(new ResearcherSpec("Josiah", "Carberry", "josiah@example.org", PASSWORD,
                        null, "0000-0002-1825-0097", "public")),
                control.createResearcher(new ResearcherSpec("Sofia", "Garcia", "sofia@example.org", PASSWORD,
                        null, "0000-0001-5109-3700", "public")),
                control.createResearcher(new ResearcherSpec("Ada", "Lovelace", "ada@example.org", PASSWORD,
                        null, "0000-0002-9079-593X", "limited")));
        return new Seeded(client, researchers);
    }

    record Seeded(ClientInfo client, List<ResearcherInfo> researchers) {
    }
}
