package org.pidlink.emulator.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pidlink.emulator.Http;
import org.pidlink.emulator.OrcidEmulator;
import org.pidlink.emulator.control.EmulatorControl;
import org.pidlink.emulator.control.ResearcherSpec;

/** The JUnit 5 extension: parameter injection, per-class and per-test lifecycles. */
class OrcidEmulatorExtensionTest {

    @Nested
    @ExtendWith(OrcidEmulatorExtension.class)
    class InjectedParameters {

        @Test
        void injectsTheRunningEmulatorAndItsControl(OrcidEmulator emulator, EmulatorControl control) {
            assertThat(emulator.control()).isSameAs(control);
            assertThat(new Http(emulator.baseUrl()).get("/v3.0/0000-0002-1825-0097/works").statusCode())
                    .isEqualTo(403);
            assertThat(control.createResearcher(ResearcherSpec.of("A", "B")).orcid()).isNotBlank();
        }
    }

    @Nested
    class PerTest {
        static final Set<Integer> PORTS = new HashSet<>();

        @RegisterExtension
        final OrcidEmulatorExtension orcid = OrcidEmulatorExtension.builder().build();

        @Test
        void first() {
            assertThat(orcid.control().researchers()).isEmpty();
            orcid.control().createResearcher(ResearcherSpec.of("Only", "Here"));
            PORTS.add(orcid.emulator().port());
        }

        @Test
        void second() {
            // A fresh emulator per test when registered on an instance field: nothing leaks between tests.
            assertThat(orcid.control().researchers()).isEmpty();
            orcid.control().createResearcher(ResearcherSpec.of("Only", "Here"));
            PORTS.add(orcid.emulator().port());
        }
    }
}
