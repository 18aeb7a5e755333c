package org.pidlink.app.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pidlink.app.testsupport.Eventually.eventually;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.pidlink.app.admin.TypeMappings;
import org.pidlink.app.claims.WorkFilters.Facts;
import org.pidlink.app.claims.WorkFilters.Filter;
import org.pidlink.app.intake.api.ApiKeys;
import org.pidlink.app.orcid.EmbeddedOrcid;
import org.pidlink.app.testsupport.ConnectedResearchers;
import org.pidlink.app.testsupport.ConnectedResearchers.Person;
import org.pidlink.app.testsupport.DoiMetadata;
import org.pidlink.app.testsupport.Http;
import org.pidlink.app.testsupport.OrcidRecords;
import org.pidlink.app.testsupport.PidlinkSpringTest;
import org.pidlink.core.identifiers.Doi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A researcher's filters (issue 14) through the intake, the settings page and the push engine against the
 * emulator: what they hold back is a claim of its own status saying which filter; a change removes and adds exactly
 * the works it previews on her ORCID record; administrators' locks apply to everybody at once.
 */
@PidlinkSpringTest
class FiltersTests {

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedOrcid orcid;

    @Autowired
    Claims claims;

    @Autowired
    ResearcherFilters filters;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TypeMappings typeMappings;

    @Test
    void aFilterChangeRemovesAndAddsExactlyTheWorksItPreviewsOnHerOrcidRecord() {
        ConnectedResearchers people = new ConnectedResearchers(port, orcid);
        Person fay = people.newResearcher("Fay", "Filters");
        people.connect(fay, true);
        Doi findable = newDoi();
        Doi registered = newDoi();
        Doi version = newDoi();
        Doi contributed = newDoi();
        Doi old = newDoi();
        post(DoiMetadata.dataset(findable, "Findable data").creator("Filters, Fay", fay.orcid()));
        post(DoiMetadata.dataset(registered, "Registered data").creator("Filters, Fay", fay.orcid()).state("registered"));
        post(DoiMetadata.dataset(version, "Version 2").creator("Filters, Fay", fay.orcid())
                .related("IsVersionOf", "10.5281/zenodo.1000"));
        post(DoiMetadata.dataset(contributed, "Curated data").creator("Someone, Else", null)
                .contributor("Filters, Fay", fay.orcid(), "DataCurator"));
        post(DoiMetadata.dataset(old, "Old data").creator("Filters, Fay", fay.orcid()).year(2010));

        // The built-in defaults: findable DOIs only, no versions or parts, everything else sent.
        eventually(() -> assertThat(doisOnRecord(fay)).containsExactlyInAnyOrder(findable.value(),
                contributed.value(), old.value()));
        eventually(() -> assertThat(claimOf(fay, version).status()).isEqualTo(ClaimStatus.FILTERED));
        assertThat(claimOf(fay, registered).status()).isEqualTo(ClaimStatus.FILTERED);
        assertThat(claimOf(fay, registered).statusReason()).isEqualTo(
                "your institution's default is only findable DOIs, and this DOI is registered, not findable");
        assertThat(claimOf(fay, version).statusReason()).isEqualTo("your institution's default is to leave out"
                + " versions and parts of other works, and this DOI IsVersionOf 10.5281/zenodo.1000");
        assertThat(ResearcherViewTests.text(people.page(fay, "/profile"))).contains("Not sent: filtered")
                .contains("Your institution's default is only findable DOIs, and this DOI is registered,"
                        + " not findable.");

        // Registered DOIs in, contributors and works before 2015 out: 2 removed, 1 added, the version stays out.
        WorkFilters change = new WorkFilters(null, false, true, true, 2015);
        FilterPreview preview = filters.preview(fay.orcid(), change, false);
        assertThat(preview).isEqualTo(new FilterPreview(2, 1, 0, 0, 0));
        assertThat(preview.sentence()).isEqualTo("2 works will be removed from your ORCID record, 1 added.");
        assertThat(doisOnRecord(fay)).hasSize(3);

        filters.save(fay.orcid(), change, false);
        eventually(() -> assertThat(doisOnRecord(fay)).containsExactlyInAnyOrder(findable.value(),
                registered.value()));
        eventually(() -> assertThat(claimOf(fay, contributed).status()).isEqualTo(ClaimStatus.FILTERED));
        assertThat(claimOf(fay, contributed).statusReason()).isEqualTo("you chose only works that name you as a"
                + " creator, and this DOI names you as a contributor");
        eventually(() -> assertThat(claimOf(fay, old).status()).isEqualTo(ClaimStatus.FILTERED));
        assertThat(claimOf(fay, old).statusReason()).isEqualTo("you chose a publication-year floor of 2015, and this"
                + " work is from 2010");
        assertThat(claimOf(fay, version).statusReason()).startsWith("you chose to leave out versions");
        assertThat(claimOf(fay, registered).status()).isEqualTo(ClaimStatus.IN_ORCID);
        // Saved as she chose, nothing left to change.
        assertThat(filters.preview(fay.orcid(), change, false).none()).isTrue();

        // Back to the defaults' values: exactly the reverse.
        WorkFilters back = WorkFilters.builtIn();
        assertThat(filters.preview(fay.orcid(), back, false)).isEqualTo(new FilterPreview(1, 2, 0, 0, 0));
        filters.save(fay.orcid(), back, false);
        eventually(() -> assertThat(doisOnRecord(fay)).containsExactlyInAnyOrder(findable.value(),
                contributed.value(), old.value()));
        assertThat(OrcidRecords.worksWithDoi(orcid, fay.orcid(), findable.value())).hasSize(1);
    }

