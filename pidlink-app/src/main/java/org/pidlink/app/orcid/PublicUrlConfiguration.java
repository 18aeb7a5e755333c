package org.pidlink.app.orcid;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.boot.web.server.servlet.ConfigurableServletWebServerFactory;
import org.springframework.boot.web.server.servlet.Session;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * A demo reached over plain HTTP from other machines ({@code --public-url http://demo-host:8080}): browsers refuse a
 * {@code Secure} session cookie over plain HTTP except on localhost, so there the session cookie is sent without it,
 * and the log says so. Over HTTPS, and on localhost, nothing changes.
 */
@Configuration(proxyBeanMethods = false)
class PublicUrlConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PublicUrlConfiguration.class);

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    WebServerFactoryCustomizer<ConfigurableServletWebServerFactory> plainHttpSessionCookie(PublicUrl publicUrl,
                                                                                          ServerProperties server) {
        return factory -> {
            if (publicUrl.plainHttpBeyondLocalhost()) {
                Session session = server.getServlet().getSession();
                session.getCookie().setSecure(false);
                factory.setSession(session);
                log.warn("pidlink.public-url {} is plain HTTP: the session cookie is sent without 'Secure' so that "
                        + "browsers on other machines keep it. Use HTTPS (a TLS proxy) for anything but a demo.",
                        publicUrl.publicUrl());
            }
        };
    }
}
