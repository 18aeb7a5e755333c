package org.pidlink.app.intake.notify;

import java.net.URI;
import java.time.Clock;

import javax.sql.DataSource;

import org.pidlink.app.accounts.Researchers;
import org.pidlink.app.claims.Claims;
import org.pidlink.app.intake.IntakeProperties;
import org.pidlink.app.orcid.CallClass;
import org.pidlink.app.orcid.OrcidRegistrations;
import org.pidlink.app.orcid.PublicUrl;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/** Wires the permission requests sent through the ORCID inbox. */
@Configuration(proxyBeanMethods = false)
class NotificationsConfiguration {

    @Bean(destroyMethod = "close")
    PermissionNotifications permissionNotifications(DataSource dataSource, Clock clock, Claims claims,
                                                    Researchers researchers, OrcidRegistrations registrations,
                                                    IntakeProperties properties) {
        String registrationId = properties.registrationId();
        PermissionRequestSender client = new PermissionRequestSender(
                registrations.client(registrationId).on(CallClass.HOUSEKEEPING.context(registrationId)), clock);
        return new PermissionNotifications(dataSource, clock, claims, researchers::known,
                client, properties.notifications(), properties.pollInterval().multipliedBy(5),
                base -> registrations.permissionAuthorizeUri(OrcidRegistrations.AUTO_UPDATE, base));
    }

    @EventListener
    void serverStarted(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() == null) {
            URI local = URI.create("http://localhost:" + event.getWebServer().getPort());
            event.getApplicationContext().getBean(PermissionNotifications.class).serverStarted(event
                    .getApplicationContext().getBean(PublicUrl.class).get().orElse(local));
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void start(ApplicationReadyEvent event) {
        event.getApplicationContext().getBean(PermissionNotifications.class).start();
    }
}
