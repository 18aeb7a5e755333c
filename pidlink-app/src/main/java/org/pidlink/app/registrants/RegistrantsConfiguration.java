package org.pidlink.app.registrants;

import java.time.Clock;

import org.pidlink.app.accounts.Researchers;
import org.pidlink.app.accounts.SecretSealer;
import org.pidlink.app.background.BackgroundWorker;
import org.pidlink.app.claims.Claims;
import org.pidlink.app.orcid.OrcidRegistrations;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the registrants feature: its stores, the scanner and the delivery worker (each on a background thread). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RegistrantsProperties.class)
class RegistrantsConfiguration {

    @Bean
    RegistrantStore registrantStore(JdbcClient jdbc, TransactionTemplate tx, SecretSealer sealer, Clock clock) {
        return new RegistrantStore(jdbc, tx, sealer, clock);
    }

    @Bean
    Outbox registrantOutbox(JdbcClient jdbc, Clock clock, RegistrantsProperties properties) {
        return new Outbox(jdbc, clock, properties.kafka().enabled());
    }

    @Bean
    Suggestions suggestions(JdbcClient jdbc, TransactionTemplate tx, Outbox outbox, Clock clock) {
        return new Suggestions(jdbc, tx, outbox, clock);
    }

    @Bean
    OrcidTrust orcidTrust(OrcidRegistrations registrations, Clock clock) {
        return new OrcidTrust(registrations, clock);
    }

    /** The scanner's thread; its turn is set once the scanner exists (the metadata listener wakes it). */
    @Bean(destroyMethod = "close")
    ScannerThread suggestionScannerThread(RegistrantsProperties properties) {
        return new ScannerThread(properties);
    }

    @Bean
    RegistrantMetadata registrantMetadata(JdbcClient jdbc, Suggestions suggestions, Clock clock, ScannerThread thread) {
        return new RegistrantMetadata(jdbc, suggestions, clock, thread.worker());
    }

    @Bean
    SuggestionScanner suggestionScanner(RegistrantStore registrants, Claims claims, RegistrantMetadata metadata,
                                        Suggestions suggestions, Researchers researchers, OrcidTrust orcid,
                                        RegistrantsProperties properties, ScannerThread thread) {
        SuggestionScanner scanner = new SuggestionScanner(registrants, claims, metadata, suggestions, researchers, orcid,
                properties);
        thread.runs(scanner);
        return scanner;
    }

    @Bean
    DeliveryWorker deliveryWorker(Outbox outbox, RegistrantStore registrants, TransactionTemplate tx, Clock clock,
                                  RegistrantsProperties properties, ObjectProvider<DeliveryWorker.KafkaSender> kafka) {
        return new DeliveryWorker(outbox, registrants, tx, clock, properties.delivery(), kafka.getIfAvailable());
    }

    @Bean(destroyMethod = "close")
    BackgroundWorker registrantDeliveries(DeliveryWorker worker, Outbox outbox, RegistrantsProperties properties) {
        BackgroundWorker thread = new BackgroundWorker("registrant-deliveries", 1, properties.delivery().pollInterval(),
                (slot, slots) -> worker.turn());
        outbox.wakes(thread);
        return thread;
    }

    /** After the researcher's own sections. */
    @Bean
    @Order(10)
    RegistrantsProfileSection registrantsProfileSection(Suggestions suggestions) {
        return new RegistrantsProfileSection(suggestions);
    }

    @EventListener(ApplicationReadyEvent.class)
    void start(ApplicationReadyEvent event) {
        event.getApplicationContext().getBean(ScannerThread.class).worker().start();
        event.getApplicationContext().getBean("registrantDeliveries", BackgroundWorker.class).start();
    }

    /** The scanner's background thread, made before the scanner so that the metadata listener can wake it. */
    static final class ScannerThread implements AutoCloseable {
        private final BackgroundWorker worker;
        private volatile @org.jspecify.annotations.Nullable SuggestionScanner scanner;

        ScannerThread(RegistrantsProperties properties) {
            this.worker = new BackgroundWorker("registrant-suggestions", 1, properties.scanInterval(),
                    (slot, slots) -> scanner != null && scanner.turn());
        }

        void runs(SuggestionScanner scanner) {
            this.scanner = scanner;
        }

        BackgroundWorker worker() {
            return worker;
        }

        @Override
        public void close() {
            worker.close();
        }
    }
}
