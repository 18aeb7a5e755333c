package org.pidlink.emulator.control;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.pidlink.emulator.EmulatorSettings.RateLimit;
import org.pidlink.emulator.state.Client;
import org.pidlink.emulator.state.EmulatorState;
import org.pidlink.emulator.state.EmulatorState.RecordChange;
import org.pidlink.emulator.state.IssuedToken;
import org.pidlink.emulator.state.KnownOrganization;
import org.pidlink.emulator.state.RecordState;
import org.pidlink.emulator.state.Researcher;
import org.pidlink.emulator.state.Scopes;
import org.pidlink.emulator.state.StoredAffiliation;
import org.pidlink.emulator.state.StoredWork;
import org.pidlink.emulator.state.Visibility;
import org.pidlink.emulator.traffic.FaultInjector;
import org.pidlink.emulator.traffic.Faults;
import org.pidlink.emulator.traffic.RateLimiter;
import org.pidlink.emulator.traffic.RequestLog;
import org.pidlink.emulator.traffic.TrafficStats;

/**
 * The control API as Java: what {@code /_emulator/} does over HTTP, callable directly from tests
 * ({@code emulator.control()}). Bad input raises {@link IllegalArgumentException} (HTTP: 400).
 */
public final class EmulatorControl {

    private static final String ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private final EmulatorState state;
    private final RateLimiter rateLimiter;
    private final FaultInjector faults;
    private final TrafficStats stats;
    private final RequestLog log;
    private final SecureRandom random = new SecureRandom();

    public EmulatorControl(EmulatorState state, RateLimiter rateLimiter, FaultInjector faults, TrafficStats stats,
                           RequestLog log) {
        this.state = state;
        this.rateLimiter = rateLimiter;
        this.faults = faults;
        this.stats = stats;
        this.log = log;
    }

    public EmulatorState state() {
        return state;
    }

    public ClientInfo createClient(ClientSpec spec) {
        String id = spec.clientId() != null ? spec.clientId() : freshClientId();
        String secret = spec.clientSecret() != null ? spec.clientSecret() : UUID.randomUUID().toString();
        Client c = state.createClient(id, secret, spec.name(), spec.redirectUris(), spec.member(), spec.premium());
        return new ClientInfo(c.clientId(), secret, c.name(), c.redirectUris(), c.member(), c.premium());
    }

    public ResearcherInfo createResearcher(ResearcherSpec spec) {
        Visibility v = spec.defaultVisibility() == null ? Visibility.PUBLIC : Visibility.fromValue(spec.defaultVisibility());
        Researcher r = state.createResearcher(spec.orcid(), spec.givenNames(), spec.familyName(), spec.creditName(),
                spec.email(), spec.password(), v);
        return info(r);
    }

    public ResearcherInfo researcher(String orcid) {
        return info(existing(orcid));
    }

    public List<ResearcherInfo> researchers() {
        return state.researchers().stream().map(EmulatorControl::info).toList();
    }

