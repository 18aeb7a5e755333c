package org.pidlink.app.accounts;

import java.time.Instant;
import java.util.Objects;

import org.pidlink.core.identifiers.OrcidId;

/**
 * A researcher's permission for one of pidlink's ORCID client registrations, with the access token decrypted
 * for the caller's use. {@link #toString()} never prints the token: it must not reach logs.
 *
 * @param orcid          the researcher's iD
 * @param registrationId {@code auto-update} or {@code search-link}, as asked (even when both share one client)
 * @param accessToken    the bearer token, decrypted in memory only
 * @param expiresAt      when ORCID stops accepting it, or null when ORCID did not say
 * @param status         {@link PermissionStatus#REVOKED} once ORCID rejected it
 * @param autoUpdate     whether the researcher lets pidlink add works it finds without asking
 * @param accessLevel    what the researcher lets pidlink do with her iD
 */
public record WritePermission(OrcidId orcid, String registrationId, String accessToken, Instant expiresAt,
                              PermissionStatus status, boolean autoUpdate, AccessLevel accessLevel) {

    public WritePermission {
        Objects.requireNonNull(orcid, "orcid");
        Objects.requireNonNull(registrationId, "registrationId");
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(accessLevel, "accessLevel");
    }

    /** Whether pidlink may write works to the record now: active, not expired, and the researcher allows writing. */
    public boolean mayWrite(Instant now) {
        return status == PermissionStatus.ACTIVE && accessLevel.mayWrite() && (expiresAt == null || expiresAt.isAfter(now));
    }

    @Override
    public String toString() {
        return "WritePermission[orcid=" + orcid + ", registrationId=" + registrationId + ", accessToken=[redacted]"
                + ", expiresAt=" + expiresAt + ", status=" + status + ", autoUpdate=" + autoUpdate
                + ", accessLevel=" + accessLevel + "]";
    }
}
