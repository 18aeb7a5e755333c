package org.pidlink.emulator.state;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.pidlink.core.identifiers.OrcidId;

/**
 * Everything the emulator knows, in memory: clients, researchers (with their works), tokens and authorization
 * codes. Thread-safe; one instance per {@code OrcidEmulator}, never static. Secrets are stored as hashes.
 * Time comes from the injected {@link Clock}, so tests can expire tokens without sleeping.
 */
public final class EmulatorState {

    /** ORCID's token lifetime: about 20 years (orcid-api.md §2.2). */
    public static final long DEFAULT_EXPIRES_IN_SECONDS = 631138518L;
    /** ORCID's legacy authorization-code lifetime, 1440 minutes (orcid-api.md §2.1). */
    public static final Duration CODE_LIFETIME = Duration.ofMinutes(1440);

    private static final String CODE_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private final Map<String, Researcher> researchers = new ConcurrentHashMap<>();
    private final Map<String, Token> tokensByAccess = new ConcurrentHashMap<>();
    private final Map<String, String> accessByRefresh = new ConcurrentHashMap<>();
    private final Map<String, AuthorizationCode> codes = new ConcurrentHashMap<>();
    private final AtomicLong putCodes = new AtomicLong(1000);
    private final List<StateListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, StateSection> sections = new ConcurrentHashMap<>();
    private final Organizations organizations = new Organizations();
    private final Object tokenChanges = new Object();
    private volatile StateJournal journal = StateJournal.none();

    public EmulatorState(Clock clock) {
        this.clock = clock;
    }

    public Clock clock() {
        return clock;
    }

    public Instant now() {
        return clock.instant();
    }

    /** Where changes are recorded from now on (the emulator sets it once the state is loaded). */
    public void journal(StateJournal journal) {
        this.journal = journal;
    }

    /** The journal of changes: modules record their sections' changes in it. */
    public StateJournal journal() {
        return journal;
    }

    public void addListener(StateListener listener) {
        listeners.add(listener);
    }

    /** Adds a module's own state to what the state file saves and loads. */
    public void addSection(StateSection section) {
        if (sections.putIfAbsent(section.name(), section) != null) {
            throw new IllegalStateException("a state section named " + section.name() + " is registered already");
        }
    }

    // ---- clients -------------------------------------------------------------------------------------------

