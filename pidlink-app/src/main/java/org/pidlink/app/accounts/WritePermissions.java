package org.pidlink.app.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.pidlink.app.orcid.OrcidRegistrations;
import org.pidlink.core.identifiers.OrcidId;
import org.pidlink.orcid.client.OrcidError;
import org.pidlink.orcid.client.OrcidResult;
import org.pidlink.orcid.client.TokenResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Researchers' permissions to update their ORCID records: what the push engine asks before writing, and what it
 * reports when ORCID rejects a token.
 */
@Service
public class WritePermissions {

    private static final Logger log = LoggerFactory.getLogger(WritePermissions.class);
    /** Refresh a little before expiry, so that a write never starts with a token about to lapse. */
    private static final Duration REFRESH_AHEAD = Duration.ofHours(1);

    private final TokenVault vault;
    private final Researchers researchers;
    private final OrcidRegistrations registrations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public WritePermissions(TokenVault vault, Researchers researchers, OrcidRegistrations registrations,
                            ApplicationEventPublisher events, Clock clock) {
        this.clock = clock;
        this.vault = vault;
        this.researchers = researchers;
        this.registrations = registrations;
        this.events = events;
    }

    /**
     * The researcher's permission for a registration, with its access token decrypted, refreshed first when it is
     * about to expire; empty when she never granted it (or disconnected). A revoked permission is returned too,
     * with {@link PermissionStatus#REVOKED}: the caller pauses rather than writes.
     */
    public Optional<WritePermission> find(OrcidId orcid, String registrationId) {
        String canonical = registrations.canonical(registrationId);
        Optional<StoredPermission> stored = vault.find(orcid, canonical);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        StoredPermission permission = stored.get();
        Optional<GrantedTokens> tokens = vault.open(orcid, canonical);
        Optional<Researcher> holder = researchers.find(permission.researcherId());
        if (tokens.isEmpty() || holder.isEmpty()) {
            return Optional.empty();
        }
        GrantedTokens current = tokens.get();
        if (permission.status() == PermissionStatus.ACTIVE && expiresSoon(current) && notJustRefreshed(permission)) {
            current = refresh(orcid, canonical, current).orElse(current);
        }
        PermissionStatus status = vault.find(orcid, canonical).map(StoredPermission::status).orElse(PermissionStatus.REVOKED);
        Researcher r = holder.get();
        return Optional.of(new WritePermission(orcid, registrationId, current.accessToken(), current.expiresAt(),
                status, r.autoUpdate(), r.accessLevel()));
    }

    /**
     * Which of these researchers hold a permission for the registration, stored (any status): {@link #find} is
     * empty for all others. One query, however many iDs.
     */
    public Set<OrcidId> holders(Collection<OrcidId> orcids, String registrationId) {
        return vault.holding(orcids, registrations.canonical(registrationId));
    }

    /**
     * Records that ORCID rejected the researcher's token (a 401): her pending writes pause until she reconnects,
     * and she sees a banner saying so. Publishes {@link WritePermissionRevoked} for every registration the
     * permission serves. Idempotent.
     */
    @Transactional
    public void markRevoked(OrcidId orcid, String registrationId, String reason) {
        String canonical = registrations.canonical(registrationId);
        if (vault.markRevoked(orcid, canonical, reason)) {
            log.info("ORCID permission {} of {} is revoked: {}", canonical, orcid, reason);
            servedBy(canonical).forEach(id -> events.publishEvent(new WritePermissionRevoked(orcid, id)));
        }
    }