    @Test
    void workTypesThroughIntakeAndTheReviewModeInThePreview() {
        ConnectedResearchers people = new ConnectedResearchers(port, orcid);
        Person gus = people.newResearcher("Gus", "Types");
        people.connect(gus, true);
        List<String> allTypes = FilterForm.workTypes(typeMappings);
        Doi data = newDoi();
        post(DoiMetadata.dataset(data, "A data set").creator("Types, Gus", gus.orcid()));
        eventually(() -> assertThat(doisOnRecord(gus)).containsExactly(data.value()));
        String type = workTypeOf(gus, data);
        List<String> others = new ArrayList<>(allTypes);
        others.remove(type);

        // Every type but the data set's: it leaves her record, and the next one of that type is held back at intake.
        filters.save(gus.orcid(), new WorkFilters(Set.copyOf(others), true, true, false, null), false);
        eventually(() -> assertThat(doisOnRecord(gus)).isEmpty());
        assertThat(claimOf(gus, data).statusReason()).isEqualTo("you chose not to send this type of work (this one"
                + " is a " + type + ")");
        Doi second = newDoi();
        post(DoiMetadata.dataset(second, "Another data set").creator("Types, Gus", gus.orcid()));
        eventually(() -> assertThat(claimOf(gus, second).status()).isEqualTo(ClaimStatus.FILTERED));

        // Every type again, in review-first mode: both wait for her review instead of being added.
        FilterPreview preview = filters.preview(gus.orcid(), new WorkFilters(null, true, true, false, null), true);
        assertThat(preview).isEqualTo(new FilterPreview(0, 0, 0, 2, 0));
        assertThat(preview.sentence()).isEqualTo("0 works will be removed from your ORCID record, 0 added. 2 works"
                + " wait for your review instead of being added.");
        filters.save(gus.orcid(), new WorkFilters(null, true, true, false, null), true);
        assertThat(claimOf(gus, data).status()).isEqualTo(ClaimStatus.AWAITING_REVIEW);
        assertThat(claimOf(gus, second).status()).isEqualTo(ClaimStatus.AWAITING_REVIEW);
        claims.approve(gus.orcid(), null);
        eventually(() -> assertThat(doisOnRecord(gus)).containsExactlyInAnyOrder(data.value(), second.value()));
    }

