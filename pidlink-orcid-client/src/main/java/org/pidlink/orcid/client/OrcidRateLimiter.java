package org.pidlink.orcid.client;

/**
 * Called once before every member-API request (retries included), so that all pidlink instances together stay
 * under ORCID's limit of 24 requests per second, burst 40. The application plugs in a limiter shared through its
 * database; the default lets every request through.
 */
@FunctionalInterface
public interface OrcidRateLimiter {

    /** Blocks until one request may be sent. */
    void acquire() throws InterruptedException;

    /**
     * Blocks until one request made for {@code context} may be sent; a limiter shared by work of several kinds may
     * let one kind go before another. By default the context does not matter.
     */
    default void acquire(OrcidCallContext context) throws InterruptedException {
        acquire();
    }

    static OrcidRateLimiter unlimited() {
        return () -> { };
    }
}
