package org.pidlink.app.push;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.pidlink.app.claims.ClaimQueueListener;
import org.pidlink.app.claims.ClaimStatus;
import org.pidlink.app.claims.Claims;
import org.pidlink.app.claims.WriteAccess;
import org.pidlink.app.claims.WriteAccessSource;
import org.pidlink.core.identifiers.ExternalIdNormalizer;
import org.pidlink.core.identifiers.OrcidId;
import org.pidlink.orcid.client.ExternalId;
import org.pidlink.orcid.client.OrcidError;
import org.pidlink.orcid.client.OrcidResult;
import org.pidlink.orcid.client.WorkSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

/**
 * Executes the queued writes: one turn leases the researcher who is next (see {@link PushQueue#leaseNext}),
 * makes one call to ORCID for them (a bulk addition of up to 100 works, an update, a deletion, or the read that
 * recovers put-codes after an interrupted POST), records every outcome on its claim and gives the researcher back.
 * Several engines (threads, instances) share one database safely.
 *
 * <p>Spring-free: tests construct it with a {@link DataSource} and a settable {@link Clock} and call
 * {@link #runDueWork()} to execute whatever is due, synchronously. Thread-safe.
 */
public final class PushEngine {

    private static final Logger log = LoggerFactory.getLogger(PushEngine.class);
    private static final ExternalIdNormalizer NORMALIZER = ExternalIdNormalizer.standard();

    private final PushQueue queue;
    private final Clock clock;
    private final PushSettings settings;
    private final RegisteredClients clients;
    private final WriteAccessSource access;
    private final SharedRateLimiter rateLimiter;
    private final OrcidCallAudit audit;
    private final Claims claims;
    private final Backoff backoff;
    private final AtomicLong leases = new AtomicLong();
    private final Counter worksAdded;
    private final Counter worksUpdated;
    private final Counter worksDeleted;
    private volatile PushObserver observer = PushObserver.NONE;

    public PushEngine(DataSource dataSource, Clock clock, PushSettings settings, RegisteredClients clients,
            WriteAccessSource access, SharedRateLimiter rateLimiter, OrcidCallAudit audit, Claims claims,
            RandomGenerator random) {
        this(dataSource, clock, settings, clients, access, rateLimiter, audit, claims, random,
                new CompositeMeterRegistry());
    }

    /** Counts the works ORCID accepted in {@code pidlink.works}, tagged by action (added, updated, deleted). */
    public PushEngine(DataSource dataSource, Clock clock, PushSettings settings, RegisteredClients clients,
            WriteAccessSource access, SharedRateLimiter rateLimiter, OrcidCallAudit audit, Claims claims,
            RandomGenerator random, MeterRegistry meters) {
        this.worksAdded = worksCounter(meters, "added");
        this.worksUpdated = worksCounter(meters, "updated");
        this.worksDeleted = worksCounter(meters, "deleted");
        this.queue = new PushQueue(dataSource, clock);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.access = Objects.requireNonNull(access, "access");
        this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.claims = Objects.requireNonNull(claims, "claims");
        this.backoff = new Backoff(settings.backoffBase(), settings.backoffMax(), random);
    }

    private static Counter worksCounter(MeterRegistry meters, String action) {
        return Counter.builder("pidlink.works").description("Works ORCID accepted from pidlink, by action")
                .tag("action", action).register(meters);
    }

    /**
     * The listener to give {@link Claims}, so that queued claims reschedule their researcher. Any engine's
     * listener will do: the schedule lives in the database.
     */
    public static ClaimQueueListener queueListener(DataSource dataSource, Clock clock) {
        return new PushQueue(dataSource, clock);
    }

    /** Told about each ORCID answer before it is recorded (metrics; tests simulate crashes with it). */
    void observer(PushObserver newObserver) {
        this.observer = Objects.requireNonNull(newObserver, "observer");
    }

    public PushSettings settings() {
        return settings;
    }

