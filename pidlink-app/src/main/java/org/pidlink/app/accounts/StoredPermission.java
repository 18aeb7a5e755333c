package org.pidlink.app.accounts;

import java.time.Instant;

import org.pidlink.core.identifiers.OrcidId;

/**
 * A row of the token vault as shown to people: who holds which permission, never the tokens.
 *
 * @param registrationId the canonical registration ({@code auto-update}, or {@code search-link} when it has its own client)
 * @param refreshedAt    when pidlink last refreshed the tokens, or null
 */
public record StoredPermission(OrcidId orcid, String registrationId, long researcherId, String clientId, String name,
                               String scope, Instant expiresAt, PermissionStatus status, String statusReason,
                               Instant grantedAt, Instant updatedAt, Instant refreshedAt) {
}
