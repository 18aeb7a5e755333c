package org.pidlink.app.claims;

import java.time.Clock;

import javax.sql.DataSource;

import org.pidlink.app.accounts.WritePermissions;
import org.pidlink.app.orcid.OrcidRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Claims in the app: write access from the accounts feature's permissions, the queue listener the push engine
 * provides (its researcher schedule), claims of registrations that share an ORCID client kept together.
 */
@Configuration(proxyBeanMethods = false)
class ClaimsConfiguration {

    @Bean
    WriteAccessSource writeAccessSource(WritePermissions permissions, Clock clock) {
        return new AccountsWriteAccess(permissions, clock);
    }

    @Bean
    StandaloneClaims claimsFeature(DataSource dataSource, Clock clock, WriteAccessSource access,
            ClaimQueueListener queueListener, OrcidRegistrations registrations, RecordCapProperties recordCap) {
        return StandaloneClaims.create(dataSource, clock, access, queueListener, registrations::canonical,
                recordCap.writeOrder());
    }

    @Bean
    Claims claims(StandaloneClaims feature) {
        return feature.claims();
    }

    @Bean
    ClaimQueue claimQueue(StandaloneClaims feature) {
        return feature.queue();
    }

    @Bean
    ClaimOutcomes claimOutcomes(StandaloneClaims feature) {
        return feature.outcomes();
    }

    @Bean
    ResearcherFilters researcherFilters(StandaloneClaims feature) {
        return feature.filters();
    }

    @Bean
    ClaimsOverview claimsOverview(StandaloneClaims feature) {
        return feature.overview();
    }

    @Bean
    Links links(DataSource dataSource, Clock clock) {
        return new Links(dataSource, clock);
    }

    @Bean
    ClaimEventListeners claimEventListeners(StandaloneClaims feature) {
        return new ClaimEventListeners(feature.claims());
    }
}
