package org.pidlink.app.orcid;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.pidlink.app.database.EmbeddedPostgresProperties;
import org.pidlink.app.orcid.OrcidProperties.Credentials;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * Resolves the ORCID pidlink talks to: the embedded emulator (preset {@code emulator} with no
 * {@code pidlink.orcid.oauth-base}), or the configured hosts and clients.
 */
@Configuration(proxyBeanMethods = false)
class OrcidConfiguration {

    static final String EMBEDDED = "'${pidlink.orcid.preset:emulator}'.equalsIgnoreCase('emulator')"
            + " and '${pidlink.orcid.oauth-base:}'.isEmpty()";

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression(EMBEDDED)
    EmbeddedOrcid embeddedOrcid(OrcidProperties properties, EmbeddedPostgresProperties data, PublicUrl publicUrl) {
        // Reached from other machines at the public URL's host: then it listens on every interface.
        String bind = publicUrl.get().isPresent() ? "0.0.0.0" : properties.emulator().host();
        String advertised = publicUrl.get().map(URI::getHost).orElse(properties.emulator().host());
        return EmbeddedOrcid.start(bind, advertised, properties.emulator().port(), data.dataDir(),
                properties.emulator().durable());
    }

    @Bean
    OrcidConnection orcidConnection(OrcidProperties properties, ObjectProvider<EmbeddedOrcid> embedded) {
        EmbeddedOrcid emulator = embedded.getIfAvailable();
        return emulator != null ? emulator.connection() : configured(properties);
    }

    @Bean(destroyMethod = "close")
    OrcidRegistrations orcidRegistrations(OrcidConnection connection, List<OrcidClientCustomizer> customizers) {
        return new OrcidRegistrations(connection, builder -> customizers.forEach(c -> c.customize(builder)));
    }

    @Bean
    OrcidClientRegistrationRepository orcidClientRegistrationRepository(OrcidRegistrations registrations,
                                                                        PublicUrl publicUrl) {
        return new OrcidClientRegistrationRepository(registrations, publicUrl);
    }

    @EventListener
    void webServerStarted(WebServerInitializedEvent event) {
        EmbeddedOrcid emulator = event.getApplicationContext().getBeanProvider(EmbeddedOrcid.class).getIfAvailable();
        if (emulator != null && event.getApplicationContext().getServerNamespace() == null) {
            int port = event.getWebServer().getPort();
            emulator.allowRedirectsTo("http://localhost:" + port);
            emulator.allowRedirectsTo("http://127.0.0.1:" + port);
            event.getApplicationContext().getBean(PublicUrl.class).get()
                    .ifPresent(url -> emulator.allowRedirectsTo(url.toString()));
            emulator.logDemoCredentials();
        }
    }

    static OrcidConnection configured(OrcidProperties properties) {
        OrcidPreset preset = properties.preset();
        URI oauthBase = properties.oauthBase() != null ? properties.oauthBase() : preset.oauthBase();
        if (oauthBase == null) {
            throw new IllegalStateException("pidlink.orcid.oauth-base is required with preset " + preset);
        }
        URI apiBase = properties.apiBase() != null ? properties.apiBase()
                : preset.apiBase() != null ? preset.apiBase() : oauthBase;
        Map<String, Credentials> clients = properties.clients();
        Credentials autoUpdate = complete(clients.get(OrcidRegistrations.AUTO_UPDATE));
        Credentials searchLink = complete(clients.get(OrcidRegistrations.SEARCH_LINK));
        if (autoUpdate == null && searchLink == null) {
            throw new IllegalStateException("ORCID " + preset.name().toLowerCase(java.util.Locale.ROOT)
                    + " needs pidlink's ORCID member client: set pidlink.orcid.clients.auto-update.client-id and "
                    + ".client-secret (and pidlink.orcid.clients.search-link.* for a second client that writes "
                    + "researchers' own claims)");
        }
        return new OrcidConnection(preset, oauthBase, apiBase, autoUpdate != null ? autoUpdate : searchLink,
                searchLink);
    }

    private static Credentials complete(Credentials credentials) {
        return credentials != null && credentials.isComplete() ? credentials : null;
    }
}
