package org.pidlink.app.system;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code pidlink.sessions.*}: how many browser sessions pidlink holds. Visitors who do not sign in get none; a
 * session starts with a sign-in, lives {@code signInTimeout} idle until the sign-in completes, then
 * {@code server.servlet.session.timeout} (8h) idle.
 *
 * @param maxPerAddress sessions per client address (the address Tomcat sees: behind a reverse proxy, set
 *                      {@code server.forward-headers-strategy}); over it, the address's oldest unfinished sign-in
 *                      is dropped, and when all its sessions are signed in the new sign-in is refused (429)
 * @param maxTotal      sessions in all, with the same rule over every address
 * @param signInTimeout idle timeout of a session whose sign-in has not completed
 */
@ConfigurationProperties("pidlink.sessions")
public record SessionProperties(
        @DefaultValue("100") int maxPerAddress,
        @DefaultValue("20000") int maxTotal,
        @DefaultValue("10m") Duration signInTimeout) {

    public SessionProperties {
        if (maxPerAddress < 1 || maxTotal < 1) {
            throw new IllegalArgumentException("pidlink.sessions.max-per-address and .max-total must be at least 1");
        }
        if (signInTimeout.isNegative() || signInTimeout.isZero()) {
            throw new IllegalArgumentException("pidlink.sessions.sign-in-timeout must be positive");
        }
    }
}
