package org.pidlink.app.push;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import javax.sql.DataSource;

import org.pidlink.app.claims.ClaimView;
import org.pidlink.app.claims.Claims;
import org.pidlink.app.testsupport.TestDatabase;
import org.pidlink.app.testsupport.GrantedAccess;
import org.pidlink.app.claims.Provenance;
import org.pidlink.emulator.SettableClock;
import org.pidlink.app.claims.WorkPayload;
import org.pidlink.core.identifiers.Doi;
import org.pidlink.core.identifiers.OrcidId;
import org.pidlink.emulator.OrcidEmulator;
import org.pidlink.emulator.control.ClientInfo;
import org.pidlink.emulator.control.ClientSpec;
import org.pidlink.emulator.control.ResearcherSpec;
import org.pidlink.emulator.state.StoredWork;
import org.pidlink.orcid.client.OrcidClient;
import org.pidlink.orcid.client.OrcidClientSettings;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Claims and push engines wired the way the app wires them, against a real PostgreSQL and the ORCID emulator
 * over real HTTP, with a settable clock. One per test.
 */
final class PushFixture implements AutoCloseable {

    static final String AUTO = "auto-update";
    static final String SCOPES = "/read-limited /activities/update";

    final OrcidEmulator emulator;
    final DataSource dataSource;
    final SettableClock clock = SettableClock.at(Instant.parse("2026-11-21T08:00:00Z"));
    final GrantedAccess access = new GrantedAccess();
    final ClientInfo member;
    final OrcidClient orcid;
    final OrcidCallAudit audit;
    final SharedRateLimiter rateLimiter;
    final StandalonePush push;
    final Claims claims;
    final PushSettings settings;
    private final List<OrcidClient> opened = new ArrayList<>();

    PushFixture(OrcidEmulator emulator, TestDatabase db) {
        this(emulator, db, PushSettings.defaults("test").withCoolOff(Duration.ofMillis(20)));
    }

    PushFixture(OrcidEmulator emulator, TestDatabase db, PushSettings settings) {
        this.emulator = emulator;
        this.dataSource = db.dataSource();
        this.settings = settings;
        this.member = emulator.control().createClient(ClientSpec.member("pidlink tests"));
        this.push = StandalonePush.create(dataSource, clock, settings, access);
        this.audit = push.audit();
        this.rateLimiter = push.limiter();
        this.orcid = client(member);
        this.claims = push.claims().claims();
    }

    OrcidClient client(ClientInfo info) {
        OrcidClient client = OrcidClient.builder(OrcidClientSettings.custom(URI.create(emulator.baseUrl()),
                        info.clientId(), info.clientSecret()))
                .rateLimiter(rateLimiter.forClient(info.clientId())).listener(audit).build();
        opened.add(client);
        return client;
    }

    PushEngine engine(String instanceId) {
        RegisteredClient registered = new RegisteredClient(AUTO, member.clientId(), member.clientId(), orcid);
        return push.engine(id -> id.equals(AUTO) ? Optional.of(registered) : Optional.empty(), new Random(42),
                settings.withInstanceId(instanceId));
    }

    /** An engine whose ORCID client gives up on an answer after {@code timeout}. */
    PushEngine engineWithTimeout(String instanceId, Duration timeout) {
        OrcidClient impatient = OrcidClient.builder(OrcidClientSettings.custom(URI.create(emulator.baseUrl()),
                        member.clientId(), member.clientSecret()).withTimeouts(Duration.ofSeconds(5), timeout))
                .rateLimiter(rateLimiter.forClient(member.clientId())).listener(audit).build();
        opened.add(impatient);
        RegisteredClient registered = new RegisteredClient(AUTO, member.clientId(), member.clientId(), impatient);
        return push.engine(id -> id.equals(AUTO) ? Optional.of(registered) : Optional.empty(), new Random(11),
                settings.withInstanceId(instanceId));
    }

    /** The ORCID client of another instance: its own rate limiter object, sharing only the database. */
    OrcidClient clientWithOwnLimiter() {
        SharedRateLimiter ownLimiter = SharedRateLimiter.of(dataSource, clock, settings);
        OrcidClient client = OrcidClient.builder(OrcidClientSettings.custom(URI.create(emulator.baseUrl()),
                        member.clientId(), member.clientSecret()))
                .rateLimiter(ownLimiter.forClient(member.clientId())).listener(audit).build();
        opened.add(client);
        return client;
    }

    /** A researcher on the emulator who granted pidlink permission (auto-update on). */
    OrcidId connectedResearcher(String name) {
        OrcidId id = new OrcidId(emulator.control().createResearcher(ResearcherSpec.of(name, "Tester")).orcid());
        access.grant(id, AUTO, token(id), true);
        return id;
    }

    String token(OrcidId id) {
        return emulator.control().token(id.value(), member.clientId(), SCOPES).accessToken();
    }

    static WorkPayload work(Doi doi, String title) {
        return WorkPayload.ofCanonicalJson("{\"title\":{\"title\":{\"value\":\"" + title + "\"}},"
                + "\"type\":\"data-set\",\"publication-date\":{\"year\":{\"value\":\"2024\"}},"
                + "\"external-ids\":{\"external-id\":[{\"external-id-type\":\"doi\",\"external-id-value\":\""
                + doi.value() + "\",\"external-id-url\":{\"value\":\"" + doi.url()
                + "\"},\"external-id-relationship\":\"self\"}]}}");
    }

    static Doi doi(int n) {
        return Doi.parse("10.5281/zenodo." + (1000 + n));
    }

    long claim(OrcidId researcher, int n) {
        return claims.assertClaim(researcher, doi(n), AUTO, Provenance.AUTO_UPDATE, work(doi(n), "Work " + n))
                .claimId();
    }

    /** What the accounts events do in the app: the researcher's permission changed. */
    void permissionsChanged(OrcidId researcher, String registrationId) {
        push.claims().permissionsChanged(researcher, registrationId);
    }

    ClaimView view(long claimId) {
        return claims.find(claimId).orElseThrow();
    }

    List<StoredWork> worksOnOrcid(OrcidId researcher) {
        return emulator.control().works(researcher.value());
    }

    /** How many of our works on the record carry this DOI. */
    long copiesOf(OrcidId researcher, Doi doi) {
        return worksOnOrcid(researcher).stream()
                .filter(w -> member.clientId().equals(w.sourceClientId()))
                .filter(w -> w.work().externalIds().stream().anyMatch(id -> id.value().equalsIgnoreCase(doi.value())))
                .count();
    }

    JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource);
    }

    int calls(String method, String path) {
        Integer n = jdbc().queryForObject("SELECT count(*) FROM orcid_call WHERE method = ? AND path LIKE ?",
                Integer.class, method, "%" + path);
        return n == null ? 0 : n;
    }

    @Override
    public void close() {
        opened.forEach(OrcidClient::close);
    }
}
