package org.pidlink.app.push;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code pidlink.push.*}: how the push engine writes to ORCID. Defaults are ORCID's published limits.
 *
 * @param enabled           run the background workers (tests and tools that drive the engine themselves turn
 *                          them off)
 * @param instanceId        this instance's name in leases; defaults to a random one per start
 * @param workers           threads writing in parallel, each for a different researcher (enough to keep ORCID's
 *                          24 calls a second in flight while each bulk call takes over half a second)
 * @param bulkSize          works per bulk {@code POST /works} (1 to 100)
 * @param lease             how long a researcher stays leased; a dead instance's work comes back after it
 * @param maxAttempts       attempts before a transient failure becomes permanent (an administrator can retry)
 * @param backoffBase       first retry delay, doubled with each attempt, with jitter
 * @param backoffMax        longest retry delay
 * @param requestsPerSecond ORCID's rate limit, shared by every instance
 * @param burst             ORCID's burst
 * @param coolOff           how long every instance pauses after ORCID answered 503
 * @param rateLimitedRetries immediate retries of a call answered 503, before it backs off
 * @param pollInterval      how often an idle worker looks for due work
 * @param urgentWorkers     of the workers, how many serve only interactive and fresh work (default 2)
 * @param minShare          the minimum share of ORCID's budget kept for backfill (0.10), reads (0.05) and
 *                          housekeeping (0.02) however busy the earlier classes are
 */
@ConfigurationProperties("pidlink.push")
record PushProperties(
        @DefaultValue("true") boolean enabled,
        String instanceId,
        @DefaultValue("16") int workers,
        @DefaultValue("100") int bulkSize,
        @DefaultValue("2m") Duration lease,
        @DefaultValue("12") int maxAttempts,
        @DefaultValue("5s") Duration backoffBase,
        @DefaultValue("6h") Duration backoffMax,
        @DefaultValue("24") double requestsPerSecond,
        @DefaultValue("40") int burst,
        @DefaultValue("1s") Duration coolOff,
        @DefaultValue("5") int rateLimitedRetries,
        @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("2") int urgentWorkers,
        @DefaultValue MinShare minShare) {

    /** {@code pidlink.push.min-share.*}. */
    record MinShare(@DefaultValue("0.10") double backfill, @DefaultValue("0.05") double read,
            @DefaultValue("0.02") double housekeeping) {
    }

    /** Validated settings; fails at startup with the property's name when a value is out of range. */
    PushSettings settings(String fallbackInstanceId) {
        return new PushSettings(instanceId == null || instanceId.isBlank() ? fallbackInstanceId : instanceId,
                workers, bulkSize, lease, maxAttempts, backoffBase, backoffMax, requestsPerSecond, burst, coolOff,
                rateLimitedRetries, pollInterval, urgentWorkers,
                new BudgetShares(minShare.backfill(), minShare.read(), minShare.housekeeping()));
    }
}
