package org.pidlink.app.orcid;

import java.util.List;

import org.pidlink.core.identifiers.OrcidId;

/**
 * The researchers the embedded emulator knows, so that {@code ./pidlink serve} can be tried at once. They sign in
 * on the emulator's pages with their e-mail address and {@link #PASSWORD}; the first is pidlink's administrator
 * unless {@code pidlink.admin.orcids} names another.
 */
public final class DemoResearchers {

    /** The emulator's demo password: these accounts exist only in the local emulator. */
    public static final String PASSWORD = "password";

    public static final DemoResearcher JOSIAH =
            new DemoResearcher(new OrcidId("0000-0002-1825-0097"), "Josiah", "Carberry", "josiah@example.org");
    public static final DemoResearcher SOFIA =
            new DemoResearcher(new OrcidId("0000-0001-5109-3700"), "Sofia", "Garcia", "sofia@example.org");
    public static final DemoResearcher ADA =
            new DemoResearcher(new OrcidId("0000-0002-9079-593X"), "Ada", "Lovelace", "ada@example.org");

    private DemoResearchers() {
    }

    public static List<DemoResearcher> all() {
        return List.of(JOSIAH, SOFIA, ADA);
    }

    public record DemoResearcher(OrcidId orcid, String givenNames, String familyName, String email) {

        public String name() {
            return givenNames + " " + familyName;
        }
    }
}
