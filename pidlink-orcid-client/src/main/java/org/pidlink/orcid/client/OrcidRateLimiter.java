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

    static OrcidRateLimiter unlimited() {
        return () -> { };
    }
}
