package org.pidlink.app.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.pidlink.app.accounts.AccessLevel;
import org.pidlink.app.accounts.Researcher;
import org.pidlink.app.accounts.Researchers;
import org.pidlink.app.accounts.SignedIn;
import org.pidlink.app.accounts.WritePermissions;
import org.pidlink.app.claims.ClaimStatus;
import org.pidlink.app.claims.ClaimLink;
import org.pidlink.app.claims.Claims;
import org.pidlink.app.claims.Provenance;
import org.pidlink.core.identifiers.Doi;
import org.pidlink.core.identifiers.OrcidId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The lookup controller alone (a slice: no database, no ORCID, security filters off): it validates its parameters
 * into problem+json naming the parameter, and translates claims into the public JSON, showing only researchers who
 * chose public lookups. What claims and accounts answer is given by the test (no cache of answers: each test gives
 * its own).
 */
@WebMvcTest(controllers = LookupController.class, properties = "pidlink.lookup.cache.ttl=0")
@AutoConfigureMockMvc(addFilters = false)
@Import({LookupCaching.class, LookupControllerSliceTest.SystemClock.class})
@EnableConfigurationProperties(LookupProperties.class)
class LookupControllerSliceTest {

    /** The application's one clock, which the lookup's configuration needs. */
    @org.springframework.boot.test.context.TestConfiguration(proxyBeanMethods = false)
    static class SystemClock {
        @org.springframework.context.annotation.Bean
        java.time.Clock clock() {
            return java.time.Clock.systemUTC();
        }
    }

    static final OrcidId PUBLIC = new OrcidId("0000-0002-1825-0097");
    static final OrcidId PRIVATE = new OrcidId("0000-0001-5109-3700");
    /** Her work is not on ORCID yet: not listed unless every link is asked for. */
    static final OrcidId QUEUED = new OrcidId("0000-0002-1694-233X");
    static final Doi DOI = Doi.parse("10.5281/zenodo.4242");

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    Claims claims;

    @MockitoBean
    Researchers researchers;

    @MockitoBean
    SignedIn signedIn;

    @MockitoBean
    WritePermissions permissions;

    @Test
    void aMalformedDoiIsAProblemNamingTheParameterAndNothingIsRead() {
        MvcTestResult result = mvc.get().uri("/api/v1/lookup/dois/not-a-doi").exchange();

        assertThat(result).hasStatus(400).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.parameter").isEqualTo("doi");
        verifyNoInteractions(claims, researchers);
    }

    @Test
    void anIdWithABadCheckDigitIsAProblemNamingTheParameter() {
        MvcTestResult result = mvc.get().uri("/api/v1/lookup/orcids/0000-0002-1825-0098").exchange();

        assertThat(result).hasStatus(400).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.parameter").isEqualTo("orcid");
        assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("0000-0002-1825-0098");
        verifyNoInteractions(claims, researchers);
    }

    @Test
    void linksOfResearchersWhoKeepOutOfPublicLookupsAreNotListed() {
        ClaimLink queued = new ClaimLink(QUEUED.value(), DOI.value(), "auto-update", Set.of(Provenance.AUTO_UPDATE),
                ClaimStatus.QUEUED, Instant.parse("2026-11-21T08:00:00Z"));
        when(claims.linksOfDois(List.of(DOI))).thenReturn(Map.of(DOI.value(),
                List.of(inOrcid(PUBLIC), inOrcid(PRIVATE), queued)));
        when(researchers.findAll(any())).thenReturn(Map.of(PUBLIC, researcher(PUBLIC, "Josiah Carberry", true),
                PRIVATE, researcher(PRIVATE, "Quiet Person", false), QUEUED, researcher(QUEUED, "Not Yet", true)));

        MvcTestResult result = mvc.get().uri("/api/v1/lookup/dois/doi:" + DOI.value()).exchange();

        assertThat(result).hasStatus(200);
        assertThat(result).bodyJson().extractingPath("$.doi").isEqualTo(DOI.value());
        assertThat(result).bodyJson().extractingPath("$.links[*].orcid").asArray().containsExactly(PUBLIC.value());
        assertThat(result).bodyJson().extractingPath("$.links[0].name").isEqualTo("Josiah Carberry");
    }

    @Test
    void aResearcherWhoKeepsOutOfPublicLookupsIsNotFound() {
        when(researchers.find(PRIVATE)).thenReturn(Optional.of(researcher(PRIVATE, "Quiet Person", false)));

        MvcTestResult result = mvc.get().uri("/api/v1/lookup/orcids/" + PRIVATE.value()).exchange();

        assertThat(result).hasStatus(404).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        verifyNoInteractions(claims);
    }

    private static ClaimLink inOrcid(OrcidId orcid) {
        return new ClaimLink(orcid.value(), DOI.value(), "auto-update", Set.of(Provenance.AUTO_UPDATE),
                ClaimStatus.IN_ORCID, Instant.parse("2026-11-21T08:00:00Z"));
    }

    private static Researcher researcher(OrcidId orcid, String name, boolean publicProfile) {
        Instant at = Instant.parse("2026-11-01T08:00:00Z");
        return new Researcher(1, orcid, name, false, true, publicProfile, AccessLevel.READ_WRITE, at, at);
    }
}
