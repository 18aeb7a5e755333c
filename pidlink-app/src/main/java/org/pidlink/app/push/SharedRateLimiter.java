package org.pidlink.app.push;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import org.pidlink.orcid.client.OrcidRateLimiter;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * ORCID's rate limit per ORCID client, shared by every pidlink instance through PostgreSQL: a Bucket4j token
 * bucket (24 requests/s, burst 40 by default, less a reserve for transit jitter) in {@code orcid_rate_bucket},
 * plus a shared cool-off in
 * {@code push_client} that every instance honours after ORCID answered 503. Thread-safe.
 */
public final class SharedRateLimiter {

    /** How long an instance trusts its copy of another instance's cool-off. */
    private static final Duration COOL_OFF_REFRESH = Duration.ofMillis(200);
    /**
     * A request leaves our bucket some time before it reaches ORCID's, and that time varies (connection set-up, a
     * large bulk body, a busy machine): an early request that arrives late and a later one that arrives early
     * bunch up at ORCID. Keeping this much of the burst in reserve absorbs that jitter, so pidlink never meets a
     * 503 of its own making; the sustained rate stays ORCID's.
     */
    static final Duration TRANSIT_ALLOWANCE = Duration.ofMillis(250);

    private final ProxyManager<String> buckets;
    private final BucketConfiguration configuration;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration coolOff;
    private final Map<String, BucketProxy> bucketByClient = new ConcurrentHashMap<>();
    private final Map<String, KnownCoolOff> coolOffByClient = new ConcurrentHashMap<>();

    public SharedRateLimiter(DataSource dataSource, Clock clock, double requestsPerSecond, int burst,
            Duration coolOff) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("orcid_rate_bucket")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .build();
        // Greedy refill: tokens trickle in continuously (one every 1/24 s), the way ORCID's edge refills.
        long nanosPerToken = Math.round(1_000_000_000d / requestsPerSecond);
        long reserve = Math.round(requestsPerSecond * TRANSIT_ALLOWANCE.toNanos() / 1e9);
        long capacity = Math.max(1, burst - reserve);
        this.configuration = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(1, Duration.ofNanos(nanosPerToken)))
                .build();
        this.jdbc = JdbcClient.create(dataSource);
        this.clock = clock;
        this.coolOff = coolOff;
    }

    public static SharedRateLimiter of(DataSource dataSource, Clock clock, PushSettings settings) {
        return new SharedRateLimiter(dataSource, clock, settings.requestsPerSecond(), settings.burst(),
                settings.coolOff());
    }

    /** The hook to give the ORCID client of {@code clientId}: blocks until a request may be sent. */
    public OrcidRateLimiter forClient(String clientId) {
        return () -> acquire(clientId);
    }

    /** Blocks until one request of {@code clientId} may be sent, by every instance's count. */
    public void acquire(String clientId) throws InterruptedException {
        Instant until = coolOffUntil(clientId);
        Instant now = clock.instant();
        if (until != null && until.isAfter(now)) {
            Thread.sleep(Duration.between(now, until).toMillis() + 1);
        }
        bucketByClient.computeIfAbsent(clientId, id -> buckets.builder().build(id, () -> configuration))
                .asBlocking().consume(1);
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
