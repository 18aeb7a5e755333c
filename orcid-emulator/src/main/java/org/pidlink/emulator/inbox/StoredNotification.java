package org.pidlink.emulator.inbox;

import java.time.Instant;

/**
 * A notification in a researcher's inbox with what ORCID adds: put-code, source client and the dates of its life
 * (sent when posted; read when the researcher opens it; actioned when they follow its link; archived).
 */
public record StoredNotification(long putCode, String orcid, String sourceClientId, String sourceName,
                                 PermissionNotification content, Instant createdDate, Instant sentDate,
                                 Instant readDate, Instant actionedDate, Instant archivedDate) {

    StoredNotification read(Instant at) {
        return readDate != null ? this : new StoredNotification(putCode, orcid, sourceClientId, sourceName, content,
                createdDate, sentDate, at, actionedDate, archivedDate);
    }

    StoredNotification actioned(Instant at) {
        StoredNotification r = read(at);
        return r.actionedDate != null ? r : new StoredNotification(putCode, orcid, sourceClientId, sourceName,
                content, createdDate, sentDate, r.readDate, at, archivedDate);
    }

    StoredNotification archived(Instant at) {
        return archivedDate != null ? this : new StoredNotification(putCode, orcid, sourceClientId, sourceName,
                content, createdDate, sentDate, readDate, actionedDate, at);
    }
}