    /** Runs turns until no researcher has due work that is not leased by someone else. Returns the turns run. */
    public int runDueWork() {
        int turns = 0;
        while (runOnce()) {
            turns++;
        }
        return turns;
    }

    /**
     * One turn: lease the next researcher with due work, make one call for them, give them back.
     *
     * @return false when nothing was due
     */
    public boolean runOnce() {
        String owner = nextLeaseOwner();
        Optional<OrcidId> leased = queue.leaseNext(owner, settings.lease());
        if (leased.isEmpty()) {
            return false;
        }
        OrcidId orcid = leased.get();
        // No finally: an Error (an instance dying) must leave the lease to expire, as a real crash would.
        serve(orcid, owner);
        queue.release(orcid, owner);
        return true;
    }

    /**
     * Runs the researcher's due work now, on the calling thread, until none is due or {@code timeout} passed:
     * used when a researcher disconnects and asked for her works to be removed while pidlink still holds her token.
     *
     * @return true when nothing is queued for the researcher any more (false also when a write failed and waits
     *         for a retry)
     */
    public boolean drain(OrcidId orcid, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() - deadline < 0) {
            String owner = nextLeaseOwner();
            if (!queue.lease(orcid, owner, settings.lease())) {
                // Another worker is serving her right now; her turn comes back shortly.
                sleepQuietly(Duration.ofMillis(50));
                continue;
            }
            boolean due = !queue.nextBatch(orcid, 1).isEmpty();
            if (due) {
                serve(orcid, owner);
            }
            queue.release(orcid, owner);
            if (!due) {
                break;
            }
        }
        return !queue.hasQueuedWork(orcid);
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Re-derives every researcher's schedule from the claims; a safety net the worker runs now and then. */
    public void rescheduleAll() {
        queue.rescheduleAll();
    }

    /** Each lease has its own owner, so that even threads of one instance can never release each other's. */
    private String nextLeaseOwner() {
        return settings.instanceId() + "#" + leases.incrementAndGet();
    }

    private void serve(OrcidId orcid, String owner) {
        List<QueuedClaim> batch = queue.nextBatch(orcid, settings.bulkSize());
        if (batch.isEmpty()) {
            return;
        }
        QueuedClaim head = batch.getFirst();
        String registrationId = head.registrationId();
        try {
            Optional<RegisteredClient> client = clients.find(registrationId);
            if (client.isEmpty()) {
                queue.hold(orcid, registrationId, ClaimStatus.WAITING_FOR_PERMISSION,
                        "pidlink has no ORCID client registration '" + registrationId + "'");
                return;
            }
            String token;
            switch (access.find(orcid, registrationId)) {
                case WriteAccess.Missing missing -> {
                    queue.hold(orcid, registrationId, ClaimStatus.WAITING_FOR_PERMISSION, missing.reason());
                    return;
                }
                case WriteAccess.Revoked revoked -> {
                    queue.hold(orcid, registrationId, ClaimStatus.PERMISSION_REVOKED, revoked.reason());
                    return;
                }
                case WriteAccess.Granted granted -> {
                    if (!granted.autoUpdate() && head.action() == Action.ADD
                            && batch.stream().anyMatch(QueuedClaim::onlyAutoUpdate)) {
                        claims.permissionsChanged(orcid, registrationId);
                        return;
                    }
                    token = granted.accessToken();
                }
            }
            Target target = new Target(orcid, client.get(), token, owner);
            if (queue.needsRecovery(batch)) {
                recover(target, batch.stream().filter(QueuedClaim::needsRecovery).toList());
                return;
            }
            switch (head.action()) {
                case ADD -> add(target, batch);
                case UPDATE -> update(target, head);
                case DELETE -> delete(target, head);
            }
        } catch (RuntimeException e) {
            // A defect, not an ORCID answer: back off so one broken claim cannot spin a worker.
            log.error("Push of {} claim(s) for {} failed unexpectedly", batch.size(), orcid, e);
            for (QueuedClaim claim : batch) {
                transientFailure(claim, "pidlink failed: " + e, null);
            }
        }
    }

