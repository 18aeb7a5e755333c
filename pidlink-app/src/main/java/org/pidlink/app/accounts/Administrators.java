package org.pidlink.app.accounts;

import java.util.Set;
import java.util.stream.Collectors;

import org.pidlink.app.orcid.DemoResearchers;
import org.pidlink.app.orcid.OrcidPreset;
import org.pidlink.app.orcid.OrcidRegistrations;
import org.pidlink.core.identifiers.OrcidId;
import org.springframework.stereotype.Component;

/** Who is an administrator by configuration. */
@Component
public class Administrators {

    private final Set<OrcidId> configured;

    public Administrators(AdminProperties properties, OrcidRegistrations registrations) {
        Set<OrcidId> ids = properties.orcids().stream().filter(s -> !s.isBlank()).map(OrcidId::parse)
                .collect(Collectors.toUnmodifiableSet());
        if (ids.isEmpty() && registrations.preset() == OrcidPreset.EMULATOR) {
            ids = Set.of(DemoResearchers.JOSIAH.orcid());
        }
        this.configured = ids;
    }

    public boolean isConfigured(OrcidId orcid) {
        return configured.contains(orcid);
    }
}
