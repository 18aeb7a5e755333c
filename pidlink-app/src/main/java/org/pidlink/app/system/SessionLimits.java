package org.pidlink.app.system;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

/**
 * Counts the sessions per client address and in all, and makes room for a new one: over a ceiling, the oldest
 * session whose sign-in never completed (of that address, or of anyone for the total) is invalidated; if every
 * session there is signed in, the new one is refused. Signed-in researchers are never signed out to make room.
 */
final class SessionLimits implements HttpSessionListener {

    /** Thrown where a session would be created beyond the ceilings. */
    static final class Exceeded extends RuntimeException {
        Exceeded(String message) {
            super(message);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(SessionLimits.class);

    private final SessionProperties properties;
    /** Every session, oldest first, with its client address. */
    private final Map<HttpSession, String> sessions = new LinkedHashMap<>();
    private final Map<String, Deque<HttpSession>> byAddress = new HashMap<>();

    SessionLimits(SessionProperties properties) {
        this.properties = properties;
    }

    /** Makes room for one more session from {@code address}, or throws {@link Exceeded}. */
    void makeRoom(String address) {
        while (true) {
            HttpSession drop;
            synchronized (this) {
                Deque<HttpSession> mine = byAddress.getOrDefault(address, new ArrayDeque<>());
                if (mine.size() >= properties.maxPerAddress()) {
                    drop = oldest(mine, "from " + address + " (pidlink.sessions.max-per-address = "
                            + properties.maxPerAddress() + ")");
                } else if (sessions.size() >= properties.maxTotal()) {
                    drop = oldest(sessions.keySet(), "(pidlink.sessions.max-total = " + properties.maxTotal() + ")");
                } else {
                    return;
                }
                forget(drop);
            }
            try {
                drop.invalidate();
            } catch (IllegalStateException invalidatedMeanwhile) {
                // gone already: what we wanted
            }
        }
    }

    private HttpSession oldest(Iterable<HttpSession> candidates, String where) {
        Iterator<HttpSession> it = candidates.iterator();
        while (it.hasNext()) {
            HttpSession s = it.next();
            if (!signedIn().test(s)) {
                log.info("Too many sessions {}: dropping the oldest unfinished sign-in", where);
                return s;
            }
        }
        throw new Exceeded("Too many signed-in sessions " + where);
    }

    /** Counts a session just created for a request from {@code address}. */
    synchronized void add(HttpSession session, String address) {
        if (sessions.putIfAbsent(session, address) == null) {
            byAddress.computeIfAbsent(address, a -> new ArrayDeque<>()).addLast(session);
        }
    }

    synchronized int count(String address) {
        Deque<HttpSession> mine = byAddress.get(address);
        return mine == null ? 0 : mine.size();
    }

    synchronized int count() {
        return sessions.size();
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        synchronized (this) {
            forget(event.getSession());
        }
    }

    private void forget(HttpSession session) {
        String address = sessions.remove(session);
        if (address != null) {
            Deque<HttpSession> mine = byAddress.get(address);
            mine.remove(session);
            if (mine.isEmpty()) {
                byAddress.remove(address);
            }
        }
    }

    /** Whether a session belongs to someone who completed sign-in. */
    static Predicate<HttpSession> signedIn() {
        return session -> {
            try {
                return session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)
                        instanceof SecurityContext context && signedIn(context.getAuthentication());
            } catch (IllegalStateException invalidated) {
                return false;
            }
        };
    }

    private static boolean signedIn(Authentication authentication) {
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }
}
