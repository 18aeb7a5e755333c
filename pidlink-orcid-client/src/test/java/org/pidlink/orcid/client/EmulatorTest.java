package org.pidlink.orcid.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pidlink.emulator.junit.OrcidEmulatorExtension;

/**
 * Base of the tests that talk to a real (embedded) ORCID emulator over HTTP: one emulator per test class, a fresh
 * member client registration and {@link OrcidClient} per test.
 */
abstract class EmulatorTest {

    @RegisterExtension
    static final OrcidEmulatorExtension ORCID = EmulatorFixture.extension();

    EmulatorFixture orcid;
    OrcidClient client;
    OrcidWorksClient works;

    @BeforeEach
    void connect() {
        orcid = new EmulatorFixture(ORCID.emulator());
        client = orcid.newClient();
        works = client.works();
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    /** The error of a result that must have failed. */
    static OrcidError failure(OrcidResult<?> result) {
        assertThat(result).isInstanceOf(OrcidResult.Failed.class);
        return ((OrcidResult.Failed<?>) result).error();
    }
}
