package org.pidlink.app.push;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.pidlink.app.claims.ClaimOutcomes;
import org.pidlink.app.claims.ClaimQueue;
import org.pidlink.app.claims.ClaimQueueListener;
import org.pidlink.app.orcid.OrcidClientCustomizer;
import org.pidlink.app.orcid.OrcidConnection;
import org.pidlink.app.orcid.OrcidRegistrations;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The push engine in the app: its schedule (which claims tell about their queue), ORCID's shared rate limit and the
 * call audit (handed to the {@code orcid} feature's clients as a customizer), the engine and its worker threads.
 */
@Configuration(proxyBeanMethods = false)
class PushConfiguration {

    @Bean
    PushSettings pushSettings(PushProperties properties) {
        return properties.settings("pidlink-" + UUID.randomUUID());
    }

    @Bean
    SharedRateLimiter sharedRateLimiter(DataSource dataSource, Clock clock, PushSettings settings,
            MeterRegistry meters) {
        return SharedRateLimiter.of(dataSource, clock, settings, meters);
    }

    @Bean
    OrcidCallAudit orcidCallAudit(DataSource dataSource, MeterRegistry meters) {
        return new OrcidCallAudit(dataSource, meters);
    }

    /**
     * Every ORCID call of every registration and feature counts against one shared bucket per ORCID API host (ORCID
     * enforces its limit at the edge, by caller) and is audited.
     */
    @Bean
    OrcidClientCustomizer rateLimitAndAudit(SharedRateLimiter limiter, OrcidCallAudit audit,
            OrcidConnection connection) {
        return builder -> builder.rateLimiter(limiter.forClient(rateLimitKey(connection))).listener(audit);
    }

    /** The audit's read side: what the reports draw. */
    @Bean
    OrcidCallStatistics orcidCallStatistics(DataSource dataSource, Clock clock) {
        return new OrcidCallStatistics(dataSource, clock);
    }

    /** When pidlink last wrote to a record: the reconciliation does not read back its own writes. */
    @Bean
    OwnWrites ownWrites(DataSource dataSource, Clock clock) {
        return new OwnWrites(dataSource, clock);
    }

    /** The audit's CSV export. */
    @Bean
    OrcidCallsCsv orcidCallsCsv(DataSource dataSource) {
        return new OrcidCallsCsv(dataSource);
    }

    @Bean
    PushSchedule pushSchedule(DataSource dataSource, Clock clock) {
        return new PushSchedule(dataSource, clock);
    }

    /**
     * Claims' queue changes reschedule the researcher and, once committed, wake idle workers. The worker is looked up
     * lazily: it is built from the claims this listener is given to.
     */
    @Bean
    ClaimQueueListener claimQueueListener(PushSchedule schedule, ObjectProvider<PushWorker> worker) {
        return schedule.listener(() -> worker.ifAvailable(PushWorker::wakeAfterCommit));
    }

    @Bean
    RegisteredClients registeredClients(OrcidRegistrations registrations, OrcidConnection connection) {
        String key = rateLimitKey(connection);
        return registrationId -> registrations.isKnown(registrationId)
                ? Optional.of(new RegisteredClient(registrationId, registrations.clientId(registrationId), key,
                        registrations.client(registrationId)))
                : Optional.empty();
    }

    @Bean
    PushEngine pushEngine(PushSchedule schedule, ClaimQueue claims, ClaimOutcomes outcomes, Clock clock,
            PushSettings settings, RegisteredClients clients, SharedRateLimiter limiter, MeterRegistry meters) {
        return new PushEngine(schedule, claims, outcomes, clock, settings, clients, limiter, new SecureRandom(),
                meters);
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    @ConditionalOnProperty(name = "pidlink.push.enabled", matchIfMissing = true)
    PushWorker pushWorker(PushEngine engine, Clock clock) {
        return new PushWorker(engine, clock);
    }

    private static String rateLimitKey(OrcidConnection connection) {
        return "orcid-api " + connection.apiBase();
    }
}
