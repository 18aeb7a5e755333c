package org.pidlink.app.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pidlink.app.orcid.CallClass;
import org.pidlink.app.testsupport.TestDatabase;
import org.pidlink.core.identifiers.OrcidId;
import org.pidlink.emulator.junit.OrcidEmulatorExtension;
import org.pidlink.orcid.client.OrcidClient;

/**
 * Two instances, each with its own rate limiter object, against an emulator that enforces ORCID's limit
 * (24 requests/s, burst 40): because the bucket lives in PostgreSQL, together they stay under it. Two separate
 * buckets would let nearly twice the burst through and meet 503s, whatever classes of work share the budget.
 * Issues 6 and 11.
 */
class SharedRateLimitIntegrationTests {

    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();

    @RegisterExtension
    static final OrcidEmulatorExtension ORCID = OrcidEmulatorExtension.builder().rateLimit(24, 40).build();

    PushFixture fx;

    @BeforeEach
    void setUp() {
        fx = new PushFixture(ORCID.emulator(), DB);
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    void instancesShareOneBucketPerClientAndMeetNo503() throws Exception {
        OrcidId researcher = fx.connectedResearcher("Reader");
        String token = fx.token(researcher);
        // Two instances: each its own limiter object and ORCID client; only the database is shared.
        List<OrcidClient> instances = List.of(fx.clientWithOwnLimiter(), fx.clientWithOwnLimiter());

        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> calls = new ArrayList<>();
            // Every class of work at once: fresh and interactive calls reserve ahead, the later classes take what
            // is left or their minimum share; together they still never exceed ORCID's limit.
            CallClass[] classes = CallClass.values();
            for (int n = 0; n < 100; n++) {
                OrcidClient client = instances.get(n % 2).on(classes[n % classes.length].context(PushFixture.AUTO));
                calls.add(threads.submit(() -> client.works().readWorks(researcher, token).isOk()));
            }
            for (Future<Boolean> call : calls) {
                assertThat(call.get(60, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(emulator503s()).isZero();
    }

    private long emulator503s() {
        long count = 0;
        if (ORCID.control().stats().get(fx.member.clientId()) instanceof Map<?, ?> client) {
            for (Object row : (List<?>) client.get("requests")) {
                if (row instanceof Map<?, ?> m && ((Number) m.get("status")).intValue() == 503) {
                    count += ((Number) m.get("count")).longValue();
                }
            }
        }
        return count;
    }
}
