package org.pidlink.app.accounts;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.pidlink.app.orcid.OrcidRegistrations;
import org.pidlink.core.identifiers.OrcidId;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.event.EventListener;

/**
 * Records the accounts events as the push engine would receive them, and whether the researcher's token could
 * still be read when she disconnected (the engine needs it to remove works).
 */
@TestComponent
class RecordedEvents {

    private final List<Object> events = new CopyOnWriteArrayList<>();
    private final List<OrcidId> tokenReadableAtDisconnect = new CopyOnWriteArrayList<>();
    private final WritePermissions permissions;

    RecordedEvents(WritePermissions permissions) {
        this.permissions = permissions;
    }

    @EventListener
    void granted(WritePermissionGranted event) {
        events.add(event);
    }

    @EventListener
    void revoked(WritePermissionRevoked event) {
        events.add(event);
    }

    @EventListener
    void autoUpdate(AutoUpdateChanged event) {
        events.add(event);
    }

    @EventListener
    void disconnected(ResearcherDisconnected event) {
        events.add(event);
        if (permissions.find(event.orcid(), OrcidRegistrations.AUTO_UPDATE).isPresent()) {
            tokenReadableAtDisconnect.add(event.orcid());
        }
    }

    List<Object> of(OrcidId orcid) {
        return events.stream().filter(e -> switch (e) {
            case WritePermissionGranted g -> g.orcid().equals(orcid);
            case WritePermissionRevoked r -> r.orcid().equals(orcid);
            case AutoUpdateChanged a -> a.orcid().equals(orcid);
            case ResearcherDisconnected d -> d.orcid().equals(orcid);
            default -> false;
        }).toList();
    }

    boolean tokenWasReadableAtDisconnect(OrcidId orcid) {
        return tokenReadableAtDisconnect.contains(orcid);
    }
}