    private record Target(OrcidId orcid, RegisteredClient client, String token, String leaseOwner) {
        String registrationId() {
            return client.registrationId();
        }
    }

    // ---- the four calls ----------------------------------------------------------------------------------

    private void add(Target target, List<QueuedClaim> batch) {
        queue.markPostAttempted(batch);
        List<String> works = batch.stream().map(QueuedClaim::workJson).toList();
        OrcidResult<List<OrcidResult<Long>>> result = call(target, batch,
                () -> target.client().works().createWorks(target.orcid(), target.token(), works));
        observer.answered(target.orcid(), Action.ADD, PushQueue.ids(batch));
        switch (result) {
            case OrcidResult.Ok<List<OrcidResult<Long>>> ok -> {
                List<PushQueue.Written> written = new ArrayList<>();
                for (int i = 0; i < batch.size(); i++) {
                    QueuedClaim claim = batch.get(i);
                    switch (ok.value().get(i)) {
                        case OrcidResult.Ok<Long> created ->
                                written.add(new PushQueue.Written(claim.id(), created.value(), claim.payloadHash()));
                        case OrcidResult.Failed<Long> failed ->
                                failed(target, Action.ADD, List.of(claim), failed.error());
                    }
                }
                queue.written(written);
                worksAdded.increment(written.size());
            }
            case OrcidResult.Failed<List<OrcidResult<Long>>> failed -> failed(target, Action.ADD, batch, failed.error());
        }
    }

    private void update(Target target, QueuedClaim claim) {
        long putCode = Objects.requireNonNull(claim.putCode(), "an update needs a put-code");
        var result = call(target, List.of(claim),
                () -> target.client().works().updateWork(target.orcid(), target.token(), putCode, claim.workJson()));
        observer.answered(target.orcid(), Action.UPDATE, List.of(claim.id()));
        switch (result) {
            case OrcidResult.Ok<?> ok -> {
                queue.written(List.of(new PushQueue.Written(claim.id(), putCode, claim.payloadHash())));
                worksUpdated.increment();
            }
            case OrcidResult.Failed<?> failed -> failed(target, Action.UPDATE, List.of(claim), failed.error());
        }
    }

    private void delete(Target target, QueuedClaim claim) {
        long putCode = Objects.requireNonNull(claim.putCode(), "a deletion needs a put-code");
        var result = call(target, List.of(claim),
                () -> target.client().works().deleteWork(target.orcid(), target.token(), putCode));
        observer.answered(target.orcid(), Action.DELETE, List.of(claim.id()));
        switch (result) {
            case OrcidResult.Ok<Void> ok -> {
                queue.deleted(claim.id());
                worksDeleted.increment();
            }
            case OrcidResult.Failed<Void> failed -> failed(target, Action.DELETE, List.of(claim), failed.error());
        }
    }

    /**
     * Reads the record's works and matches ours (source = our client) to the claims by normalized DOI, so that
     * a POST that may have reached ORCID is never sent twice and a lost put-code is found again.
     */
    private void recover(Target target, List<QueuedClaim> batch) {
        var result = call(target, batch,
                () -> target.client().works().readWorks(target.orcid(), target.token()));
        observer.answered(target.orcid(), null, PushQueue.ids(batch));
        switch (result) {
            case OrcidResult.Failed<List<WorkSummary>> failed -> failed(target, null, batch, failed.error());
            case OrcidResult.Ok<List<WorkSummary>> ok -> {
                Map<String, Long> ours = ourPutCodesByDoi(ok.value(), target.client().clientId());
                for (QueuedClaim claim : batch) {
                    Long putCode = ours.get(normalizedDoi(claim.doi()));
                    if (putCode == null) {
                        if (claim.wanted()) {
                            queue.recoveredAbsent(claim.id());
                        } else {
                            queue.deleted(claim.id());
                        }
                    } else if (claim.postAttemptedHash() != null && claim.action() == Action.ADD) {
                        queue.recoveredWritten(claim.id(), putCode, claim.postAttemptedHash());
                    } else {
                        queue.adoptPutCode(claim.id(), putCode, "found on the ORCID record (put-code " + putCode + ")");
                    }
                }
            }
        }
    }

