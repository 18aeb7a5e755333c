package org.pidlink.emulator;

import java.nio.file.Path;
import java.time.Clock;

/**
 * How an emulator instance runs. {@code port} 0 picks a free port. {@code controlApi} mounts
 * {@code /_emulator/}; {@code seedDefaults} creates the demo client and researchers; {@code stateFile}, if
 * set, is loaded at start (when it exists), every change is journaled beside it before its request is answered
 * ({@link org.pidlink.emulator.state.StateJournal}) and the whole state is saved at stop. {@code publicHost}, if set,
 * is the host name in its base URL (the OIDC issuer, its pages' links) instead of {@code host}: the emulator listens
 * on {@code host} (e.g. {@code 0.0.0.0}) and is reached from other machines as {@code publicHost}.
 */
public record EmulatorSettings(String host, int port, boolean controlApi, boolean seedDefaults,
                               RateLimit rateLimit, Path stateFile, Clock clock, String publicHost) {

    public EmulatorSettings(String host, int port, boolean controlApi, boolean seedDefaults, RateLimit rateLimit,
                            Path stateFile, Clock clock) {
        this(host, port, controlApi, seedDefaults, rateLimit, stateFile, clock, null);
    }

    /** Token-bucket limits per client; {@code perSecond <= 0} means off. */
    public record RateLimit(double perSecond, int burst) {
        /** ORCID's edge: 24 requests/s, burst 40 (orcid-api.md §8). */
        public static final RateLimit ORCID = new RateLimit(24, 40);
        public static final RateLimit OFF = new RateLimit(0, 0);

        public boolean enabled() {
            return perSecond > 0;
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Fluent builder; defaults suit tests: free port, control API off, ORCID's rate limit, no seed. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 0;
        private boolean controlApi = false;
        private boolean seedDefaults = false;
        private RateLimit rateLimit = RateLimit.ORCID;
        private Path stateFile;
        private Clock clock = Clock.systemUTC();
        private String publicHost;

        public Builder host(String h) {
            this.host = h;
            return this;
        }

        public Builder port(int p) {
            this.port = p;
            return this;
        }

        public Builder controlApi(boolean on) {
            this.controlApi = on;
            return this;
        }

        public Builder seedDefaults(boolean on) {
            this.seedDefaults = on;
            return this;
        }

        public Builder rateLimit(RateLimit r) {
            this.rateLimit = r;
            return this;
        }

        public Builder noRateLimit() {
            return rateLimit(RateLimit.OFF);
        }

        public Builder stateFile(Path f) {
            this.stateFile = f;
            return this;
        }

        public Builder clock(Clock c) {
            this.clock = c;
            return this;
        }

        public Builder publicHost(String h) {
            this.publicHost = h;
            return this;
        }

        public EmulatorSettings build() {
            return new EmulatorSettings(host, port, controlApi, seedDefaults, rateLimit, stateFile, clock, publicHost);
        }
    }
}
