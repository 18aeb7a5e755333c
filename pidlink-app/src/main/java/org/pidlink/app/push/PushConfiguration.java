package org.pidlink.app.push;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.pidlink.app.accounts.WritePermissions;
import org.pidlink.app.claims.ClaimQueueListener;
import org.pidlink.app.claims.Claims;
import org.pidlink.app.claims.WriteAccessSource;
import org.pidlink.app.orcid.OrcidConnection;
import org.pidlink.app.orcid.OrcidRegistrations;
import org.pidlink.core.identifiers.OrcidId;
import org.pidlink.orcid.client.OrcidRateLimiter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Wires claims and the push engine into the app: write access from the accounts feature, ORCID clients from the
 * {@code orcid} feature (which picks up this configuration's rate limiter and audit listener), the worker threads.
 */
@Configuration(proxyBeanMethods = false)
class PushConfiguration {

    private final Clock clock = Clock.systemUTC();

    @Bean
    PushSettings pushSettings(PushProperties properties) {
        return properties.settings("pidlink-" + UUID.randomUUID());
    }

    @Bean
    SharedRateLimiter sharedRateLimiter(DataSource dataSource, PushSettings settings) {
        return SharedRateLimiter.of(dataSource, clock, settings);
    }

    /**
     * Every member-API request of every registration counts against one shared bucket per ORCID API host:
     * ORCID enforces its limit at the edge, by caller.
     */
    @Bean
    OrcidRateLimiter orcidRateLimiter(SharedRateLimiter limiter, OrcidConnection connection) {
        return limiter.forClient(rateLimitKey(connection));
    }

    @Bean
    OrcidCallAudit orcidCallAudit(DataSource dataSource, MeterRegistry meters) {
        return new OrcidCallAudit(dataSource, meters);
    }

    @Bean
    WriteAccessSource writeAccessSource(WritePermissions permissions) {
        return new AccountsWriteAccess(permissions, clock);
    }

    @Bean
    Claims claims(DataSource dataSource, WriteAccessSource access, ObjectProvider<PushWorker> worker,
            OrcidRegistrations registrations) {
        ClaimQueueListener schedule = PushEngine.queueListener(dataSource, clock);
        return new Claims(dataSource, clock, access, new ClaimQueueListener() {
            @Override
            public void queueChanged(OrcidId orcid) {
                schedule.queueChanged(orcid);
                worker.ifAvailable(PushWorker::wake);
            }

            @Override
            public void syncRequested(OrcidId orcid) {
                schedule.syncRequested(orcid);
                worker.ifAvailable(PushWorker::wake);
            }
        }, registrations::canonical);
    }

    @Bean
    RegisteredClients registeredClients(OrcidRegistrations registrations, OrcidConnection connection) {
        String key = rateLimitKey(connection);
        return registrationId -> registrations.isKnown(registrationId)
                ? Optional.of(new RegisteredClient(registrationId, registrations.clientId(registrationId), key,
                        registrations.client(registrationId).works()))
                : Optional.empty();
    }

    @Bean
    PushEngine pushEngine(DataSource dataSource, PushSettings settings, RegisteredClients clients,
            WriteAccessSource access, SharedRateLimiter limiter, OrcidCallAudit audit, Claims claims,
            MeterRegistry meters) {
        return new PushEngine(dataSource, clock, settings, clients, access, limiter, audit, claims,
                new SecureRandom(), meters);
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    @ConditionalOnProperty(name = "pidlink.push.enabled", matchIfMissing = true)
    PushWorker pushWorker(PushEngine engine) {
        return new PushWorker(engine);
    }

    private static String rateLimitKey(OrcidConnection connection) {
        return "orcid-api " + connection.apiBase();
    }
}
