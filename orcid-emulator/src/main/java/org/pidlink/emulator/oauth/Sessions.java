package org.pidlink.emulator.oauth;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.pidlink.emulator.EmulatorContext;
import org.pidlink.emulator.http.Request;
import org.pidlink.emulator.http.Response;
import org.pidlink.emulator.state.EmulatorState;
import org.pidlink.emulator.state.Hashing;
import org.pidlink.emulator.state.RecordState;
import org.pidlink.emulator.state.Researcher;
import org.pidlink.emulator.state.StateListener;

/**
 * The sign-in session of orcid.org, reduced to one cookie: a researcher who signed in is not asked again
 * (unless a client sends {@code prompt=login}) until they sign out or the session idles out. Session ids are
 * random and kept only as hashes. One instance per emulator ({@code context.shared(Sessions.class, …)}).
 */
public final class Sessions {

    public static final String COOKIE = "orcid_emulator_session";
    static final Duration IDLE_LIMIT = Duration.ofHours(8);

    private final EmulatorState state;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Stored> byHash = new ConcurrentHashMap<>();

    private record Stored(Session session, Instant lastSeen) {
    }

    public Sessions(EmulatorState state) {
        this.state = state;
        state.addListener(new StateListener() {
            @Override
            public void reset() {
                byHash.clear();
            }
        });
    }

    /** This emulator's sessions, shared by the authorize pages and the people pages. */
    public static Sessions of(EmulatorContext ctx) {
        return ctx.shared(Sessions.class, () -> new Sessions(ctx.state()));
    }

    /** Checks the password; on success a new session and the cookie that carries it. */
    public Optional<SignedIn> signIn(String username, String password) {
        return state.signIn(username, password).filter(r -> r.state() == RecordState.ACTIVE).map(this::open);
    }

    private SignedIn open(Researcher r) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = state.now();
        Session s = new Session(Hashing.sha256(id), r.orcid(), r.displayName(), now);
        byHash.put(s.idHash(), new Stored(s, now));
        return new SignedIn(s, COOKIE + "=" + id + "; Path=/; HttpOnly; SameSite=Lax");
    }

    /** The request's live session, if its cookie names one and the researcher can still sign in. */
    public Optional<Session> current(Request request) {
        String id = cookie(request.header("Cookie"));
        if (id == null) {
            return Optional.empty();
        }
        String hash = Hashing.sha256(id);
        Stored stored = byHash.get(hash);
        Instant now = state.now();
        if (stored == null || now.isAfter(stored.lastSeen().plus(IDLE_LIMIT))
                || state.researcher(stored.session().orcid()).map(r -> r.state() != RecordState.ACTIVE).orElse(true)) {
            byHash.remove(hash);
            return Optional.empty();
        }
        byHash.put(hash, new Stored(stored.session(), now));
        return Optional.of(stored.session());
    }

    /** Ends the request's session; the response should carry {@link #clearCookie()}. */
    public void signOut(Request request) {
        String id = cookie(request.header("Cookie"));
        if (id != null) {
            byHash.remove(Hashing.sha256(id));
        }
    }

    public static String clearCookie() {
        return COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax";
    }

    static String cookie(String header) {
        if (header == null) {
            return null;
        }
        for (String part : header.split(";")) {
            String p = part.trim();
            if (p.startsWith(COOKIE + "=")) {
                String v = p.substring(COOKIE.length() + 1);
                return v.isEmpty() ? null : v;
            }
        }
        return null;
    }

    /** A fresh session and its {@code Set-Cookie} value. */
    public record SignedIn(Session session, String setCookie) {
        public Response attachTo(Response response) {
            return response.withHeader("Set-Cookie", setCookie);
        }
    }
}
