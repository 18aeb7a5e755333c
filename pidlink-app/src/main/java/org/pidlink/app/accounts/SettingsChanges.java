package org.pidlink.app.accounts;

import java.util.Objects;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Saves a researcher's settings and publishes what changed inside the same transaction, so that the claims the
 * change holds or releases commit (or roll back) with it.
 */
@Component
class SettingsChanges {

    private final Researchers researchers;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;

    SettingsChanges(Researchers researchers, ApplicationEventPublisher events, TransactionTemplate tx) {
        this.researchers = researchers;
        this.events = events;
        this.tx = tx;
    }

    /** Returns the researcher as she was before. */
    Researcher save(Researcher researcher, ResearcherSettings settings) {
        return Objects.requireNonNull(tx.execute(status -> {
            Researcher before = researchers.updateSettings(researcher.id(), settings);
            if (before.autoUpdate() != settings.autoUpdate()) {
                events.publishEvent(new AutoUpdateChanged(researcher.orcid(), settings.autoUpdate()));
            }
            if (before.accessLevel() != settings.accessLevel()) {
                events.publishEvent(new AccessLevelChanged(researcher.orcid(), settings.accessLevel()));
            }
            return before;
        }));
    }
}
