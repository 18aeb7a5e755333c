package org.pidlink.emulator.junit;

import java.time.Clock;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.pidlink.emulator.EmulatorSettings;
import org.pidlink.emulator.OrcidEmulator;
import org.pidlink.emulator.control.EmulatorControl;

/**
 * Starts an {@link OrcidEmulator} on a free loopback port for a test class and stops it afterwards.
 * <pre>
 * &#64;RegisterExtension
 * static final OrcidEmulatorExtension ORCID = OrcidEmulatorExtension.builder().controlApi().build();
 * ... ORCID.baseUrl(), ORCID.control().createResearcher(...)
 * </pre>
 * or {@code @ExtendWith(OrcidEmulatorExtension.class)} with an {@code OrcidEmulator} (or
 * {@code EmulatorControl}) test/constructor parameter. Registered on a static field it lives for the class;
 * on an instance field, for each test.
 */
public final class OrcidEmulatorExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver {

    private final EmulatorSettings settings;
    private OrcidEmulator emulator;
    private String startedBy;

    /** Defaults: free port, ORCID's rate limit, control API off, empty state. */
    public OrcidEmulatorExtension() {
        this(EmulatorSettings.builder().build());
    }

    public OrcidEmulatorExtension(EmulatorSettings settings) {
        this.settings = settings;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        startIfNeeded(context.getUniqueId());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        startIfNeeded(context.getUniqueId());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        stopIfStartedBy(context.getUniqueId());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stopIfStartedBy(context.getUniqueId());
    }

    private synchronized void startIfNeeded(String by) {
        if (emulator == null) {
            emulator = OrcidEmulator.start(settings);
            startedBy = by;
        }
    }

    private synchronized void stopIfStartedBy(String by) {
        if (emulator != null && by.equals(startedBy)) {
            emulator.close();
            emulator = null;
            startedBy = null;
        }
    }

    public synchronized OrcidEmulator emulator() {
        if (emulator == null) {
            throw new IllegalStateException("the ORCID emulator runs only while a test runs");
        }
        return emulator;
    }

    public String baseUrl() {
        return emulator().baseUrl();
    }

    public String apiUrl() {
        return emulator().apiUrl();
    }

    public EmulatorControl control() {
        return emulator().control();
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
        Class<?> t = p.getParameter().getType();
        return t == OrcidEmulator.class || t == EmulatorControl.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
        startIfNeeded(e.getUniqueId());
        return p.getParameter().getType() == OrcidEmulator.class ? emulator() : emulator().control();
    }

    /** Options for the embedded emulator. */
    public static final class Builder {
        private final EmulatorSettings.Builder settings = EmulatorSettings.builder();

        /** Mounts {@code /_emulator/} (off by default when embedded). */
        public Builder controlApi() {
            settings.controlApi(true);
            return this;
        }

        public Builder noRateLimit() {
            settings.noRateLimit();
            return this;
        }

        public Builder rateLimit(double perSecond, int burst) {
            settings.rateLimit(new EmulatorSettings.RateLimit(perSecond, burst));
            return this;
        }

        /** The demo client and researchers of {@code ./pidlink emulator}. */
        public Builder seedDefaults() {
            settings.seedDefaults(true);
            return this;
        }

        public Builder clock(Clock clock) {
            settings.clock(clock);
            return this;
        }

        public OrcidEmulatorExtension build() {
            return new OrcidEmulatorExtension(settings.build());
        }
    }
}