    @Test
    void aLockAppliesToEveryResearcherAtOnceAndShowsAsLocked() {
        ConnectedResearchers people = new ConnectedResearchers(port, orcid);
        Person hal = people.newResearcher("Hal", "Locked");
        people.connect(hal, true);
        filters.save(hal.orcid(), new WorkFilters(null, false, true, false, null), false);
        Doi registered = newDoi();
        post(DoiMetadata.dataset(registered, "Registered data").creator("Locked, Hal", hal.orcid()).state("registered"));
        eventually(() -> assertThat(doisOnRecord(hal)).containsExactly(registered.value()));
        try {
            filters.saveDefaults(new ResearcherFilters.Defaults(WorkFilters.builtIn(), Set.of(Filter.FINDABLE_ONLY)));
            eventually(() -> assertThat(doisOnRecord(hal)).isEmpty());
            eventually(() -> assertThat(claimOf(hal, registered).status()).isEqualTo(ClaimStatus.FILTERED));
            assertThat(claimOf(hal, registered).statusReason()).isEqualTo("your institution sends only findable DOIs,"
                    + " and this DOI is registered, not findable");
            String page = ResearcherViewTests.text(people.page(hal, "/settings/works"));
            assertThat(page).contains("Locked by your institution: you cannot change this.");
            // She cannot undo it: the locked filter keeps the institution's value.
            assertThat(filters.save(hal.orcid(), new WorkFilters(null, false, true, false, null), false).findableOnly())
                    .isTrue();
            assertThat(filters.of(hal.orcid()).filters().findableOnly()).isTrue();
        } finally {
            filters.saveDefaults(new ResearcherFilters.Defaults(WorkFilters.builtIn(), Set.of()));
        }
        // Unlocked, her own choice is in force again.
        eventually(() -> assertThat(doisOnRecord(hal)).containsExactly(registered.value()));
    }

