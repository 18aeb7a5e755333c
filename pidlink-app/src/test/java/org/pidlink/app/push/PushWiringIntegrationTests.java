package org.pidlink.app.push;

import static org.assertj.core.api.Assertions.assertThat;

import org.pidlink.app.testsupport.PidlinkSpringTest;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.pidlink.app.accounts.AutoUpdateChanged;
import org.pidlink.app.accounts.ResearcherDisconnected;
import org.pidlink.app.claims.ClaimStatus;
import org.pidlink.app.claims.Claims;
import org.pidlink.app.claims.ClaimsOverview;
import org.pidlink.app.testsupport.GrantedAccess;
import org.pidlink.app.claims.Provenance;
import org.pidlink.app.claims.WriteAccess;
import org.pidlink.app.claims.WriteAccessSource;
import org.pidlink.app.orcid.EmbeddedOrcid;
import org.pidlink.app.orcid.OrcidRegistrations;
import org.pidlink.core.identifiers.OrcidId;
import org.pidlink.emulator.control.ResearcherSpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.springframework.test.context.ActiveProfiles;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * The push engine as the app runs it: claims asserted through the {@link Claims} bean are written to the embedded
 * ORCID emulator by the background workers, through the {@code orcid} feature's clients, which carry the shared
 * rate limiter and the audit listener. Write access comes from tokens the emulator issues, as the accounts
 * feature would hold them after a researcher's grant. Issue 6.
 */
@PidlinkSpringTest
class PushWiringIntegrationTests {

    @TestConfiguration
    static class EmulatorTokens {
        @Bean
        GrantedAccess grantedAccess() {
            return new GrantedAccess();
        }

        @Bean
        @Primary
        WriteAccessSource testWriteAccess(GrantedAccess granted) {
            return granted;
        }
    }

    @Autowired
    Claims claims;

    @Autowired
    ClaimsOverview overview;

    @Autowired
    GrantedAccess access;

    @Autowired
    EmbeddedOrcid orcid;

    @Autowired
    OrcidRegistrations registrations;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PushWorker worker;

    @Autowired
    SpringTemplateEngine templates;

    @Autowired
    ApplicationEventPublisher events;

