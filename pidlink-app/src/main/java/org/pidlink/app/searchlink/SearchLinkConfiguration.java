package org.pidlink.app.searchlink;

import java.time.Clock;

import javax.sql.DataSource;

import org.pidlink.app.admin.TypeMappings;
import org.pidlink.app.claims.Claims;
import org.pidlink.app.orcid.OrcidRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires Search &amp; Link: its DOI index (fed by intake) and the search/claim actions. */
@Configuration(proxyBeanMethods = false)
class SearchLinkConfiguration {

    @Bean
    DoiIndex searchLinkDoiIndex(DataSource dataSource, Clock clock, TypeMappings typeMappings) {
        return new DoiIndex(dataSource, clock, typeMappings);
    }

    @Bean
    SearchLink searchLink(DoiIndex index, Claims claims, OrcidRegistrations registrations) {
        return new SearchLink(index, claims, registrations);
    }
}
