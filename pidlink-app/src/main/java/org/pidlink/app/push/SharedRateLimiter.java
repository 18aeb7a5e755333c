package org.pidlink.app.push;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

import javax.sql.DataSource;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.pidlink.app.orcid.CallClass;
import org.pidlink.orcid.client.OrcidCallContext;
import org.pidlink.orcid.client.OrcidRateLimiter;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * ORCID's budget per ORCID client, shared by every pidlink instance through PostgreSQL, and who gets it: a Bucket4j
 * token bucket (24 requests/s, burst 40 by default, less a reserve for transit jitter) in {@code orcid_rate_bucket},
 * handed out by {@link CallClass} in a fixed order, plus a shared cool-off in {@code push_client} that every instance
 * honours after ORCID answered 503.
 *
 * <ul>
 * <li>Interactive and fresh calls take the next token and may reserve ahead (they wait at most for the tokens
 * already promised).</li>
 * <li>Backfill, reads and housekeeping never reserve ahead: they take a token only while more than their
 * headroom ({@value #BACKFILL_HEADROOM}, {@value #READ_HEADROOM} and {@value #HOUSEKEEPING_HEADROOM} tokens) is left
 * for the classes before them, so a fresh call arriving during a backfill finds a token at once.</li>
 * <li>Each of those keeps its minimum share ({@link BudgetShares}): a bucket of its own, in PostgreSQL too, refills
 * at that share of the rate, and a token from it lets the call reserve like an urgent one. None starves.</li>
 * </ul>
 * Within one instance, one thread per class at a time waits for leftover budget (the others queue behind it), so
 * waiting costs the database a few queries a second, not one per worker. Thread-safe.
 */
public final class SharedRateLimiter {

    /** How long an instance trusts its copy of another instance's cool-off. */
    private static final Duration COOL_OFF_REFRESH = Duration.ofMillis(200);
    /**
     * A request leaves our bucket some time before it reaches ORCID's, and that time varies (connection set-up, a
     * large bulk body, a busy machine): an early request that arrives late and a later one that arrives early
     * bunch up at ORCID. Keeping this much of the burst in reserve absorbs that jitter, so pidlink never meets a
     * 503 of its own making; the sustained rate stays ORCID's. 250 ms was not enough: with a backfill starting beside
     * twenty fresh DOIs a second, the first seconds drained the burst and one call met a 503 (bench latency
     * --under-backfill); the burst left (28 of 40) still starts a backfill at once.
     */
    static final Duration TRANSIT_ALLOWANCE = Duration.ofMillis(500);
    static final long BACKFILL_HEADROOM = 4;
    static final long READ_HEADROOM = 8;
    static final long HOUSEKEEPING_HEADROOM = 12;
    /** Longest pause between two looks at the bucket while waiting for leftover budget. */
    private static final long MAX_POLL_NANOS = Duration.ofMillis(50).toNanos();

    private final ProxyManager<String> buckets;
    private final BucketConfiguration configuration;
    private final double requestsPerSecond;
    private final BudgetShares shares;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration coolOff;
    private final Map<String, BucketProxy> bucketByKey = new ConcurrentHashMap<>();
    private final Map<String, KnownCoolOff> coolOffByClient = new ConcurrentHashMap<>();
    private final Map<String, Semaphore> waitingRoom = new ConcurrentHashMap<>();
    private final Map<CallClass, Counter> granted = new EnumMap<>(CallClass.class);

    public SharedRateLimiter(DataSource dataSource, Clock clock, double requestsPerSecond, int burst,
            Duration coolOff) {
        this(dataSource, clock, requestsPerSecond, burst, coolOff, BudgetShares.DEFAULTS, null,
                new CompositeMeterRegistry());
    }

    /**
     * @param timeMeter the buckets' time; null for the system's (tests pass their settable clock's)
     */
    SharedRateLimiter(DataSource dataSource, Clock clock, double requestsPerSecond, int burst, Duration coolOff,
            BudgetShares shares, TimeMeter timeMeter, MeterRegistry meters) {
        var builder = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("orcid_rate_bucket")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at");
        if (timeMeter != null) {
            builder.clientClock(timeMeter);
        }
        this.buckets = builder.build();
        this.requestsPerSecond = requestsPerSecond;
        // Greedy refill: tokens trickle in continuously (one every 1/24 s), the way ORCID's edge refills.
        long reserve = Math.round(requestsPerSecond * TRANSIT_ALLOWANCE.toNanos() / 1e9);
        this.configuration = bucketOf(Math.max(1, burst - reserve), requestsPerSecond);
        this.shares = shares;
        this.jdbc = JdbcClient.create(dataSource);
        this.clock = clock;
        this.coolOff = coolOff;
        for (CallClass callClass : CallClass.values()) {
            granted.put(callClass, Counter.builder("pidlink.orcid.budget")
                    .description("Requests to ORCID let through by the shared rate limit, by class of work")
                    .tag("class", callClass.purpose()).register(meters));
        }
    }

    public static SharedRateLimiter of(DataSource dataSource, Clock clock, PushSettings settings) {
        return of(dataSource, clock, settings, new CompositeMeterRegistry());
    }

    public static SharedRateLimiter of(DataSource dataSource, Clock clock, PushSettings settings,
            MeterRegistry meters) {
        return new SharedRateLimiter(dataSource, clock, settings.requestsPerSecond(), settings.burst(),
                settings.coolOff(), settings.shares(), null, meters);
    }

    private static BucketConfiguration bucketOf(long capacity, double perSecond) {
        long nanosPerToken = Math.round(1_000_000_000d / perSecond);
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(1, Duration.ofNanos(nanosPerToken)))
                .build();
    }

    /**
     * The hook to give the ORCID client of {@code clientId}: blocks until a request may be sent, by the class its
     * call context names (a call without one counts as a read).
     */
    public OrcidRateLimiter forClient(String clientId) {
        return new OrcidRateLimiter() {
            @Override
            public void acquire() throws InterruptedException {
                SharedRateLimiter.this.acquire(clientId, CallClass.READ);
            }

            @Override
            public void acquire(OrcidCallContext context) throws InterruptedException {
                SharedRateLimiter.this.acquire(clientId, CallClass.of(context));
            }
        };
    }

    /** Blocks until one request of {@code clientId} in {@code callClass} may be sent, by every instance's count. */
    public void acquire(String clientId, CallClass callClass) throws InterruptedException {
        waitOutCoolOff(clientId);
        BucketProxy bucket = bucket(clientId);
        if (callClass.urgent() || tookShare(clientId, callClass)) {
            bucket.asBlocking().consume(1);
            granted.get(callClass).increment();
            return;
        }
        Semaphore room = waitingRoom.computeIfAbsent(clientId + " " + callClass, key -> new Semaphore(1, true));
        room.acquire();
        try {
            while (true) {
                EstimationProbe leftover = bucket.estimateAbilityToConsume(1 + headroom(callClass));
                if (leftover.canBeConsumed() && bucket.tryConsume(1)) {
                    granted.get(callClass).increment();
                    return;
                }
                if (tookShare(clientId, callClass)) {
                    bucket.asBlocking().consume(1);
                    granted.get(callClass).increment();
                    return;
                }
                long nanos = Math.max(1_000_000, Math.min(MAX_POLL_NANOS, leftover.getNanosToWaitForRefill()));
                Thread.sleep(Duration.ofNanos(nanos));
            }
        } finally {
            room.release();
        }
    }

    /**
     * One non-blocking decision of {@link #acquire}: whether a request in {@code callClass} may go now (a token is
     * taken if so). What the tests of the order and the shares drive with a settable clock.
     */
    boolean tryAcquire(String clientId, CallClass callClass) {
        BucketProxy bucket = bucket(clientId);
        boolean taken = callClass.urgent() ? bucket.tryConsume(1)
                : bucket.estimateAbilityToConsume(1 + headroom(callClass)).canBeConsumed() && bucket.tryConsume(1)
                        // A share token is spent only when there is a token to spend it on (nobody reserves here).
                        || bucket.estimateAbilityToConsume(1).canBeConsumed() && tookShare(clientId, callClass)
                                && bucket.tryConsume(1);
        if (taken) {
            granted.get(callClass).increment();
        }
        return taken;
    }

    /** Tokens a class leaves in the bucket for the classes before it. */
    static long headroom(CallClass callClass) {
        return switch (callClass) {
            case INTERACTIVE, FRESH -> 0;
            case BACKFILL -> BACKFILL_HEADROOM;
            case READ -> READ_HEADROOM;
            case HOUSEKEEPING -> HOUSEKEEPING_HEADROOM;
        };
    }

    /** Takes a token of the class's minimum share, if it has one now. */
    private boolean tookShare(String clientId, CallClass callClass) {
        double share = shares.of(callClass);
        if (share <= 0) {
            return false;
        }
        // A share bucket holds one token: what a class did not use of its share is not saved up.
        return bucketByKey.computeIfAbsent(clientId + " share " + callClass.purpose(),
                key -> buckets.builder().build(key, () -> bucketOf(1, requestsPerSecond * share))).tryConsume(1);
    }

    private BucketProxy bucket(String clientId) {
        return bucketByKey.computeIfAbsent(clientId, id -> buckets.builder().build(id, () -> configuration));
    }

    /** ORCID answered 503 to {@code clientId}: every instance pauses that client for the cool-off. */
    public void slowDown(String clientId) {
        Instant until = clock.instant().plus(coolOff);
        jdbc.sql("""
                INSERT INTO push_client (client_id, cool_off_until, http503) VALUES (:id, :until, 1)
                ON CONFLICT (client_id) DO UPDATE
                SET cool_off_until = GREATEST(push_client.cool_off_until, excluded.cool_off_until),
                    http503 = push_client.http503 + 1""")
                .param("id", clientId).param("until", Timestamp.from(until)).update();
        coolOffByClient.put(clientId, new KnownCoolOff(until, clock.instant()));
    }

    /** How many 503s ORCID sent to {@code clientId}, across instances. */
    public long http503(String clientId) {
        return jdbc.sql("SELECT http503 FROM push_client WHERE client_id = :id").param("id", clientId)
                .query(Long.class).optional().orElse(0L);
    }

    private void waitOutCoolOff(String clientId) throws InterruptedException {
        Instant until = coolOffUntil(clientId);
        Instant now = clock.instant();
        if (until != null && until.isAfter(now)) {
            Thread.sleep(Duration.between(now, until).toMillis() + 1);
        }
    }

    private Instant coolOffUntil(String clientId) {
        Instant now = clock.instant();
        KnownCoolOff known = coolOffByClient.get(clientId);
        if (known != null && Duration.between(known.readAt(), now).compareTo(COOL_OFF_REFRESH) < 0) {
            return known.until();
        }
        Instant until = jdbc.sql("SELECT cool_off_until FROM push_client WHERE client_id = :id")
                .param("id", clientId).query((rs, n) -> {
                    Timestamp t = rs.getTimestamp(1);
                    return t == null ? Instant.EPOCH : t.toInstant();
                }).optional().orElse(Instant.EPOCH);
        coolOffByClient.put(clientId, new KnownCoolOff(until, now));
        return until;
    }

    private record KnownCoolOff(Instant until, Instant readAt) {
    }
}
