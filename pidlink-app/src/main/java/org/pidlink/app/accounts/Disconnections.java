package org.pidlink.app.accounts;

import java.util.ArrayList;
import java.util.List;

import org.pidlink.app.orcid.OrcidRegistrations;
import org.pidlink.orcid.client.OrcidError;
import org.pidlink.orcid.client.OrcidResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * A researcher disconnects pidlink: it stops acting for her, tells the engine (which removes the works pidlink
 * added if she asks), revokes its tokens at ORCID and erases them.
 */
@Service
class Disconnections {

    private static final Logger log = LoggerFactory.getLogger(Disconnections.class);

    private final TokenVault vault;
    private final Researchers researchers;
    private final OrcidRegistrations registrations;
    private final ApplicationEventPublisher events;

    public Disconnections(TokenVault vault, Researchers researchers, OrcidRegistrations registrations,
                          ApplicationEventPublisher events) {
        this.vault = vault;
        this.researchers = researchers;
        this.registrations = registrations;
        this.events = events;
    }

    /** What happened; {@code unrevoked} lists the registrations ORCID could not be reached to revoke. */
    public record Outcome(int erased, List<String> unrevoked) {
    }

    public Outcome disconnect(Researcher researcher, boolean removeWorks) {
        researchers.setAutoUpdate(researcher.id(), false);
        // Before revoking: removing works needs the tokens.
        events.publishEvent(new ResearcherDisconnected(researcher.orcid(), removeWorks));
        List<String> unrevoked = new ArrayList<>();
        int erased = 0;
        for (StoredPermission permission : vault.ofResearcher(researcher.id())) {
            String registrationId = permission.registrationId();
            vault.open(permission.orcid(), registrationId).ifPresent(tokens -> {
                OrcidResult<Void> revoked = registrations.client(registrationId).oauth().revoke(tokens.accessToken());
                if (revoked instanceof OrcidResult.Failed<Void> failed && !(failed.error() instanceof OrcidError.TokenRejected)) {
                    log.warn("Could not revoke the ORCID token {} of {} at ORCID: {}", registrationId,
                            permission.orcid(), failed.error().problem().summary());
                    unrevoked.add(registrationId);
                }
            });
            // Erased even when ORCID could not be reached: with no copy left, the token is of use to nobody.
            vault.delete(permission.orcid(), registrationId);
            erased++;
        }
        log.info("{} disconnected pidlink (remove works: {}; permissions erased: {})", researcher.orcid(),
                removeWorks, erased);
        return new Outcome(erased, List.copyOf(unrevoked));
    }
}
