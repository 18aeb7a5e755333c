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
import java.util.function.Function;
import java.util.random.RandomGenerator;

import javax.sql.DataSource;

import org.pidlink.orcid.client.OrcidClient;
import org.jspecify.annotations.Nullable;
import org.pidlink.app.claims.ClaimAction;
import org.pidlink.app.claims.ClaimOutcomes;
import org.pidlink.app.claims.ClaimQueue;
import org.pidlink.app.claims.QueuedWrite;
import org.pidlink.app.claims.WriteBatch;
import org.pidlink.app.orcid.CallClass;
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
 * Executes the queued writes: one turn leases the researcher who is next (see {@link PushSchedule#leaseNext}), takes
 * her next allowed call from the claims ({@link ClaimQueue#nextWrite}: a bulk addition of up to 100 works, an update
 * or a deletion), makes it (or first the read that recovers put-codes after an interrupted POST), tells the claims
 * what ORCID answered ({@link ClaimOutcomes}) and gives the researcher back. Several engines (threads, instances)
 * share one database safely.
 *
 * <p>Spring-free: tests construct it through {@link StandalonePush} with a settable {@link Clock} and call
 * {@link #runDueWork()} to execute whatever is due, synchronously. Thread-safe.
 */
public final class PushEngine {

    private static final Logger log = LoggerFactory.getLogger(PushEngine.class);
    private static final ExternalIdNormalizer NORMALIZER = ExternalIdNormalizer.standard();

    private final PushSchedule schedule;
    private final ClaimQueue claims;
    private final ClaimOutcomes outcomes;
    private final Clock clock;
    private final PushSettings settings;
    private final RegisteredClients clients;
    private final SharedRateLimiter rateLimiter;
    private final Backoff backoff;
    private final AtomicLong leases = new AtomicLong();
    private final Counter worksAdded;
    private final Counter worksUpdated;
    private final Counter worksDeleted;
    private volatile PushObserver observer = PushObserver.NONE;

    /** Counts the works ORCID accepted in {@code pidlink.works}, tagged by action (added, updated, deleted). */
    PushEngine(PushSchedule schedule, ClaimQueue claims, ClaimOutcomes outcomes, Clock clock, PushSettings settings,
            RegisteredClients clients, SharedRateLimiter rateLimiter, RandomGenerator random, MeterRegistry meters) {
        this.worksAdded = worksCounter(meters, "added");
        this.worksUpdated = worksCounter(meters, "updated");
        this.worksDeleted = worksCounter(meters, "deleted");
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.claims = Objects.requireNonNull(claims, "claims");
        this.outcomes = Objects.requireNonNull(outcomes, "outcomes");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
        this.backoff = new Backoff(settings.backoffBase(), settings.backoffMax(), random);
    }

    private static Counter worksCounter(MeterRegistry meters, String action) {
        return Counter.builder("pidlink.works").description("Works ORCID accepted from pidlink, by action")
                .tag("action", action).register(meters);
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
        return runOnce(CallClass.HOUSEKEEPING);
    }

    /**
     * One turn for a researcher whose most urgent due write is of class {@code atMost} or more urgent: the workers
     * kept for urgent work never start a backfill call, so a fresh DOI always finds one free.
     *
     * @return false when nothing such was due
     */
    public boolean runOnce(CallClass atMost) {
        String owner = nextLeaseOwner();
        Optional<OrcidId> leased = schedule.leaseNext(owner, settings.lease(), atMost);
        if (leased.isEmpty()) {
            return false;
        }
        OrcidId orcid = leased.get();
        // No finally: an Error (an instance dying) must leave the lease to expire, as a real crash would.
        serve(orcid, owner);
        schedule.release(orcid, owner, claims);
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
            if (!schedule.lease(orcid, owner, settings.lease())) {
                // Another worker is serving her right now; her turn comes back shortly.
                sleepQuietly(Duration.ofMillis(50));
                continue;
            }
            boolean served = serve(orcid, owner);
            schedule.release(orcid, owner, claims);
            if (!served) {
                break;
            }
        }
        return !claims.hasQueuedWork(orcid);
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
        schedule.rescheduleAll(claims);
    }

    /** Each lease has its own owner, so that even threads of one instance can never release each other's. */
    private String nextLeaseOwner() {
        return settings.instanceId() + "#" + leases.incrementAndGet();
    }

    /** Makes the researcher's next allowed call, if any. Returns whether there was one. */
    private boolean serve(OrcidId orcid, String owner) {
        Optional<WriteBatch> next = claims.nextWrite(orcid, settings.bulkSize());
        if (next.isEmpty()) {
            return false;
        }
        WriteBatch batch = next.get();
        try {
            Optional<RegisteredClient> client = clients.find(batch.registrationId());
            if (client.isEmpty()) {
                outcomes.waitingForPermission(orcid, batch.registrationId(),
                        "pidlink has no ORCID client registration '" + batch.registrationId() + "'");
                return true;
            }
            Target target = new Target(orcid, client.get(), batch.accessToken(), owner, batch.callClass());
            List<QueuedWrite> writes = batch.writes();
            List<QueuedWrite> recover = writes.stream().filter(QueuedWrite::needsRecovery).toList();
            if (!recover.isEmpty()) {
                recover(target, recover);
                return true;
            }
            switch (batch.action()) {
                case ADD -> add(target, writes);
                case UPDATE -> update(target, writes.getFirst());
                case DELETE -> delete(target, writes.getFirst());
            }
        } catch (RuntimeException e) {
            // A defect, not an ORCID answer: back off so one broken claim cannot spin a worker.
            log.error("Push of {} for {} failed unexpectedly", batch, orcid, e);
            for (QueuedWrite write : batch.writes()) {
                transientFailure(write, "pidlink failed: " + e, null);
            }
        }
        return true;
    }

    /** Whom a call is for, with which client and token, in which class of ORCID's budget. */
    private record Target(OrcidId orcid, RegisteredClient client, String token, String leaseOwner,
            CallClass callClass) {
        String registrationId() {
            return client.registrationId();
        }
    }

    // ---- the four calls ----------------------------------------------------------------------------------

    private void add(Target target, List<QueuedWrite> batch) {
        outcomes.postAttempted(batch);
        List<String> works = batch.stream().map(QueuedWrite::workJson).toList();
        OrcidResult<List<OrcidResult<Long>>> result = call(target, batch,
                orcid -> orcid.works().createWorks(target.orcid(), target.token(), works));
        observer.answered(target.orcid(), ClaimAction.ADD, ids(batch));
        switch (result) {
            case OrcidResult.Ok<List<OrcidResult<Long>>> ok -> {
                List<ClaimOutcomes.Written> written = new ArrayList<>();
                List<QueuedWrite> overCap = new ArrayList<>();
                OrcidError capError = null;
                for (int i = 0; i < batch.size(); i++) {
                    QueuedWrite claim = batch.get(i);
                    switch (ok.value().get(i)) {
                        case OrcidResult.Ok<Long> created ->
                                written.add(new ClaimOutcomes.Written(claim.claimId(), created.value(), claim.payloadHash()));
                        case OrcidResult.Failed<Long> failed when failed.error() instanceof OrcidError.WorkLimitReached -> {
                            overCap.add(claim);
                            capError = failed.error();
                        }
                        case OrcidResult.Failed<Long> failed ->
                                failed(target, ClaimAction.ADD, List.of(claim), failed.error());
                    }
                }
                outcomes.written(written);
                worksAdded.increment(written.size());
                if (capError != null) {
                    // Items refused for the cap were not created; the record is full, once for all of them.
                    failed(target, ClaimAction.ADD, overCap, capError);
                }
            }
            case OrcidResult.Failed<List<OrcidResult<Long>>> failed -> failed(target, ClaimAction.ADD, batch, failed.error());
        }
    }

    private void update(Target target, QueuedWrite claim) {
        long putCode = Objects.requireNonNull(claim.putCode(), "an update needs a put-code");
        var result = call(target, List.of(claim),
                orcid -> orcid.works().updateWork(target.orcid(), target.token(), putCode, claim.workJson()));
        observer.answered(target.orcid(), ClaimAction.UPDATE, List.of(claim.claimId()));
        switch (result) {
            case OrcidResult.Ok<?> ok -> {
                outcomes.written(List.of(new ClaimOutcomes.Written(claim.claimId(), putCode, claim.payloadHash())));
                worksUpdated.increment();
            }
            case OrcidResult.Failed<?> failed -> failed(target, ClaimAction.UPDATE, List.of(claim), failed.error());
        }
    }

    private void delete(Target target, QueuedWrite claim) {
        long putCode = Objects.requireNonNull(claim.putCode(), "a deletion needs a put-code");
        var result = call(target, List.of(claim),
                orcid -> orcid.works().deleteWork(target.orcid(), target.token(), putCode));
        observer.answered(target.orcid(), ClaimAction.DELETE, List.of(claim.claimId()));
        switch (result) {
            case OrcidResult.Ok<Void> ok -> {
                outcomes.deleted(claim.claimId());
                worksDeleted.increment();
            }
            case OrcidResult.Failed<Void> failed -> failed(target, ClaimAction.DELETE, List.of(claim), failed.error());
        }
    }

    /**
     * Reads the record's works and matches ours (source = our client) to the claims by normalized DOI, so that
     * a POST that may have reached ORCID is never sent twice and a lost put-code is found again.
     */
    private void recover(Target target, List<QueuedWrite> batch) {
        var result = call(target, batch,
                orcid -> orcid.works().readWorks(target.orcid(), target.token()));
        observer.answered(target.orcid(), null, ids(batch));
        switch (result) {
            case OrcidResult.Failed<List<WorkSummary>> failed -> failed(target, null, batch, failed.error());
            case OrcidResult.Ok<List<WorkSummary>> ok -> {
                Map<String, Long> ours = ourPutCodesByDoi(ok.value(), target.client().clientId());
                for (QueuedWrite claim : batch) {
                    Long putCode = ours.get(normalizedDoi(claim.doi()));
                    if (putCode == null) {
                        if (claim.wanted()) {
                            outcomes.recoveredAbsent(claim.claimId());
                        } else {
                            outcomes.deleted(claim.claimId());
                        }
                    } else if (claim.postAttemptedHash() != null && claim.action() == ClaimAction.ADD) {
                        outcomes.written(List.of(new ClaimOutcomes.Written(claim.claimId(), putCode, claim.postAttemptedHash())));
                    } else {
                        outcomes.adopted(claim.claimId(), putCode, "found on the ORCID record (put-code " + putCode + ")");
                    }
                }
                // After the claims took their put-codes back, so that those count as pidlink's works, not others'.
                outcomes.worksOnRecord(target.orcid(), ok.value().stream().map(WorkSummary::putCode).toList());
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

    /**
     * One call, made for these claims (the audit names them); a 503 slows every instance down and the call is
     * retried.
     */
    private <T> OrcidResult<T> call(Target target, List<QueuedWrite> batch,
            Function<OrcidClient, OrcidResult<T>> call) {
        OrcidClient client = target.client().client()
                .on(target.callClass().context(target.registrationId(), ids(batch)));
        OrcidResult<T> result = call.apply(client);
        for (int retry = 0; retry < settings.rateLimitedRetries()
                && result instanceof OrcidResult.Failed<T> failed
                && failed.error() instanceof OrcidError.RateLimited; retry++) {
            rateLimiter.slowDown(target.client().rateLimitKey());
            // Retries take time: keep the researcher leased, so no other instance writes to her record meanwhile.
            schedule.renewLease(target.orcid(), target.leaseOwner(), settings.lease());
            result = call.apply(client);
        }
        if (result instanceof OrcidResult.Failed<T> failed && failed.error() instanceof OrcidError.RateLimited) {
            rateLimiter.slowDown(target.client().rateLimitKey());
        }
        return result;
    }

    private static List<Long> ids(List<QueuedWrite> batch) {
        return batch.stream().map(QueuedWrite::claimId).toList();
    }

    // ---- ORCID's answers ---------------------------------------------------------------------------------

    /** {@code call} is what was sent: an addition, update or deletion, or null for the recovery read. */
    private void failed(Target target, @Nullable ClaimAction call, List<QueuedWrite> claimsOfCall, OrcidError error) {
        String message = error.developerMessage();
        OrcidId orcid = target.orcid();
        switch (error) {
            case OrcidError.TokenRejected rejected -> {
                clearMarkersOfRefusedPost(call, claimsOfCall);
                if (tokenConfirmedInvalid(target)) {
                    // ORCID said so, and says so again: the researcher revoked pidlink's permission.
                    outcomes.tokenRejected(orcid, target.registrationId(), message);
                } else {
                    // An intermediary's word, not ORCID's: retried, shown to administrators as an ORCID problem.
                    transientFailures(claimsOfCall, "ORCID answered 401 but took the token again when asked", message);
                }
            }
            case OrcidError.ScopeMissing missing -> {
                clearMarkersOfRefusedPost(call, claimsOfCall);
                outcomes.waitingForPermission(orcid, target.registrationId(),
                        "the researcher's permission does not allow pidlink to update works");
            }
            case OrcidError.RecordUnavailable unavailable -> {
                clearMarkersOfRefusedPost(call, claimsOfCall);
                outcomes.recordStopped(orcid, "the ORCID record is " + unavailable.state().name().toLowerCase(Locale.ROOT)
                        + ": nothing can be written to it", message);
            }
            case OrcidError.NotFound notFound -> {
                if (call == ClaimAction.UPDATE || call == ClaimAction.DELETE) {
                    claimsOfCall.forEach(claim -> outcomes.removedByResearcher(claim.claimId(), message));
                } else {
                    // A POST to, or a read of, a record that does not exist.
                    clearMarkersOfRefusedPost(call, claimsOfCall);
                    outcomes.recordStopped(orcid, "ORCID does not know this ORCID iD", message);
                }
            }
            case OrcidError.NotSource notSource -> {
                for (QueuedWrite claim : claimsOfCall) {
                    outcomes.failedPermanently(claim.claimId(), "ORCID says the work with put-code " + claim.putCode()
                            + " is not pidlink's (another source owns it)", message, true);
                }
            }
            case OrcidError.Duplicate duplicate -> {
                for (QueuedWrite claim : claimsOfCall) {
                    if (duplicate.existingPutCode().isPresent()
                            && !Objects.equals(claim.putCode(), duplicate.existingPutCode().getAsLong())) {
                        long existing = duplicate.existingPutCode().getAsLong();
                        outcomes.adopted(claim.claimId(), existing,
                                "already on ORCID (put-code " + existing + "): updating it");
                    } else {
                        outcomes.needsRecoveryRead(claim.claimId(), "already on ORCID: looking for its put-code");
                    }
                }
            }
            case OrcidError.InvalidWork invalid -> {
                for (QueuedWrite claim : claimsOfCall) {
                    outcomes.failedPermanently(claim.claimId(), "ORCID refused the work", message, true);
                }
            }
            case OrcidError.WorkLimitReached limit -> {
                // Another source filled the record meanwhile: nothing of the call was written, and every remaining
                // addition for her waits for room at once, so no call is retried into the same refusal.
                clearMarkersOfRefusedPost(call, claimsOfCall);
                outcomes.recordFull(orcid, message);
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
     * Whether ORCID, asked again with the cheapest read the token may make, still says the token is invalid. A
     * permission is marked revoked only on that evidence: a 401 from a proxy or ORCID's edge is not the researcher's
     * choice.
     */
    private boolean tokenConfirmedInvalid(Target target) {
        OrcidResult<Void> check = target.client().client()
                .on(target.callClass().context(target.registrationId()))
                .works().verifyToken(target.orcid(), target.token());
        return check instanceof OrcidResult.Failed<Void> failed && failed.error() instanceof OrcidError.TokenRejected;
    }

    /**
     * ORCID refused the whole POST before writing anything: the crash-safety markers can go. After a refused
     * recovery read they stay: the earlier POST may still have reached ORCID.
     */
    private void clearMarkersOfRefusedPost(@Nullable ClaimAction call, List<QueuedWrite> claimsOfCall) {
        if (call == ClaimAction.ADD) {
            outcomes.postRefused(claimsOfCall);
        }
    }

    private void transientFailures(List<QueuedWrite> claimsOfCall, String reason, @Nullable String message) {
        for (QueuedWrite claim : claimsOfCall) {
            transientFailure(claim, reason, message);
        }
    }

    /**
     * Retried with exponential backoff and jitter, up to the configured number of attempts. A POST that may have
     * reached ORCID keeps its marker, so the next attempt starts with a recovery read.
     */
    private void transientFailure(QueuedWrite claim, String reason, @Nullable String message) {
        int attempts = claim.attempts() + 1;
        if (attempts >= settings.maxAttempts()) {
            outcomes.failedPermanently(claim.claimId(), "gave up after " + attempts + " attempts: " + reason, message, false);
            return;
        }
        outcomes.retryLater(claim.claimId(), attempts, clock.instant().plus(backoff.delayBeforeAttempt(attempts)), reason,
                message);
    }
}
