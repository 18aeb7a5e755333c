package org.pidlink.app.release;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The production set-up of docs/deployment.md around a release: its two ORCID member clients registered on a
 * standalone emulator, the sample production application.yml pointed at a PostgreSQL server (secrets in a config
 * tree, the vault key made by {@code pidlink vault-key new}), the command that serves an instance, and the count of
 * works on the emulator. Shared by {@code ProductionSetupIT} and the chaos benchmark.
 */
public final class ProductionSetup {

    public static final String AUTO_UPDATE_CLIENT = "APP-PIDLINKITAUTOUPD";
    public static final String SEARCH_LINK_CLIENT = "APP-PIDLINKITSRCHLNK";
    public static final String SCRAPE_PASSWORD = "it-scrape-password-0123456789";
    private static final Map<String, String> CLIENT_SECRETS = Map.of(AUTO_UPDATE_CLIENT,
            "it-secret-auto-update-0123456789", SEARCH_LINK_CLIENT, "it-secret-search-link-0123456789");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Release release;
    private final String orcid;
    private final HttpClient http;
    private final Path etc;

    private ProductionSetup(Release release, String orcid, HttpClient http, Path etc) {
        this.release = release;
        this.orcid = orcid;
        this.http = http;
        this.etc = etc;
    }

    /**
     * Registers the clients on the emulator at {@code orcid} for the instances' public URLs and writes the
     * configuration into {@code directory}/etc.
     */
    public static ProductionSetup prepare(Release release, Path directory, PostgresServer postgres, String orcid,
            List<String> publicUrls, HttpClient http) throws IOException, InterruptedException {
        ProductionSetup setup = new ProductionSetup(release, orcid, http,
                Files.createDirectories(directory.resolve("etc")));
        CLIENT_SECRETS.forEach((id, secret) -> setup.control("/_emulator/clients", Map.of("clientId", id,
                "clientSecret", secret, "name", "pidlink " + id, "redirectUris", publicUrls, "member", true,
                "premium", true)));
        setup.configure(postgres);
        return setup;
    }

    /** The directory of the configuration (application.yml, secrets, vault keyset). */
    public Path etc() {
        return etc;
    }

    /** The arguments of {@code pidlink serve} for one instance of this set-up, then {@code extra}. */
    public List<String> serve(int port, Path data, String publicUrl, String... extra) {
        List<String> args = new ArrayList<>(List.of("serve", "--port", String.valueOf(port), "--data-dir",
                data.toString(), "--public-url", publicUrl, "--spring.config.additional-location=file:" + etc + "/",
                "--pidlink.orcid.oauth-base=" + orcid, "--pidlink.orcid.api-base=" + orcid));
        args.addAll(List.of(extra));
        return args;
    }

    /** The sample production configuration of the release, pointed at this server, secrets and vault key. */
    private void configure(PostgresServer postgres) throws IOException, InterruptedException {
        Path secrets = Files.createDirectories(etc.resolve("secrets"));
        Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString("rwx------"));
        Files.writeString(secrets.resolve("spring.datasource.password"), postgres.password);
        Files.writeString(secrets.resolve("pidlink.orcid.clients.auto-update.client-secret"),
                CLIENT_SECRETS.get(AUTO_UPDATE_CLIENT));
        Files.writeString(secrets.resolve("pidlink.orcid.clients.search-link.client-secret"),
                CLIENT_SECRETS.get(SEARCH_LINK_CLIENT));
        Files.writeString(secrets.resolve("pidlink.metrics.scrape.password"), SCRAPE_PASSWORD);

        Path keyLog = etc.resolve("vault-key.log");
        Process vaultKey = release.launch(keyLog, Map.of(), "vault-key", "new", etc.resolve("vault-keyset.json")
                .toString());
        if (!vaultKey.waitFor(60, TimeUnit.SECONDS) || vaultKey.exitValue() != 0) {
            throw new IllegalStateException("pidlink vault-key new failed:\n" + Release.tail(keyLog));
        }

