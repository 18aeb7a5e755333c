package org.pidlink.app.reconcile;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.pidlink.app.accounts.PermissionStatus;
import org.pidlink.app.accounts.WritePermission;
import org.pidlink.app.accounts.WritePermissions;
import org.pidlink.app.claims.WrittenClaim;
import org.pidlink.app.claims.Claims;
import org.pidlink.app.orcid.CallClass;
import org.pidlink.app.push.OwnWrites;
import org.pidlink.app.orcid.OrcidRegistrations;
import org.pidlink.core.identifiers.Doi;
import org.pidlink.core.identifiers.OrcidId;
import org.pidlink.core.identifiers.ParseResult;
import org.pidlink.orcid.client.ExternalId;
import org.pidlink.orcid.client.OrcidResult;
import org.pidlink.orcid.client.WorkSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * Reads a researcher's works back after ORCID said her record changed and reconciles her claims with them
 * ({@link Claims#reconcileWithOrcid}); it never writes to ORCID. Callbacks come in bursts (one per change), so
 * a researcher's reconciliation waits {@link ReconcileProperties#settle()} and runs once for all the callbacks
 * that arrived meanwhile; one arriving while it runs makes it run once more afterwards. Researchers are
 * reconciled concurrently, each never twice at once.
 *
 * <p>pidlink does not pay for reading back its own writes: a callback that arrives while the push engine serves
 * the researcher, or within the settle window after its last write to her record, is the echo of that write. When
 * every callback since her last read was such an echo, the read is not made then; one read verifies her record
 * {@link ReconcileProperties#verifyAfterOwnWrites()} after pidlink's last write instead (a change of hers that
 * came exactly while pidlink wrote is seen then), and any callback pidlink's writing does not explain is read
 * back after the settle window, once pidlink has no writes to her record due: a backfill costs no reads while it
 * runs, and at most one after it.
 */
@Service
class Reconciler implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

    private final OrcidRegistrations registrations;
    private final WritePermissions permissions;
    private final Claims claims;
    private final OwnWrites ownWrites;
    private final Clock clock;
    private final Duration settle;
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("pidlink-reconcile-timer").factory());
    private final ExecutorService workers =
            Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("pidlink-reconcile-", 0).factory());
    /** Researchers with a reconciliation scheduled or running; true when another one is wanted after it. */
    private final Map<OrcidId, Boolean> pending = new ConcurrentHashMap<>();
    /** Researchers with a callback since their last read that pidlink's own writing does not explain. */
    private final Set<OrcidId> unexplained = ConcurrentHashMap.newKeySet();
    /** When (on the clock) each researcher whose callbacks were all echoes of pidlink's writes is read to verify. */
    private final Map<OrcidId, Instant> verifications = new ConcurrentHashMap<>();
    private final Duration verifyAfter;

    Reconciler(OrcidRegistrations registrations, WritePermissions permissions, Claims claims, OwnWrites ownWrites,
               Clock clock, ReconcileProperties properties) {
        this.ownWrites = ownWrites;
        this.clock = clock;
        this.registrations = registrations;
        this.permissions = permissions;
        this.claims = claims;
        this.settle = properties.settle();
        this.verifyAfter = properties.verifyAfterOwnWrites();
        timer.scheduleWithFixedDelay(() -> verifyDue(clock.instant()), 1, 1, TimeUnit.SECONDS);
    }

    /** ORCID said the researcher's record changed. Returns at once. */
    void recordChanged(OrcidId orcid) {
        if (!explainedByOwnWriting(orcid)) {
            unexplained.add(orcid);
        }
        wanted(orcid);
    }

    private boolean explainedByOwnWriting(OrcidId orcid) {
        try {
            return ownWrites.explainsChangeNow(orcid, settle);
        } catch (RuntimeException e) {
            log.warn("Could not tell whether pidlink is writing to {}'s record; reading it back", orcid, e);
            return false;
        }
    }

    /** Reads back, once the settle window passed, the records whose verification read is due at {@code now}. */
    void verifyDue(Instant now) {
        verifications.forEach((orcid, due) -> {
            if (!now.isBefore(due) && verifications.remove(orcid, due)) {
                unexplained.add(orcid);
                wanted(orcid);
            }
        });
    }

    /** Whether a verification read of the researcher's record is waiting (tests look). */
    boolean verificationPending(OrcidId orcid) {
        return verifications.containsKey(orcid);
    }

    /** A reconciliation of the researcher is wanted: schedules one, or one more after the running one. */
    private void wanted(OrcidId orcid) {
        boolean[] schedule = {false};
        pending.compute(orcid, (key, again) -> {
            if (again == null) {
                schedule[0] = true;
                return false;
            }
            return true;
        });
        if (schedule[0]) {
            schedule(orcid);
        }
    }

    /** Whether no reconciliation of the researcher is scheduled or running (tests wait for it). */
    boolean idle(OrcidId orcid) {
        return !pending.containsKey(orcid);
    }

    private void schedule(OrcidId orcid) {
        schedule(orcid, settle);
    }

    private void schedule(OrcidId orcid, Duration delay) {
        try {
            timer.schedule(() -> workers.execute(() -> run(orcid)), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            pending.remove(orcid);
        }
    }

    private void run(OrcidId orcid) {
        Duration writing;
        try {
            writing = untilOwnWritesSettle(orcid);
        } catch (RuntimeException e) {
            log.warn("Could not tell when pidlink last wrote to {}'s record; reading it now", orcid, e);
            writing = Duration.ZERO;
        }
        if (writing.isPositive()) {
            // pidlink itself is writing to this record, and every write of its own makes ORCID call back: fold
            // those callbacks (and any change of hers meanwhile) into one read once its writes have settled.
            schedule(orcid, writing);
            return;
        }
        pending.replace(orcid, false);
        try {
            if (unexplained.remove(orcid)) {
                verifications.remove(orcid);
                reconcile(orcid);
            } else {
                // Only echoes of pidlink's own writes: verified once, later, instead of read back now.
                verifications.put(orcid, clock.instant().plus(verifyAfter));
            }
        } catch (RuntimeException e) {
            log.warn("Reconciling {}'s claims with her ORCID record failed", orcid, e);
            // Her change is not lost with the failed read: her record is read again with the next verifications.
            verifications.put(orcid, clock.instant().plus(verifyAfter));
        } finally {
            if (pending.compute(orcid, (key, again) -> Boolean.TRUE.equals(again) ? false : null) != null) {
                schedule(orcid);
            }
        }
    }

    /**
     * How long until the record is read back at the earliest: while pidlink has writes to it due, a settle window
     * (at least a second) and then look again; otherwise until pidlink's latest write to it is a settle window old
     * (zero when it already is). A backfill serves each researcher a bulk call at a time, in turn with the others, so
     * her record changes every few seconds for minutes: read between two of its calls, it is read again after the
     * next, and a callback that came late (ORCID's calls back are not prompt under load, nor at all in production,
     * where they are batched) was read back after each of them (9 reads of one record of 3,500 works in one run of
     * {@code bench aggregate}, 975 reads in all, each megabytes of JSON). One read once her writes are done sees
     * the same changes of hers.
     */
    Duration untilOwnWritesSettle(OrcidId orcid) {
        if (ownWrites.writesDue(orcid)) {
            return settle.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : settle;
        }
        Instant now = clock.instant();
        return ownWrites.lastTo(orcid).map(last -> last.plus(settle)).filter(now::isBefore)
                .map(readAt -> Duration.between(now, readAt)).orElse(Duration.ZERO);
    }

    /** Reconciles the researcher's written claims, registration by registration, each read with its own token. */
    void reconcile(OrcidId orcid) {
        // The claims first: a put-code they hold was on the record before the read began.
        // Only those with a put-code, without their works: a hyper-author's 50,000 claims are not read for this.
        List<WrittenClaim> written = claims.written(orcid);
        // Works held back for a full record need one read of it even without a written claim: she may have made room.
        boolean heldBack = claims.recordFullCount(orcid) > 0;
        for (String registration : registrations.distinct()) {
            List<WrittenClaim> ofRegistration = written.stream()
                    .filter(c -> registration.equals(registrations.canonical(c.registrationId()))).toList();
            if (!ofRegistration.isEmpty() || heldBack) {
                Optional<WritePermission> permission = readable(orcid, registration);
                permission.ifPresent(p -> reconcile(orcid, registration, p, ofRegistration));
                heldBack &= permission.isEmpty();
            }
        }
    }

    private Optional<WritePermission> readable(OrcidId orcid, String registration) {
        return permissions.find(orcid, registration).filter(p -> p.status() == PermissionStatus.ACTIVE);
    }

    private void reconcile(OrcidId orcid, String registration, WritePermission permission, List<WrittenClaim> written) {
        List<WorkSummary> works = switch (registrations.client(registration).on(CallClass.READ.context(registration)).works().readWorks(orcid,
                permission.accessToken())) {
            case OrcidResult.Ok<List<WorkSummary>> ok -> ok.value();
            case OrcidResult.Failed<List<WorkSummary>> failed -> {
                log.warn("Could not read {}'s works to reconcile them: {}", orcid, failed.error().problem().summary());
                yield null;
            }
        };
        if (works == null) {
            return;
        }
        try {
            reconcileClaims(orcid, registration, works, written);
        } finally {
            // How full her record is (ORCID's 10,000-work cap), after the claims above lost what she deleted.
            claims.worksOnRecord(orcid, works.stream().map(WorkSummary::putCode).toList());
        }
    }

    private void reconcileClaims(OrcidId orcid, String registration, List<WorkSummary> works,
                                 List<WrittenClaim> written) {
        Set<Long> onRecord = new HashSet<>();
        works.forEach(w -> onRecord.add(w.putCode()));
        Set<Long> claimed = new HashSet<>();
        written.forEach(c -> claimed.add(c.putCode()));
        String clientId = registrations.clientId(registration);
        int removed = 0;
        int adopted = 0;
        for (WrittenClaim claim : written) {
            long putCode = claim.putCode();
            if (onRecord.contains(putCode)) {
                continue;
            }
            Long elsewhere = ourWorkFor(works, clientId, claim.doi(), claimed);
            if (claims.reconcileWithOrcid(claim.id(), putCode, elsewhere)) {
                if (elsewhere == null) {
                    removed++;
                } else {
                    claimed.add(elsewhere);
                    adopted++;
                }
            }
        }
        if (removed + adopted > 0) {
            log.info("Reconciled {} with her ORCID record: {} works removed by her, {} put-codes adopted", orcid,
                    removed, adopted);
        }
    }

    /** The put-code of a work of our client on the record for {@code doi} that no claim holds yet, if any. */
    private static @Nullable Long ourWorkFor(List<WorkSummary> works, String clientId, String doi, Set<Long> claimed) {
        return works.stream()
                .filter(w -> w.isFromClient(clientId) && !claimed.contains(w.putCode()) && hasSelfDoi(w, doi))
                .map(WorkSummary::putCode).min(Long::compare).orElse(null);
    }

    private static boolean hasSelfDoi(WorkSummary work, String doi) {
        for (ExternalId id : work.selfIds()) {
            if ("doi".equalsIgnoreCase(id.type()) && Doi.tryParse(id.value()) instanceof ParseResult.Valid<Doi> valid
                    && valid.value().value().equals(doi)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
        workers.shutdownNow();
    }
}
