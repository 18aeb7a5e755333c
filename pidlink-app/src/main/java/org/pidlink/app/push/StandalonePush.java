package org.pidlink.app.push;

import java.time.Clock;
import java.util.random.RandomGenerator;

import javax.sql.DataSource;

import org.pidlink.app.claims.StandaloneClaims;
import org.pidlink.app.claims.WriteAccessSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

/**
 * Claims and the push engine without Spring, on one {@code DataSource}: for the benchmarks and for engine tests
 * that assemble them by hand. Features never build it: {@code PushConfiguration} and {@code ClaimsConfiguration}
 * wire the same parts as beans.
 *
 * <pre>{@code
 * StandalonePush push = StandalonePush.create(dataSource, clock, settings, access);
 * OrcidClient orcid = OrcidClient.builder(...).rateLimiter(push.limiter().forClient(key)).listener(push.audit()).build();
 * PushEngine engine = push.engine(clients, random);
 * }</pre>
 */
public final class StandalonePush {

    private final DataSource dataSource;
    private final Clock clock;
    private final PushSettings settings;
    private final PushSchedule schedule;
    private final StandaloneClaims claims;
    private final SharedRateLimiter limiter;
    private final OrcidCallAudit audit;
    private final MeterRegistry meters;

    private StandalonePush(DataSource dataSource, Clock clock, PushSettings settings, WriteAccessSource access,
            MeterRegistry meters) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.settings = settings;
        this.meters = meters;
        this.schedule = new PushSchedule(dataSource, clock);
        this.claims = StandaloneClaims.create(dataSource, clock, access, schedule.listener(() -> { }));
        this.limiter = SharedRateLimiter.of(dataSource, clock, settings);
        this.audit = new OrcidCallAudit(dataSource, meters);
    }

    /** Metrics go nowhere. */
    public static StandalonePush create(DataSource dataSource, Clock clock, PushSettings settings,
            WriteAccessSource access) {
        return create(dataSource, clock, settings, access, new CompositeMeterRegistry());
    }

    public static StandalonePush create(DataSource dataSource, Clock clock, PushSettings settings,
            WriteAccessSource access, MeterRegistry meters) {
        return new StandalonePush(dataSource, clock, settings, access, meters);
    }

    /** The claims, whose queue changes reschedule this engine's researchers. */
    public StandaloneClaims claims() {
        return claims;
    }

    /** ORCID's rate limit in the database: build each ORCID client with {@code limiter().forClient(key)}. */
    public SharedRateLimiter limiter() {
        return limiter;
    }

    /** The call audit: each ORCID client's listener. */
    public OrcidCallAudit audit() {
        return audit;
    }

    /** An engine writing with these clients (several engines on one database behave as several instances). */
    public PushEngine engine(RegisteredClients clients, RandomGenerator random) {
        return engine(clients, random, settings);
    }

    public PushEngine engine(RegisteredClients clients, RandomGenerator random, PushSettings engineSettings) {
        return new PushEngine(schedule, claims.queue(), claims.outcomes(), clock, engineSettings, clients, limiter,
                random, meters);
    }

    /** Background threads running {@code engine}, as the app runs them; start and close them. */
    public PushWorker worker(PushEngine engine) {
        return new PushWorker(engine, clock);
    }

    DataSource dataSource() {
        return dataSource;
    }
}
