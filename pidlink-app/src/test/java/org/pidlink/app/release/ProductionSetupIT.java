package org.pidlink.app.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pidlink.app.testsupport.ConnectedResearchers;
import org.pidlink.app.testsupport.ConnectedResearchers.Person;
import org.pidlink.app.intake.TestRecords;
import org.pidlink.app.intake.api.ApiKeys;
import org.pidlink.core.identifiers.OrcidId;
import org.postgresql.ds.PGSimpleDataSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The production set-up of docs/deployment.md, for real: a PostgreSQL server process (the machine's own binaries),
 * the ORCID emulator started on its own as the stand-in for ORCID, and two pidlink instances from the release
 * tarball, configured from its sample production application.yml (production preset, secrets in a config tree, the
 * vault key in a file made by {@code pidlink vault-key new}, a public URL each, JSON logs). Researchers connect
 * through both instances, DOI metadata goes in through both, one instance is killed (SIGKILL) while works are being
 * written, and in the end every work is on the emulator exactly once. Skipped only where no PostgreSQL server is
 * installed ({@code .ci/run} installs Debian's).
 */
class ProductionSetupIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int RESEARCHERS = 12;
    private static final int DOIS_PER_RESEARCHER = 20;

    @TempDir
    Path directory;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Release release;
    private PostgresServer postgres;

    @AfterEach
    void stop() throws Exception {
        if (release != null) {
            release.stopAll();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void twoInstancesFromTheReleaseOnOnePostgresServerLoseAndDuplicateNothingWhenOneIsKilled() throws Exception {
        Path bin = PostgresServer.binaries().orElse(null);
        Assumptions.assumeTrue(bin != null, "no PostgreSQL server installed (/usr/lib/postgresql/N/bin); "
                + ".ci/run installs Debian's postgresql");
        release = Release.unpack(directory);
        postgres = PostgresServer.start(bin, Release.freePort());

        // The emulator, on its own, as ORCID; pidlink's two member clients registered for both instances' URLs.
        int emulatorPort = Release.freePort();
        String orcid = "http://127.0.0.1:" + emulatorPort;
        Path emulatorLog = Files.createDirectories(directory.resolve("emulator")).resolve("emulator.log");
        Process emulator = release.launch(emulatorLog, Map.of(), "emulator", "--port", String.valueOf(emulatorPort));
        Release.awaitOk(orcid + "/_emulator/rate-limit", emulator, emulatorLog, Duration.ofMinutes(1));
        int[] ports = {Release.freePort(), Release.freePort()};
        List<String> redirectUris = List.of("http://localhost:" + ports[0], "http://localhost:" + ports[1]);
        ProductionSetup setup = ProductionSetup.prepare(release, directory, postgres, orcid, redirectUris, http);
        List<Process> instances = new ArrayList<>();
        List<Path> logs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Path work = Files.createDirectories(directory.resolve("pidlink-" + (i + 1)));
            logs.add(work.resolve("pidlink.log"));
            instances.add(release.launch(logs.get(i), Map.of(), setup.serve(ports[i], work.resolve("data"),
                    redirectUris.get(i),
                    // short leases and a slow write rate, so that the kill lands mid-run and the test stays short
                    "--pidlink.push.lease=8s", "--pidlink.push.bulk-size=10", "--pidlink.push.requests-per-second=3",
                    "--pidlink.push.burst=3", "--pidlink.intake.poll-interval=250ms").toArray(String[]::new)));
        }
        for (int i = 0; i < 2; i++) {
            Release.awaitOk("http://localhost:" + ports[i] + "/actuator/health", instances.get(i), logs.get(i),
                    Duration.ofMinutes(3));
        }
        assertThat(Files.readString(logs.get(0))).as("JSON logs, from the sample configuration")
                .contains("\"@timestamp\"").doesNotContain("Starting embedded PostgreSQL")
                .doesNotContain("ORCID emulator running at");
        assertThat(scrape(ports[0])).as("Prometheus scrapes with the configured credential").isEqualTo(200);

        // Researchers connect, half of them through each instance (a browser stays with one instance).
        List<Person> researchers = new ArrayList<>();
        for (int i = 0; i < RESEARCHERS; i++) {
            ConnectedResearchers pages = new ConnectedResearchers(ports[i % 2],
                    spec -> new OrcidId(setup.control("/_emulator/researchers", spec).get("orcid").asString()));
            Person person = pages.newResearcher("Researcher" + i, "Production");
            pages.connect(person, true);
            researchers.add(person);
        }

        // DOI metadata in through both instances, with an API key as an administrator would create one.
        PGSimpleDataSource database = new PGSimpleDataSource();
        database.setUrl(postgres.jdbcUrl());
        database.setUser("pidlink");
        database.setPassword(postgres.password);
        String key = new ApiKeys(database, Clock.systemUTC()).create("production-it", null, "test").key();
        Map<String, List<String>> expected = new TreeMap<>();
        for (int batch = 0; batch < DOIS_PER_RESEARCHER; batch++) {
            StringBuilder lines = new StringBuilder();
            for (Person person : researchers) {
                String doi = TestRecords.newDoi();
                expected.computeIfAbsent(person.orcid().value(), o -> new ArrayList<>()).add(doi);
                lines.append(TestRecords.dataciteJson(doi, "findable", "Work " + batch + " of " + person.orcid(),
                        List.of(person.orcid().value()), List.of())).append('\n');
            }
            HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + ports[batch % 2] + "/api/v1/dois"))
                    .header("Authorization", "Bearer " + key).header("Content-Type", "application/x-ndjson")
                    .POST(HttpRequest.BodyPublishers.ofString(lines.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            assertThat(JSON.readTree(accepted.body()).get("accepted").asInt()).isEqualTo(RESEARCHERS);
        }
        int total = RESEARCHERS * DOIS_PER_RESEARCHER;

        // Kill instance 2 while works are being written: whatever it had leased is taken over after the lease.
        Instant patience = Instant.now().plus(Duration.ofMinutes(1));
        int written = 0;
        while (Instant.now().isBefore(patience) && (written = setup.countWorks(expected).total()) < total / 5) {
            Thread.sleep(200);
        }
        assertThat(written).as("some works written before the kill").isPositive().isLessThan(total);
        instances.get(1).destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        System.out.printf("ProductionSetupIT: killed instance 2 (SIGKILL) with %d of %d works on ORCID%n", written,
                total);

        ProductionSetup.Works works = setup.countWorks(expected);
        patience = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(patience) && works.total() < total) {
            Thread.sleep(1000);
            works = setup.countWorks(expected);
        }
        Thread.sleep(3000); // anything still under way lands now, duplicates included
        works = setup.countWorks(expected);
        assertThat(works.missing()).as("works missing on ORCID (killed at %d of %d)\n%s", written, total,
                Release.tail(logs.get(0))).isEmpty();
        assertThat(works.duplicated()).as("works on ORCID more than once").isEmpty();
        assertThat(works.total()).isEqualTo(total);
        assertThat(Release.get("http://localhost:" + ports[0] + "/actuator/health").body()).contains("\"UP\"");
        // e.g. the emulator's ORCID XSDs, which must compile from inside the executable jar too
        assertThat(Files.readString(emulatorLog)).as("the emulator's log").doesNotContain("Exception");
    }

    private int scrape(int port) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("prometheus:" + ProductionSetup.SCRAPE_PASSWORD).getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