    private static Map<String, Long> ourPutCodesByDoi(List<WorkSummary> works, String clientId) {
        Map<String, Long> byDoi = new HashMap<>();
        for (WorkSummary work : works) {
            if (!work.isFromClient(clientId)) {
                continue;
            }
            for (ExternalId id : work.externalIds()) {
                if ("doi".equals(id.type()) && (id.isSelf() || id.relationship() == null)) {
                    // Several of ours with one DOI would be a duplicate; the oldest (lowest put-code) is kept.
                    byDoi.merge(normalizedDoi(id.value()), work.putCode(), Math::min);
                }
            }
        }
        return byDoi;
    }

    private static String normalizedDoi(String doi) {
        String normalized = NORMALIZER.normalize("doi", doi);
        return normalized == null || normalized.isEmpty() ? doi.strip().toLowerCase(Locale.ROOT) : normalized;
    }

    // ---- calling ORCID -----------------------------------------------------------------------------------

    /** One call, audited for these claims; a 503 slows every instance down and the call is retried. */
    private <T> OrcidResult<T> call(Target target, List<QueuedClaim> batch, Supplier<OrcidResult<T>> call) {
        List<Long> ids = PushQueue.ids(batch);
        OrcidResult<T> result = audit.forClaims(target.registrationId(), ids, call);
        for (int retry = 0; retry < settings.rateLimitedRetries()
                && result instanceof OrcidResult.Failed<T> failed
                && failed.error() instanceof OrcidError.RateLimited; retry++) {
            rateLimiter.slowDown(target.client().rateLimitKey());
            // Retries take time: keep the researcher leased, so no other instance writes to her record meanwhile.
            queue.renewLease(target.orcid(), target.leaseOwner(), settings.lease());
            result = audit.forClaims(target.registrationId(), ids, call);
        }
        if (result instanceof OrcidResult.Failed<T> failed && failed.error() instanceof OrcidError.RateLimited) {
            rateLimiter.slowDown(target.client().rateLimitKey());
        }
        return result;
    }

    // ---- ORCID's answers ---------------------------------------------------------------------------------