    /** A token as if the researcher had authorized the client (or a 2-legged one when {@code orcid} is null). */
    public IssuedToken issueToken(String orcid, String clientId, String scope) {
        Client client = state.client(clientId).orElseThrow(() -> new UnknownEntityException("no client " + clientId));
        if (orcid != null) {
            existing(orcid);
        }
        var scopes = Scopes.parse(scope);
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("scope is required, e.g. \"/read-limited /activities/update\"");
        }
        return state.issueToken(client.clientId(), orcid, scopes, EmulatorState.DEFAULT_EXPIRES_IN_SECONDS, null,
                state.now());
    }

    /** Like {@link #issueToken} but as the token endpoint's values. */
    public TokenGrant token(String orcid, String clientId, String scope) {
        IssuedToken t = issueToken(orcid, clientId, scope);
        Researcher r = orcid == null ? null : existing(orcid);
        return new TokenGrant(t.accessToken(), "bearer", t.refreshToken(),
                t.token().expiresAt().getEpochSecond() - state.now().getEpochSecond(), Scopes.format(t.token().scopes()),
                r == null ? null : r.displayName(), orcid);
    }

    /** An authorization code as the authorize pages would issue it. */
    public String authorizationCode(String clientId, String orcid, String scope, String redirectUri, String nonce) {
        return state.issueAuthorizationCode(clientId, orcid, scope, redirectUri, nonce);
    }

    /** The researcher revokes the client's access; returns how many tokens were revoked. */
    public int revoke(String orcid, String clientId) {
        existing(orcid);
        return state.researcherRevokes(orcid, clientId);
    }

    /** The researcher deletes a work (any source); false if there was none. */
    public boolean deleteWork(String orcid, long putCode) {
        Researcher r = existing(orcid);
        return state.changeWorks(r, works -> works.remove(putCode) != null
                ? RecordChange.changed(true) : RecordChange.unchanged(false));
    }

    /**
     * The researcher adds a work with this DOI herself on orcid.org (public, her own iD as its source): a
     * self-asserted work, as ORCID's record summary counts them. Answers its put-code.
     */
    public long addWorkAsResearcher(String orcid, String title, String doi) {
        Researcher r = existing(orcid);
        var id = new org.pidlink.emulator.works.Work.ExternalId("doi", doi, "https://doi.org/" + doi, "self");
        var work = new org.pidlink.emulator.works.Work(null, title, null, null, null, null, null, "journal-article",
                null, List.of(id), null, List.of(), null, null, null);
        String key = org.pidlink.core.identifiers.ExternalIdNormalizer.standard().matchKey("doi", doi);
        return state.changeWorks(r, works -> {
            var now = state.now();
            StoredWork s = new StoredWork(state.nextPutCode(), orcid, now, now,
                    Visibility.PUBLIC, work, List.of(key));
            works.put(s);
            return RecordChange.changed(s.putCode());
        });
    }

    public List<StoredWork> works(String orcid) {
        return existing(orcid).works();
    }

    /** The record's affiliations, every kind and source, in creation order. */
    public List<StoredAffiliation> affiliations(String orcid) {
        return existing(orcid).affiliations();
    }

    /** The researcher deletes an affiliation (any source), as on orcid.org; false if there was none. */
    public boolean deleteAffiliation(String orcid, long putCode) {
        Researcher r = existing(orcid);
        return state.changeAffiliations(r, affiliations -> affiliations.remove(putCode) != null
                ? RecordChange.changed(true) : RecordChange.unchanged(false));
    }

    /** Adds a row to the emulator's disambiguated-organization table (affiliations must name one, else 9045). */
    public KnownOrganization addOrganization(KnownOrganization organization) {
        state.organizations().add(organization);
        return organization;
    }

    /** The disambiguated-organization table: the fixture and what was added. */
    public List<KnownOrganization> organizations() {
        return state.organizations().all();
    }

    public void setState(String orcid, String newState, String primaryOrcid) {
        existing(orcid);
        state.setState(orcid, RecordState.fromJson(newState), primaryOrcid);
    }

    public void setDefaultVisibility(String orcid, String visibility) {
        state.setDefaultVisibility(orcid, Visibility.fromValue(visibility));
    }

    /** {@code perSecond <= 0} turns rate limiting off. */
    public void rateLimit(double perSecond, int burst) {
        if (perSecond > 0 && burst < 1) {
            throw new IllegalArgumentException("burst must be at least 1");
        }
        rateLimiter.configure(new RateLimit(perSecond, burst));
    }

    public RateLimit rateLimit() {
        return rateLimiter.limit();
    }

    public void faults(Faults f) {
        faults.configure(f);
    }

    public Faults faults() {
        return faults.faults();
    }

    public Map<String, Object> stats() {
        return stats.snapshot();
    }

    public List<RequestLog.Entry> requests(int limit) {
        return log.latest(limit);
    }

    /** Forgets all state, stats and the request log; faults off. The rate limit stays as configured. */
    public void reset() {
        state.reset();
        stats.reset();
        log.clear();
        faults.configure(Faults.NONE);
    }

    private Researcher existing(String orcid) {
        return state.researcher(orcid).orElseThrow(() -> new UnknownEntityException("no researcher " + orcid));
    }

    private String freshClientId() {
        StringBuilder sb = new StringBuilder("APP-");
        for (int i = 0; i < 16; i++) {
            sb.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
        }
        return sb.toString();
    }

    static ResearcherInfo info(Researcher r) {
        return new ResearcherInfo(r.orcid(), "https://orcid.org/" + r.orcid(), r.givenNames(), r.familyName(),
                r.creditName(), r.email(), r.state().jsonName(), r.primaryOrcid(), r.defaultVisibility().value(),
                r.workCount(), r.affiliationCount());
    }
}
