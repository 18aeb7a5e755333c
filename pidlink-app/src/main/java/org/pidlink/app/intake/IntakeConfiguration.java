package org.pidlink.app.intake;

import java.time.Clock;
import java.util.List;

import javax.sql.DataSource;

import org.pidlink.app.admin.TypeMappings;
import org.pidlink.app.claims.Claims;
import org.pidlink.app.intake.api.ApiKeys;
import org.pidlink.app.intake.notify.PermissionNotifications;
import org.pidlink.core.identifiers.Doi;
import org.pidlink.core.metadata.DoiRecord;
import org.pidlink.core.metadata.MetadataReader;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import io.micrometer.core.instrument.MeterRegistry;

/** Wires intake: the REST/harvest/Kafka entry point, its store and its worker. */
@Configuration(proxyBeanMethods = false)
class IntakeConfiguration {

    /** Shared by this instance's intake and intake worker only. */
    @Bean
    QueuedWorks queuedWorks() {
        return new QueuedWorks();
    }

    @Bean(destroyMethod = "close")
    IntakeWorker intakeWorker(DataSource dataSource, Clock clock, Claims claims, IntakeProperties properties,
                              PermissionNotifications notifications, QueuedWorks queuedWorks) {
        return new IntakeWorker(dataSource, clock, claims, properties.registrationId(),
                properties.workers(), properties.pollInterval(), notifications::needed, IntakeWorker.BATCH,
                queuedWorks);
    }

    @Bean
    Intake intake(DataSource dataSource, Clock clock, IntakeProperties properties, IntakeWorker worker,
                  TypeMappings typeMappings, MeterRegistry meters, ObjectProvider<RecordsStored> recordsStored,
                  QueuedWorks queuedWorks) {
        return new Intake(MetadataReader.standard(),
                RecordEvaluator.standard(typeMappings::current, properties.includeContributors(),
                        properties.maxIdsPerRecord()),
                new IntakeStore(dataSource, clock, queuedWorks), worker::wake, new IntakeMetrics(meters),
                new RecordsStored() {
                    @Override
                    public void stored(List<DoiRecord> usable, List<Doi> gone) {
                        recordsStored.orderedStream().forEach(r -> r.stored(usable, gone));
                    }

                    @Override
                    public void storedWithWorks(List<Usable> usable, List<Doi> gone) {
                        recordsStored.orderedStream().forEach(r -> r.storedWithWorks(usable, gone));
                    }
                });
    }

    @Bean
    DoiOwners doiOwners(DataSource dataSource, Clock clock) {
        return new DoiOwners(dataSource, clock);
    }

    @Bean
    ApiKeys apiKeys(DataSource dataSource, Clock clock) {
        return new ApiKeys(dataSource, clock);
    }

    @Bean
    RegistrantKeys registrantKeys(ApiKeys apiKeys) {
        return new RegistrantKeys(apiKeys);
    }

    @EventListener(ApplicationReadyEvent.class)
    void startWorker(ApplicationReadyEvent event) {
        event.getApplicationContext().getBean(IntakeWorker.class).start();
    }
}