    /** {@code call} is what was sent: an addition, update or deletion, or null for the recovery read. */
    private void failed(Target target, @Nullable Action call, List<QueuedClaim> claimsOfCall, OrcidError error) {
        String message = error.developerMessage();
        OrcidId orcid = target.orcid();
        switch (error) {
            case OrcidError.TokenRejected rejected -> {
                // 401: the researcher revoked pidlink's permission; no further call with that token.
                clearMarkersOfRefusedPost(call, claimsOfCall);
                access.markRevoked(orcid, target.registrationId(), "ORCID rejected the token: " + message);
                queue.hold(orcid, target.registrationId(), ClaimStatus.PERMISSION_REVOKED,
                        "the researcher revoked pidlink's permission on ORCID");
            }
            case OrcidError.ScopeMissing missing -> {
                clearMarkersOfRefusedPost(call, claimsOfCall);
                queue.hold(orcid, target.registrationId(), ClaimStatus.WAITING_FOR_PERMISSION,
                        "the researcher's permission does not allow pidlink to update works");
            }
            case OrcidError.RecordUnavailable unavailable -> {
                clearMarkersOfRefusedPost(call, claimsOfCall);
                queue.stopRecord(orcid, "the ORCID record is " + unavailable.state().name().toLowerCase(Locale.ROOT)
                        + ": nothing can be written to it", message);
            }
            case OrcidError.NotFound notFound -> {
                if (call == Action.UPDATE || call == Action.DELETE) {
                    claimsOfCall.forEach(claim -> queue.removedByResearcher(claim.id(), message));
                } else {
                    // A POST to, or a read of, a record that does not exist.
                    clearMarkersOfRefusedPost(call, claimsOfCall);
                    queue.stopRecord(orcid, "ORCID does not know this ORCID iD", message);
                }
            }
            case OrcidError.NotSource notSource -> {
                for (QueuedClaim claim : claimsOfCall) {
                    queue.failedPermanently(claim.id(), "ORCID says the work with put-code " + claim.putCode()
                            + " is not pidlink's (another source owns it)", message, true);
                }
            }
            case OrcidError.Duplicate duplicate -> {
                for (QueuedClaim claim : claimsOfCall) {
                    if (duplicate.existingPutCode().isPresent()
                            && !Objects.equals(claim.putCode(), duplicate.existingPutCode().getAsLong())) {
                        long existing = duplicate.existingPutCode().getAsLong();
                        queue.adoptPutCode(claim.id(), existing,
                                "already on ORCID (put-code " + existing + "): updating it");
                    } else {
                        queue.needsRecoveryRead(claim.id(), "already on ORCID: looking for its put-code");
                    }
                }
            }
            case OrcidError.InvalidWork invalid -> {
                for (QueuedClaim claim : claimsOfCall) {
                    queue.failedPermanently(claim.id(), "ORCID refused the work", message, true);
                }
            }
            case OrcidError.WorkLimitReached limit -> {
                for (QueuedClaim claim : claimsOfCall) {
                    queue.failedPermanently(claim.id(), "the ORCID record already holds 10,000 works", message, true);
                }
            }
            case OrcidError.RateLimited r -> transientFailures(claimsOfCall, "ORCID is busy (503)", message);
            case OrcidError.ServerError s -> transientFailures(claimsOfCall,
                    "ORCID failed (HTTP " + s.status() + ")", message);
            // A 401 without ORCID's word that the token is invalid (a proxy's HTML page): transient, not a revocation.
            case OrcidError.Unauthorized u -> transientFailures(claimsOfCall,
                    "ORCID answered 401 without saying the token is invalid", message);
            case OrcidError.NetworkFailure n -> transientFailures(claimsOfCall,
                    n.timedOut() ? "ORCID did not answer in time" : "the connection to ORCID failed", message);
            case OrcidError.Interrupted i -> transientFailures(claimsOfCall, "interrupted (pidlink stopping)", message);
            case OrcidError.OAuthRejected o -> transientFailures(claimsOfCall, "ORCID refused the request", message);
            case OrcidError.Unexpected u -> transientFailures(claimsOfCall,
                    "unexpected answer from ORCID (HTTP " + u.status() + ")", message);
        }
    }

    /**
     * ORCID refused the whole POST before writing anything: the crash-safety markers can go. After a refused
     * recovery read they stay: the earlier POST may still have reached ORCID.
     */
    private void clearMarkersOfRefusedPost(@Nullable Action call, List<QueuedClaim> claimsOfCall) {
        if (call == Action.ADD) {
            queue.clearPostMarkers(claimsOfCall);
        }
    }

    private void transientFailures(List<QueuedClaim> claimsOfCall, String reason, @Nullable String message) {
        for (QueuedClaim claim : claimsOfCall) {
            transientFailure(claim, reason, message);
        }
    }

    /**
     * Retried with exponential backoff and jitter, up to the configured number of attempts. A POST that may have
     * reached ORCID keeps its marker, so the next attempt starts with a recovery read.
     */
    private void transientFailure(QueuedClaim claim, String reason, @Nullable String message) {
        int attempts = claim.attempts() + 1;
        if (attempts >= settings.maxAttempts()) {
            queue.failedPermanently(claim.id(), "gave up after " + attempts + " attempts: " + reason, message, false);
            return;
        }
        queue.retryLater(claim.id(), attempts, clock.instant().plus(backoff.delayBeforeAttempt(attempts)), reason,
                message);
    }
}
