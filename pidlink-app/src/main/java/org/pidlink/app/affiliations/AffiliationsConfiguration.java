package org.pidlink.app.affiliations;

import java.net.URI;
import java.time.Clock;

import javax.sql.DataSource;

import org.pidlink.app.accounts.WritePermissions;
import org.pidlink.app.orcid.CallClass;
import org.pidlink.app.orcid.OrcidRegistrations;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the affiliations feature. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AffiliationsProperties.class)
class AffiliationsConfiguration {

    @Bean
    AffiliationStore affiliationStore(DataSource dataSource) {
        return new AffiliationStore(dataSource);
    }

    @Bean
    AffiliationWriter affiliationWriter(DataSource dataSource, TransactionTemplate tx, AffiliationStore store,
                                        WritePermissions permissions, OrcidRegistrations registrations,
                                        AffiliationsProperties properties, Clock clock) {
        return new AffiliationWriter(dataSource, tx, store, permissions, registrations, properties.registrationId(),
                clock);
    }

    @Bean(destroyMethod = "close")
    AffiliationsWriterWorker affiliationsWriterWorker(AffiliationWriter writer, AffiliationsProperties properties) {
        return new AffiliationsWriterWorker(writer, properties.pollInterval());
    }

    @Bean
    AffiliationUploads affiliationUploads(AffiliationStore store, TransactionTemplate tx, Clock clock,
                                          AffiliationsProperties properties, AffiliationsWriterWorker worker) {
        return new AffiliationUploads(new AffiliationFileReader(properties.maxFileBytes(), properties.maxRows()),
                store, tx, clock, worker::wakeAfterCommit);
    }

    @Bean
    PermissionLinks permissionLinks(DataSource dataSource, Clock clock, AffiliationsProperties properties) {
        return new PermissionLinks(dataSource, clock, properties.linkValidity(), properties.baseUrl());
    }

    @Bean
    MailInvitations mailInvitations(ObjectProvider<JavaMailSender> senders, AffiliationsProperties properties) {
        return new MailInvitations(senders.getIfAvailable(), properties.mail(), properties.institution());
    }

    @Bean
    InboxInvitations inboxInvitations(OrcidRegistrations registrations, Clock clock,
                                      AffiliationsProperties properties) {
        String id = properties.registrationId();
        return new InboxInvitations(registrations.client(id).on(CallClass.HOUSEKEEPING.context(id)), clock,
                properties.inbox());
    }

    /** After her works, before the import of works from ORCID. */
    @Bean
    @Order(0)
    AffiliationsProfileSection affiliationsProfileSection(AffiliationStore store, AffiliationsProperties properties) {
        return new AffiliationsProfileSection(store, properties.institution());
    }

    @EventListener
    void serverStarted(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() == null) {
            event.getApplicationContext().getBean(PermissionLinks.class)
                    .serverStarted(URI.create("http://localhost:" + event.getWebServer().getPort()));
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void start(ApplicationReadyEvent event) {
        event.getApplicationContext().getBean(AffiliationsWriterWorker.class).start();
    }
}