        String sample = Files.readString(release.home.resolve("config/application.yml.sample"));
        Map<String, String> replacements = new LinkedHashMap<>();
        replacements.put("/etc/pidlink", etc.toString());
        replacements.put("jdbc:postgresql://db.example.org:5432/pidlink", postgres.jdbcUrl());
        replacements.put("APP-XXXXXXXXXXXXXXXX", AUTO_UPDATE_CLIENT);
        replacements.put("APP-YYYYYYYYYYYYYYYY", SEARCH_LINK_CLIENT);
        for (Map.Entry<String, String> r : replacements.entrySet()) {
            if (!sample.contains(r.getKey())) {
                throw new IllegalStateException("the sample configuration no longer names " + r.getKey());
            }
            sample = sample.replace(r.getKey(), r.getValue());
        }
        Files.writeString(etc.resolve("application.yml"), sample);
    }

    /** A POST to the emulator's control API; its JSON answer. */
    public JsonNode control(String path, Object body) {
        return control("POST", path, body);
    }

    /** The faults the emulator injects into member- and public-API calls from now on (PUT /_emulator/faults). */
    public void faults(Map<String, Object> faults) {
        control("PUT", "/_emulator/faults", faults);
    }

    private JsonNode control(String method, String path, Object body) {
        HttpResponse<String> response = Release.send(http, HttpRequest.newBuilder(URI.create(orcid + path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        if (response.statusCode() != 200 && response.statusCode() != 201) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /**
     * How many times each expected DOI is on its researcher's ORCID record (the public API, as anyone reads it);
     * a researcher whose record cannot be read now (rate limited) counts as {@link Works#unread()}.
     *
     * @param expected the DOIs per researcher's iD
     */
    public Works countWorks(Map<String, List<String>> expected) throws IOException, InterruptedException {
        Map<String, Integer> seen = new HashMap<>();
        List<String> unread = new ArrayList<>();
        for (String researcher : expected.keySet()) {
            HttpResponse<String> works = http.send(HttpRequest.newBuilder(
                            URI.create(orcid + "/pub/v3.0/" + researcher + "/works"))
                    .header("Accept", "application/vnd.orcid+json").build(), HttpResponse.BodyHandlers.ofString());
            if (works.statusCode() != 200) {
                unread.add(researcher);
                continue;
            }
            for (JsonNode group : JSON.readTree(works.body()).path("group")) {
                for (JsonNode summary : group.path("work-summary")) {
                    for (JsonNode id : summary.path("external-ids").path("external-id")) {
                        if ("doi".equals(id.path("external-id-type").asString())) {
                            seen.merge(researcher + " " + id.path("external-id-value").asString()
                                    .toLowerCase(Locale.ROOT), 1, Integer::sum);
                        }
                    }
                }
            }
        }
        List<String> missing = new ArrayList<>();
        List<String> duplicated = new ArrayList<>();
        int total = 0;
        int copies = 0;
        for (Map.Entry<String, List<String>> e : expected.entrySet()) {
            for (String doi : e.getValue()) {
                int n = seen.getOrDefault(e.getKey() + " " + doi.toLowerCase(Locale.ROOT), 0);
                total += Math.min(n, 1);
                copies += n;
                if (n == 0) {
                    missing.add(e.getKey() + " " + doi);
                } else if (n > 1) {
                    duplicated.add(e.getKey() + " " + doi + " ×" + n);
                }
            }
        }
        return new Works(total, copies, missing, duplicated, unread);
    }

    /**
     * @param total      expected works on ORCID at least once
     * @param copies     expected works on ORCID, every copy counted
     * @param missing    expected works not on ORCID ("iD DOI")
     * @param duplicated expected works on ORCID more than once ("iD DOI ×n")
     * @param unread     researchers whose record could not be read this time
     */
    public record Works(int total, int copies, List<String> missing, List<String> duplicated, List<String> unread) {
    }
}