    /**
     * Stores tokens a researcher just granted and tells the engine ({@link WritePermissionGranted}). Granting the
     * auto-update registration is opting in to auto-update (as with ORCID's inbox flow, where granting is the
     * opt-in): it turns auto-update on ({@link AutoUpdateChanged}); she can turn it off in her settings.
     *
     * @return whether the grant turned auto-update on
     */
    @Transactional
    boolean granted(Researcher researcher, String registrationId, GrantedTokens tokens) {
        String canonical = registrations.canonical(registrationId);
        vault.store(researcher.id(), researcher.orcid(), canonical, registrations.clientId(canonical),
                researcher.name(), tokens);
        log.info("{} granted the ORCID permission {} ({})", researcher.orcid(), canonical, tokens.scope());
        boolean autoUpdateTurnedOn = OrcidRegistrations.AUTO_UPDATE.equals(registrationId)
                && researchers.find(researcher.id()).map(r -> !r.autoUpdate()).orElse(false);
        if (autoUpdateTurnedOn) {
            // Before the grant's events, so that one pass over her claims releases what auto-update found too.
            researchers.setAutoUpdate(researcher.id(), true);
            events.publishEvent(new AutoUpdateChanged(researcher.orcid(), true));
        }
        servedBy(canonical).forEach(id -> events.publishEvent(new WritePermissionGranted(researcher.orcid(), id)));
        return autoUpdateTurnedOn;
    }

    /** Every permission pidlink holds (never the tokens), e.g. to register a webhook for each researcher. */
    public List<StoredPermission> all() {
        return vault.all();
    }

    /** The permissions a researcher holds, as she may see them. */
    public List<StoredPermission> of(Researcher researcher) {
        return vault.ofResearcher(researcher.id());
    }

    /** Whether another account holds an active permission for this iD and registration. */
    public Optional<StoredPermission> heldByAnother(Researcher researcher, String registrationId) {
        return vault.find(researcher.orcid(), registrations.canonical(registrationId))
                .filter(p -> p.researcherId() != researcher.id() && p.status() == PermissionStatus.ACTIVE);
    }

    private boolean expiresSoon(GrantedTokens tokens) {
        return tokens.expiresAt() != null && tokens.refreshToken() != null
                && tokens.expiresAt().isBefore(clock.instant().plus(REFRESH_AHEAD));
    }

    /**
     * ORCID gives a refreshed token its parent's expiry, so a refresh need not buy time: at most one attempt per
     * window, rather than one per write.
     */
    private boolean notJustRefreshed(StoredPermission permission) {
        return permission.refreshedAt() == null || permission.refreshedAt().isBefore(clock.instant().minus(REFRESH_AHEAD));
    }

    /** Refreshes the tokens at ORCID; empty (keeping the old ones) when ORCID cannot be reached. */
    Optional<GrantedTokens> refresh(OrcidId orcid, String canonical, GrantedTokens current) {
        OrcidResult<TokenResponse> result = registrations.client(canonical).oauth()
                .refresh(current.refreshToken(), null, true);
        return switch (result) {
            case OrcidResult.Ok<TokenResponse> ok -> {
                GrantedTokens fresh = tokens(ok.value(), clock.instant());
                vault.replaceTokens(orcid, canonical, fresh);
                log.info("Refreshed the ORCID token {} of {}", canonical, orcid);
                yield Optional.of(fresh);
            }
            case OrcidResult.Failed<TokenResponse> failed -> {
                if (failed.error() instanceof OrcidError.TokenRejected || failed.error() instanceof OrcidError.OAuthRejected) {
                    markRevoked(orcid, canonical, "ORCID refused to refresh the token: " + failed.error().problem().summary());
                } else {
                    log.warn("Could not refresh the ORCID token {} of {}: {}", canonical, orcid,
                            failed.error().problem().summary());
                }
                yield Optional.empty();
            }
        };
    }

    static GrantedTokens tokens(TokenResponse response, Instant now) {
        return new GrantedTokens(response.accessToken(), response.refreshToken(), response.scope(),
                response.expiresIn() == null ? null : now.plus(response.expiresIn()));
    }

    /** The registrations a canonical permission serves: both when they share one client. */
    List<String> servedBy(String canonical) {
        return registrations.ids().stream().filter(id -> registrations.canonical(id).equals(canonical)).toList();
    }
}
