package org.pidlink.bench.app;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.pidlink.app.claims.Claims;
import org.pidlink.app.claims.Provenance;
import org.pidlink.app.claims.WorkPayload;
import org.pidlink.app.testsupport.ConnectedResearchers;
import org.pidlink.core.identifiers.Doi;
import org.pidlink.core.identifiers.OrcidId;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A backfill in the whole app, as it happens for real: researchers whose DOIs pidlink already knows (claims that wait
 * for their permission) connect through the real sign-in and grant pages, so their webhooks are registered and their
 * existing DOIs are written as a backfill, at ORCID's limits.
 */
public final class WholeAppBackfill {

    private static final String REGISTRATION = "auto-update";

    private final List<ConnectedResearchers.Person> persons;
    private final ConnectedResearchers people;
    private final int works;
    private final int worksPerResearcher;
    private final JdbcTemplate jdbc;

    private WholeAppBackfill(ConnectedResearchers people, List<ConnectedResearchers.Person> persons, int works,
            int worksPerResearcher, JdbcTemplate jdbc) {
        this.people = people;
        this.persons = persons;
        this.works = works;
        this.worksPerResearcher = worksPerResearcher;
        this.jdbc = jdbc;
    }

    /** Connects the researchers, loads their claims and turns auto-update on: the backfill runs from then on. */
    public static WholeAppBackfill start(RunningPidlink pidlink, int works, int worksPerResearcher) throws Exception {
        WholeAppBackfill backfill = load(pidlink, works, worksPerResearcher);
        backfill.turnAutoUpdateOn();
        return backfill;
    }

    /**
     * New researchers of {@code worksPerResearcher} works each connect through the real sign-in and grant pages
     * (their webhooks are registered) and turn auto-update off; then pidlink learns of their {@code works} DOIs,
     * which wait for auto-update. Nothing is written until {@link #turnAutoUpdateOn()}: granting turns auto-update
     * on (issue 14), so connecting after the DOIs were known would start the backfill while researchers connect.
     */
    public static WholeAppBackfill load(RunningPidlink pidlink, int works, int worksPerResearcher) throws Exception {
        ConnectedResearchers people = new ConnectedResearchers(pidlink.port(), pidlink.orcid());
        int count = Math.max(1, (works + worksPerResearcher - 1) / worksPerResearcher);
        List<ConnectedResearchers.Person> persons = new ArrayList<>();
        List<OrcidId> researchers = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            ConnectedResearchers.Person person = people.newResearcher("Backfill" + r, "Bench");
            persons.add(person);
            researchers.add(person.orcid());
        }
        connectAll(people, persons);
        Claims claims = pidlink.bean(Claims.class);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        long loaded = 0;
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (int r = 0; r < count; r++) {
                OrcidId orcid = researchers.get(r);
                int index = r;
                int mine = Math.min(worksPerResearcher, works - r * worksPerResearcher);
                jobs.add(pool.submit(() -> {
                    for (int w = 0; w < mine; w++) {
                        Doi doi = doi(index, w);
                        claims.assertClaim(orcid, doi, REGISTRATION, Provenance.AUTO_UPDATE, work(doi, index, w));
                    }
                }));
            }
            for (Future<?> job : jobs) {
                job.get();
                loaded += 1;
                if (loaded % 10 == 0) {
                    System.err.printf("backfill: claims of %d of %d researchers loaded%n", loaded, count);
                }
            }
        } finally {
            pool.shutdown();
        }
        return new WholeAppBackfill(people, persons, works, worksPerResearcher,
                new JdbcTemplate(pidlink.bean(DataSource.class)));
    }

    /**
     * Each researcher signs in and grants auto-update's permission through the real pages (her webhook is
     * registered), then turns auto-update off, so that connecting a hundred researchers over HTTP, which takes
     * minutes on a busy machine, is not part of what is measured.
     */
    private static void connectAll(ConnectedResearchers people, List<ConnectedResearchers.Person> persons) {
        for (int r = 0; r < persons.size(); r++) {
            people.connect(persons.get(r), false);
            if ((r + 1) % 10 == 0) {
                System.err.printf("backfill: %d of %d researchers connected through the grant%n", r + 1,
                        persons.size());
            }
        }
    }

    /**
     * Each researcher turns auto-update on in her settings: her existing DOIs are written, as a backfill. Eight at a
     * time, so that the backfill has not finished before a benchmark that runs beside it starts measuring.
     */
    public void turnAutoUpdateOn() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> switches = new ArrayList<>();
            for (ConnectedResearchers.Person person : persons) {
                switches.add(pool.submit(() -> people.setAutoUpdate(person, true)));
            }
            for (Future<?> done : switches) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    public List<OrcidId> researchers() {
        return persons.stream().map(ConnectedResearchers.Person::orcid).toList();
    }

    /** The DOI of the {@code work}th work of the {@code researcher}th researcher. */
    public static Doi doi(int researcher, int work) {
        return Doi.parse("10.5072/backfill." + researcher + "." + work);
    }

    /** How many works the {@code researcher}th researcher has. */
    public int worksOf(int researcher) {
        return Math.min(worksPerResearcher, works - researcher * worksPerResearcher);
    }

    public int works() {
        return works;
    }

    /** How many of the backfill's works are on ORCID now. */
    public long written() {
        return jdbc.queryForObject("SELECT count(*) FROM claim WHERE status IN ('IN_ORCID', 'UNCHANGED') AND doi LIKE "
                + "'10.5072/backfill.%'", Long.class);
    }

    /** A data set's work as pidlink maps DataCite metadata. */
    static WorkPayload work(Doi doi, int researcher, int work) {
        return WorkPayload.ofCanonicalJson("{\"title\":{\"title\":{\"value\":\"Series " + work + " of station "
                + researcher + "\"}},\"type\":\"data-set\",\"publication-date\":{\"year\":{\"value\":\"2024\"}},"
                + "\"external-ids\":{\"external-id\":[{\"external-id-type\":\"doi\",\"external-id-value\":\""
                + doi.value() + "\",\"external-id-url\":{\"value\":\"" + doi.url()
                + "\"},\"external-id-relationship\":\"self\"}]},\"url\":{\"value\":\"" + doi.url() + "\"}}");
    }
}