    @Test
    void defaultsApplyToResearchersWhoHaveNotChosenAndTheAdminPageIsForAdministratorsOnly() {
        ConnectedResearchers people = new ConnectedResearchers(port, orcid);
        Person ida = people.newResearcher("Ida", "Defaults");
        people.signIn(ida);
        HttpResponse<String> refused = people.page(ida, "/admin/filters");
        assertThat(refused.statusCode()).isEqualTo(403);

        Person admin = ConnectedResearchers.demoAdministrator();
        people.signIn(admin);
        HttpResponse<String> page = people.page(admin, "/admin/filters");
        assertThat(page.statusCode()).isEqualTo(200);
        long own = filters.researchersWithOwnFilters();
        assertThat(ResearcherViewTests.text(page)).contains(own == 0 ? "No researcher has chosen filters of their own"
                : own == 1 ? "1 researcher chose filters of their own" : own + " researchers chose filters of their own")
                .doesNotContain("(s)");
        HttpResponse<String> bad = people.submit(admin, page, "/admin/filters",
                Map.of("workTypes", "no-such-type", "yearFloor", "last year", "locked", "EVERYTHING"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(ResearcherViewTests.text(bad)).contains("Nothing was saved")
                .contains("Types of work to send: \"no-such-type\" is not one of the ORCID work types pidlink uses.")
                .contains("Publication year: \"last year\" is not a year")
                .contains("Locks: \"EVERYTHING\" is not one of the filters.");
        assertThat(filters.defaults()).isEqualTo(new ResearcherFilters.Defaults(WorkFilters.builtIn(), Set.of()));

        // A default floor: the researcher who follows the defaults has her old work held back, in the defaults' words.
        Doi old = newDoi();
        post(DoiMetadata.dataset(old, "Old data").creator("Defaults, Ida", ida.orcid()).year(1901));
        eventually(() -> assertThat(claimOf(ida, old).status()).isEqualTo(ClaimStatus.WAITING_FOR_PERMISSION));
        try {
            filters.saveDefaults(new ResearcherFilters.Defaults(new WorkFilters(null, true, true, false, 1950),
                    Set.of()));
            assertThat(claimOf(ida, old).status()).isEqualTo(ClaimStatus.FILTERED);
            assertThat(claimOf(ida, old).statusReason()).isEqualTo("your institution's default is a publication-year"
                    + " floor of 1950, and this work is from 1901");
            assertThat(filters.of(ida.orcid())).satisfies(f -> {
                assertThat(f.own()).isFalse();
                assertThat(f.filters().yearFloor()).isEqualTo(1950);
            });
        } finally {
            filters.saveDefaults(new ResearcherFilters.Defaults(WorkFilters.builtIn(), Set.of()));
        }
        assertThat(claimOf(ida, old).status()).isEqualTo(ClaimStatus.WAITING_FOR_PERMISSION);
    }

    @Test
    void theSettingsPageRefusesBadInputClearlyAndSavesNothing() {
        ConnectedResearchers people = new ConnectedResearchers(port, orcid);
        Person jo = people.newResearcher("Jo", "Form");
        people.signIn(jo);
        HttpResponse<String> page = people.page(jo, "/settings/works");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(ResearcherViewTests.text(page)).contains("You have not changed these yet: they are your"
                + " institution's defaults.");
        HttpResponse<String> bad = people.submit(jo, page, "/settings/works",
                Map.of("action", "save", "workTypes", "data-set", "yearFloor", "20l5", "findableOnly", "true"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(ResearcherViewTests.text(bad)).contains("Nothing was saved or previewed")
                .contains("Publication year: \"20l5\" is not a year");
        HttpResponse<String> none = people.submit(jo, page, "/settings/works", Map.of("action", "preview"));
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(ResearcherViewTests.text(none)).contains("Types of work to send: tick at least one type");
        assertThat(filters.of(jo.orcid()).own()).isFalse();

        String type = FilterForm.workTypes(typeMappings).getFirst();
        HttpResponse<String> preview = people.submit(jo, page, "/settings/works",
                Map.of("action", "preview", "workTypes", type, "yearFloor", "2015"));
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(ResearcherViewTests.text(preview)).contains("Nothing on your ORCID record changes.")
                .contains("Save and apply");
        assertThat(filters.of(jo.orcid()).own()).isFalse();
        HttpResponse<String> saved = people.submit(jo, preview, "/settings/works",
                Map.of("action", "save", "workTypes", type, "yearFloor", "2015"));
        assertThat(ResearcherViewTests.text(saved)).contains("Saved.");
        assertThat(filters.of(jo.orcid())).satisfies(f -> {
            assertThat(f.own()).isTrue();
            assertThat(f.filters()).isEqualTo(new WorkFilters(Set.of(type), false, false, false, 2015));
        });
    }

    /** The rule in Java and the rule in SQL agree, filter by filter. */
    @Test
    void theJavaAndSqlFormsOfTheRuleAgree() {
        List<Facts> facts = List.of(new Facts(null, null, null, 0, null),
                new Facts("REGISTERED", null, "data-set", 2020, "creator"),
                new Facts("FINDABLE", "IsVersionOf 10.1/x", "data-set", 2020, "creator"),
                new Facts("FINDABLE", null, "software", 2020, "creator"),
                new Facts("FINDABLE", null, "data-set", 2020, "contributor"),
                new Facts("FINDABLE", null, "data-set", 1999, null),
                new Facts("FINDABLE", null, "", 0, "contributor"));
        List<WorkFilters> all = List.of(WorkFilters.builtIn(), new WorkFilters(null, false, false, false, null),
                new WorkFilters(Set.of("data-set"), true, true, true, 2000),
                new WorkFilters(Set.of("software"), false, false, true, 2021));
        JdbcClient client = JdbcClient.create(jdbc.getDataSource());
        for (WorkFilters f : all) {
            for (Facts c : facts) {
                Optional<Filter> java = f.heldBackBy(c);
                String sql = f.bind(client.sql("SELECT " + WorkFilters.filteredBySql("c", "f") + " FROM (SELECT"
                                + " CAST(:s AS text) AS doi_state, CAST(:v AS text) AS version_of,"
                                + " CAST(:t AS text) AS work_type, CAST(:y AS integer) AS work_year,"
                                + " CAST(:n AS text) AS named_as) c CROSS JOIN " + WorkFilters.proposedSql() + " f"))
                        .param("s", c.doiState()).param("v", c.versionOf()).param("t", c.workType())
                        .param("y", c.workYear()).param("n", c.namedAs()).query(String.class).optional()
                        .orElse(null);
                assertThat(Optional.ofNullable(sql).map(Filter::valueOf)).as(f + " " + c).isEqualTo(java);
            }
        }
    }

    private List<String> doisOnRecord(Person person) {
        return orcid.emulator().control().works(person.orcid().value()).stream()
                .flatMap(w -> w.work().externalIds().stream().filter(id -> id.type().equals("doi"))
                        .map(id -> id.value().toLowerCase(java.util.Locale.ROOT)))
                .toList();
    }

    private String workTypeOf(Person person, Doi doi) {
        return jdbc.queryForObject("SELECT work_type FROM claim WHERE orcid = ? AND doi = ?", String.class,
                person.orcid().value(), doi.value());
    }

    private ClaimView claimOf(Person person, Doi doi) {
        List<ClaimView> found = claims.forResearcher(person.orcid(), List.of(doi));
        assertThat(found).as("a claim on " + doi).isNotEmpty();
        return found.getFirst();
    }

    private void post(DoiMetadata metadata) {
        metadata.postAccepted(new Http(port), apiKeys.create("tests", null, "test").key());
    }

    private static Doi newDoi() {
        return new Doi("10.5555/filter-" + UUID.randomUUID());
    }
}
