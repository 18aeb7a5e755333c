package org.pidlink.app.testsupport;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.pidlink.app.accounts.AutoUpdateChanged;
import org.pidlink.app.accounts.ResearcherDisconnected;
import org.pidlink.app.accounts.WritePermissionGranted;
import org.pidlink.app.accounts.WritePermissionRevoked;
import org.pidlink.app.accounts.WritePermissions;
import org.pidlink.app.orcid.OrcidRegistrations;
import org.pidlink.core.identifiers.OrcidId;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.event.EventListener;

/**
 * Records the accounts events as claims and the push engine receive them, and whether the researcher's token could
 * still be read when she disconnected (the engine needs it to remove works).
 */
@TestComponent
public class RecordedEvents {

    private final List<Object> events = new CopyOnWriteArrayList<>();
    private final List<OrcidId> tokenReadableAtDisconnect = new CopyOnWriteArrayList<>();
    private final WritePermissions permissions;

    public RecordedEvents(WritePermissions permissions) {
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

    public List<Object> of(OrcidId orcid) {
        return events.stream().filter(e -> switch (e) {
            case WritePermissionGranted g -> g.orcid().equals(orcid);
            case WritePermissionRevoked r -> r.orcid().equals(orcid);
            case AutoUpdateChanged a -> a.orcid().equals(orcid);
            case ResearcherDisconnected d -> d.orcid().equals(orcid);
            default -> false;
        }).toList();
    }

    public boolean tokenWasReadableAtDisconnect(OrcidId orcid) {
        return tokenReadableAtDisconnect.contains(orcid);
    }
}