    @Test
    void theWorkersWriteAssertedClaimsAndAuditEveryCall() {
        assertThat(worker.running()).isTrue();
        OrcidId researcher = new OrcidId(orcid.emulator().control()
                .createResearcher(ResearcherSpec.of("Wired", "Researcher")).orcid());
        String clientId = registrations.clientId(OrcidRegistrations.AUTO_UPDATE);
        String token = orcid.emulator().control().token(researcher.value(), clientId, PushFixture.SCOPES).accessToken();
        access.grant(researcher, OrcidRegistrations.AUTO_UPDATE, token, true);

        long id = claims.assertClaim(researcher, PushFixture.doi(1), OrcidRegistrations.AUTO_UPDATE,
                Provenance.AUTO_UPDATE, PushFixture.work(PushFixture.doi(1), "Wired work")).claimId();

        awaitTrue(() -> claims.find(id).orElseThrow().status() == ClaimStatus.IN_ORCID);
        assertThat(orcid.emulator().control().works(researcher.value())).singleElement()
                .satisfies(w -> assertThat(w.sourceClientId()).isEqualTo(clientId));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM orcid_call WHERE orcid = ? AND method = 'POST' "
                + "AND status = 200 AND registration_id = 'auto-update'", Integer.class, researcher.value()))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM orcid_rate_bucket", Integer.class)).isPositive();
    }

    @Test
    void turningAutoUpdateOnBackfillsAndDisconnectingWithRemovalDeletesTheWorksAtOnce() {
        OrcidId researcher = new OrcidId(orcid.emulator().control()
                .createResearcher(ResearcherSpec.of("Backfilled", "Researcher")).orcid());
        String clientId = registrations.clientId(OrcidRegistrations.AUTO_UPDATE);
        String token = orcid.emulator().control().token(researcher.value(), clientId, PushFixture.SCOPES).accessToken();
        access.grant(researcher, OrcidRegistrations.AUTO_UPDATE, token, false);
        long id = claims.assertClaim(researcher, PushFixture.doi(4), OrcidRegistrations.AUTO_UPDATE,
                Provenance.AUTO_UPDATE, PushFixture.work(PushFixture.doi(4), "Found in metadata")).claimId();
        assertThat(claims.find(id).orElseThrow().status()).isEqualTo(ClaimStatus.WAITING_FOR_PERMISSION);

        access.grant(researcher, OrcidRegistrations.AUTO_UPDATE, token, true);
        events.publishEvent(new AutoUpdateChanged(researcher, true));
        awaitTrue(() -> claims.find(id).orElseThrow().status() == ClaimStatus.IN_ORCID);

        events.publishEvent(new ResearcherDisconnected(researcher, true));
        assertThat(orcid.emulator().control().works(researcher.value())).isEmpty();
        assertThat(claims.find(id).orElseThrow().status()).isEqualTo(ClaimStatus.DELETED_FROM_ORCID);
    }

    @Test
    void claimsOfResearchersWithoutPermissionWait() {
        OrcidId stranger = OrcidId.parse("0000-0002-9079-593X");
        assertThat(access.find(stranger, OrcidRegistrations.AUTO_UPDATE)).isInstanceOf(WriteAccess.Missing.class);

        var result = claims.assertClaim(stranger, PushFixture.doi(2), OrcidRegistrations.AUTO_UPDATE,
                Provenance.AUTO_UPDATE, PushFixture.work(PushFixture.doi(2), "Waiting"));

        assertThat(result.status()).isEqualTo(ClaimStatus.WAITING_FOR_PERMISSION);
        assertThat(result.queued()).isFalse();
    }

    @Test
    void theProfileSectionAndTheAdminQueueShowClaimsWithTheirActions() {
        OrcidId researcher = new OrcidId(orcid.emulator().control()
                .createResearcher(ResearcherSpec.of("Shown", "Researcher")).orcid());
        long id = claims.assertClaim(researcher, PushFixture.doi(3), OrcidRegistrations.AUTO_UPDATE,
                Provenance.SEARCH_AND_LINK, PushFixture.work(PushFixture.doi(3), "A shown work")).claimId();
        jdbc.update("UPDATE claim SET status = 'FAILED_PERMANENTLY', status_reason = 'ORCID refused the work', "
                + "orcid_message = '400 Bad request: title', kept_out = true, queued_action = NULL WHERE id = ?", id);

        String profile = render("claims/profile", Set.of("claims"), Map.of("works",
                claims.page(researcher, 1, 50, registration -> "pidlink"), "claimStatuses", ClaimStatus.values(),
                "reviewFirst", false, "review", claims.awaitingReview(researcher, 1, 20)));
        assertThat(profile).contains("A shown work").contains("10.5281/zenodo.1003").contains("Failed")
                .contains("ORCID said: 400 Bad request: title").contains("/claims/" + id + "/put-back")
                .contains("/claims/sync-now").contains("/claims/remove-all");

        String admin = render("push/admin-queue", null, Map.of("counts", Map.of(ClaimStatus.FAILED_PERMANENTLY, 1L),
                "failed", overview.inStatus(ClaimStatus.FAILED_PERMANENTLY, 10), "retrying", java.util.List.of(),
                "calls", jdbc.queryForList("SELECT * FROM orcid_call ORDER BY id DESC LIMIT 5"), "queued", 0L,
                "budget", java.util.List.of(), "budgetPerSecond", 24.0));
        assertThat(admin).contains("/admin/queue/claims/" + id + "/retry").contains("ORCID refused the work");
    }

    private String render(String template, Set<String> fragments, Map<String, Object> model) {
        MockServletContext servletContext = new MockServletContext();
        var exchange = JakartaServletWebApplication.buildApplication(servletContext)
                .buildExchange(new MockHttpServletRequest(servletContext, "GET", "/"), new MockHttpServletResponse());
        WebContext context = new WebContext(exchange, Locale.ENGLISH, new java.util.HashMap<>(model));
        return fragments == null ? templates.process(template, context)
                : templates.process(template, fragments, context);
    }

    /** Waits for a state change the background workers make; fails after a generous bound, never sleeps blindly. */
    private static void awaitTrue(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the push workers did not get there within 20 s");
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }
}