    public Client createClient(String clientId, String clientSecret, String name, List<String> redirectUris,
                               boolean member, boolean premium) {
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("clientId is required");
        }
        if (clientSecret == null || clientSecret.isBlank()) {
            throw new IllegalArgumentException("clientSecret is required");
        }
        Client c = new Client(clientId, Hashing.sha256(clientSecret), name == null ? clientId : name,
                redirectUris == null ? List.of() : redirectUris, member, premium);
        synchronized (clients) {
            clients.put(clientId, c);
            journal.client(c);
        }
        return c;
    }

    public Optional<Client> client(String clientId) {
        return clientId == null ? Optional.empty() : Optional.ofNullable(clients.get(clientId));
    }

    /** The client if the id and secret match, else empty. */
    public Optional<Client> authenticateClient(String clientId, String secret) {
        return client(clientId).filter(c -> c.secretMatches(secret));
    }

    public Collection<Client> clients() {
        return List.copyOf(clients.values());
    }

    // ---- researchers ---------------------------------------------------------------------------------------

    /**
     * Creates a researcher with a fresh, checksummed iD (or {@code orcid} if given). {@code password} may be
     * null (then the researcher cannot sign in on the pages).
     */
    public Researcher createResearcher(String orcid, String givenNames, String familyName, String creditName,
                                       String email, String password, Visibility defaultVisibility) {
        if (givenNames == null || givenNames.isBlank()) {
            throw new IllegalArgumentException("givenNames is required");
        }
        String id = orcid != null ? new OrcidId(orcid).value() : freshOrcid();
        if (email != null && researcherByEmail(email).isPresent()) {
            throw new IllegalArgumentException("email " + email + " is already used by another researcher");
        }
        Researcher r = new Researcher(id, givenNames, familyName, creditName, email,
                password == null ? null : Hashing.sha256(id + ":" + password),
                defaultVisibility == null ? Visibility.PUBLIC : defaultVisibility, now());
        synchronized (r) {
            if (researchers.putIfAbsent(id, r) != null) {
                throw new IllegalArgumentException("researcher " + id + " already exists");
            }
            journal.researcher(r);
        }
        return r;
    }

    public Optional<Researcher> researcher(String orcid) {
        return orcid == null ? Optional.empty() : Optional.ofNullable(researchers.get(orcid));
    }

    public Optional<Researcher> researcherByEmail(String email) {
        String e = email.trim().toLowerCase(Locale.ROOT);
        return researchers.values().stream()
                .filter(r -> r.email() != null && r.email().toLowerCase(Locale.ROOT).equals(e)).findFirst();
    }

    /** Sign-in as on orcid.org: {@code username} is an iD (any spelling) or an email. */
    public Optional<Researcher> signIn(String username, String password) {
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        Optional<Researcher> r;
        if (username.contains("@")) {
            r = researcherByEmail(username);
        } else {
            try {
                r = researcher(OrcidId.parse(username).value());
            } catch (RuntimeException notAnId) {
                r = Optional.empty();
            }
        }
        return r.filter(x -> x.passwordMatches(password));
    }

    public Collection<Researcher> researchers() {
        return List.copyOf(researchers.values());
    }

    public void setState(String orcid, RecordState state, String primaryOrcid) {
        Researcher r = researcher(orcid).orElseThrow(() -> new IllegalArgumentException("no researcher " + orcid));
        if (state == RecordState.DEPRECATED) {
            if (primaryOrcid == null || researcher(primaryOrcid).isEmpty()) {
                throw new IllegalArgumentException("a deprecated record needs primaryOrcid, an existing researcher");
            }
        }
        Instant at = now();
        synchronized (r) {
            r.state(state, state == RecordState.DEPRECATED ? primaryOrcid : null);
            r.touch(at);
            journal.researcher(r);
        }
        tellListeners(r, at);
    }

    public void setDefaultVisibility(String orcid, Visibility v) {
        Researcher r = researcher(orcid).orElseThrow(() -> new IllegalArgumentException("no researcher " + orcid));
        synchronized (r) {
            r.defaultVisibility(v);
            journal.researcher(r);
        }
    }

    private String freshOrcid() {
        while (true) {
            // The 0009 block is where ORCID issues new iDs today.
            long n = 9_0000_0000_000L + (random.nextLong() & Long.MAX_VALUE) % 1_0000_0000_000L;
            String id = OrcidId.withCheckDigit(String.format("%015d", n)).value();
            if (!researchers.containsKey(id)) {
                return id;
            }
        }
    }

    // ---- tokens --------------------------------------------------------------------------------------------

    /** Issues an access + refresh token pair. {@code orcid} is null for client-credentials tokens. */
    public IssuedToken issueToken(String clientId, String orcid, Set<String> scopes, long expiresInSeconds,
                                  String codeHash, Instant authTime) {
        String access = UUID.randomUUID().toString();
        String refresh = UUID.randomUUID().toString();
        Instant now = now();
        Token t = new Token(Hashing.sha256(access), Hashing.sha256(refresh), clientId, orcid, scopes, now,
                now.plusSeconds(expiresInSeconds), Token.Revocation.NONE, codeHash, authTime);
        synchronized (tokenChanges) {
            tokensByAccess.put(t.accessHash(), t);
            accessByRefresh.put(t.refreshHash(), t.accessHash());
            journal.token(t);
        }
        return new IssuedToken(access, refresh, t);
    }

    /** The token for a presented access token value, whatever its state (check {@link Token#active}). */
    public Optional<Token> tokenByAccess(String accessToken) {
        return accessToken == null ? Optional.empty()
                : Optional.ofNullable(tokensByAccess.get(Hashing.sha256(accessToken)));
    }

    public Optional<Token> tokenByRefresh(String refreshToken) {
        if (refreshToken == null) {
            return Optional.empty();
        }
        String access = accessByRefresh.get(Hashing.sha256(refreshToken));
        return access == null ? Optional.empty() : Optional.ofNullable(tokensByAccess.get(access));
    }

    public void revoke(Token t, Token.Revocation how) {
        changeToken(t.accessHash(), old -> old.revocation() == Token.Revocation.NONE ? old.revoked(how) : old);
    }

    private void changeToken(String accessHash, java.util.function.UnaryOperator<Token> change) {
        synchronized (tokenChanges) {
            Token before = tokensByAccess.get(accessHash);
            Token after = tokensByAccess.computeIfPresent(accessHash, (k, old) -> change.apply(old));
            if (after != null && !after.equals(before)) {
                journal.token(after);
            }
        }
    }

    /** The researcher revokes a client on their account settings: every token of that pair. */
    public int researcherRevokes(String orcid, String clientId) {
        int n = 0;
        for (Token t : tokensByAccess.values()) {
            if (orcid.equals(t.orcid()) && clientId.equals(t.clientId()) && t.revocation() == Token.Revocation.NONE) {
                revoke(t, Token.Revocation.BY_RESEARCHER);
                n++;
            }
        }
        return n;
    }

    /** Tokens of a researcher (for the pages' "trusted organizations" list). */
    public List<Token> tokensOf(String orcid) {
        List<Token> out = new ArrayList<>();
        for (Token t : tokensByAccess.values()) {
            if (orcid.equals(t.orcid())) {
                out.add(t);
            }
        }
        return out;
    }

    // ---- authorization codes ------------------------------------------------------------------------------

    /**
     * Issues a single-use, 6-character authorization code; the authorize pages call this after sign-in and
     * consent, then redirect to {@code redirectUri?code=…}.
     */
    public String issueAuthorizationCode(String clientId, String orcid, String scope, String redirectUri,
                                         String nonce) {
        return issueAuthorizationCode(clientId, orcid, Scopes.parse(scope), redirectUri, nonce, null);
    }

    /** @param authTime when the researcher signed in; null: now (a code issued without a sign-in) */
    public String issueAuthorizationCode(String clientId, String orcid, Set<String> scopes, String redirectUri,
                                         String nonce, Instant authTime) {
        Instant now = now();
        while (true) {
            StringBuilder sb = new StringBuilder(6);
            for (int i = 0; i < 6; i++) {
                sb.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
            }
            String code = sb.toString();
            AuthorizationCode c = new AuthorizationCode(Hashing.sha256(code), clientId, orcid, scopes, redirectUri,
                    nonce, now, now.plus(CODE_LIFETIME), authTime, false);
            if (codes.putIfAbsent(c.codeHash(), c) == null) {
                return code;
            }
        }
    }

    /**
     * Marks a code used and returns it as it was before; empty if unknown. A second use returns the used code,
     * so the caller can answer "Reused authorization code" and disable what it issued.
     */
    public Optional<AuthorizationCode> consumeCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        AuthorizationCode[] before = new AuthorizationCode[1];
        codes.computeIfPresent(Hashing.sha256(code), (k, c) -> {
            before[0] = c;
            return c.markUsed();
        });
        return Optional.ofNullable(before[0]);
    }

    /** Disables every token issued from a code (its reuse is an attack signal). */
    public void disableTokensOfCode(String codeHash) {
        for (Token t : tokensByAccess.values()) {
            if (codeHash.equals(t.codeHash())) {
                changeToken(t.accessHash(), old -> old.revoked(Token.Revocation.DISABLED));
            }
        }
    }

    // ---- works ---------------------------------------------------------------------------------------------

    public long nextPutCode() {
        return putCodes.incrementAndGet();
    }

    /**
     * Runs {@code change} on the record's works under the record's lock, so a duplicate check and the insert it
     * guards are atomic. If it reports a change ({@link RecordChange#changed}), the record is touched and
     * listeners are told.
     */
    public <R> R changeWorks(Researcher r, Function<RecordWorks, RecordChange<R>> change) {
        return change(r, () -> change.apply(r.worksForUpdate()));
    }

    /**
     * Runs {@code change} on the record's affiliations under the record's lock (the same lock as works: ORCID's
     * put-codes and the record's last-modified date are shared), telling listeners when it reports a change.
     */
    public <R> R changeAffiliations(Researcher r, Function<RecordAffiliations, RecordChange<R>> change) {
        return change(r, () -> change.apply(r.affiliationsForUpdate()));
    }

    private <R> R change(Researcher r, Supplier<RecordChange<R>> change) {
        RecordChange<R> result = null;
        Instant at = null;
        synchronized (r) {
            RecordWorks works = r.worksForUpdate();
            try {
                result = change.get();
            } finally {
                // Whatever the change did to works before it failed is on the record: the journal must hold it too.
                RecordWorks.Changes done = works.takeChanges();
                if (!done.isEmpty()) {
                    at = now();
                    r.touch(at);
                    journal.works(r.orcid(), at, done);
                } else if (result != null && result.changed()) {
                    // An affiliation change: saved with the whole state (at stop and when the journal compacts).
                    at = now();
                    r.touch(at);
                }
            }
        }
        if (at != null) {
            tellListeners(r, at);
        }
        return result.value();
    }

    /** ORCID's disambiguated-organization table, as the emulator knows it (affiliations must name a row). */
    public Organizations organizations() {
        return organizations;
    }

    /** The outcome of {@link #changeWorks} and {@link #changeAffiliations}. */
    public record RecordChange<R>(R value, boolean changed) {
        public static <R> RecordChange<R> changed(R value) {
            return new RecordChange<>(value, true);
        }

        public static <R> RecordChange<R> unchanged(R value) {
            return new RecordChange<>(value, false);
        }
    }

    private void tellListeners(Researcher r, Instant at) {
        for (StateListener l : listeners) {
            l.recordChanged(r.orcid(), at);
        }
    }

    // ---- lifecycle -----------------------------------------------------------------------------------------

    /** Forgets everything (clients, researchers, tokens, codes, works, affiliations, added organizations). */
    public void reset() {
        organizations.reset();
        clients.clear();
        researchers.clear();
        tokensByAccess.clear();
        accessByRefresh.clear();
        codes.clear();
        for (StateListener l : listeners) {
            l.reset();
        }
        journal.reset();
    }

    // Package-private views for the snapshot (save/load).
    Map<String, Client> clientMap() {
        return clients;
    }

    Map<String, Researcher> researcherMap() {
        return researchers;
    }

    Map<String, Token> tokenMap() {
        return tokensByAccess;
    }

    Map<String, String> refreshMap() {
        return accessByRefresh;
    }

    Map<String, StateSection> sectionMap() {
        return sections;
    }

    AtomicLong putCodeCounter() {
        return putCodes;
    }
}
