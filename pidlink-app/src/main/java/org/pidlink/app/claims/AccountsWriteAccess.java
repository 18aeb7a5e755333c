package org.pidlink.app.claims;

import java.time.Clock;
import java.util.Collection;
import java.util.Set;

import org.pidlink.app.accounts.PermissionStatus;
import org.pidlink.app.accounts.WritePermission;
import org.pidlink.app.accounts.WritePermissions;
import org.pidlink.core.identifiers.OrcidId;

/**
 * Write access as the accounts feature knows it: the researcher's stored ORCID permission. The reasons are shown
 * to her beside her works, so they speak to her.
 */
final class AccountsWriteAccess implements WriteAccessSource {

    private final WritePermissions permissions;
    private final Clock clock;

    AccountsWriteAccess(WritePermissions permissions, Clock clock) {
        this.permissions = permissions;
        this.clock = clock;
    }

    @Override
    public WriteAccess find(OrcidId orcid, String registrationId) {
        return permissions.find(orcid, registrationId).map(this::access)
                .orElseGet(() -> new WriteAccess.Missing("you have not granted pidlink permission on ORCID"));
    }

    /** Researchers without a stored permission are never granted: one query finds those with one. */
    @Override
    public Set<OrcidId> mayHaveAccess(Collection<OrcidId> orcids, String registrationId) {
        return permissions.holders(orcids, registrationId);
    }

    private WriteAccess access(WritePermission permission) {
        if (permission.status() == PermissionStatus.REVOKED) {
            return new WriteAccess.Revoked("you revoked pidlink's permission on ORCID");
        }
        if (!permission.accessLevel().mayWrite()) {
            return new WriteAccess.Missing("you chose \"" + permission.accessLevel().label()
                    + "\" in your settings: pidlink does not change your record");
        }
        if (permission.expiresAt() != null && permission.expiresAt().isBefore(clock.instant())) {
            return new WriteAccess.Missing("your ORCID permission expired; grant it again in your settings");
        }
        return new WriteAccess.Granted(permission.accessToken(), permission.autoUpdate());
    }

    @Override
    public void markRevoked(OrcidId orcid, String registrationId, String reason) {
        permissions.markRevoked(orcid, registrationId, reason);
    }
}
