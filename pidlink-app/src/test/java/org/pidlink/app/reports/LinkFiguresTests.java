package org.pidlink.app.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pidlink.app.claims.Claims;
import org.pidlink.app.claims.Provenance;
import org.pidlink.app.claims.WorkPayload;
import org.pidlink.app.intake.api.ApiKeys;
import org.pidlink.app.intake.api.ApiPermission;
import org.pidlink.app.orcid.EmbeddedOrcid;
import org.pidlink.app.orcid.OrcidRegistrations;
import org.pidlink.app.testsupport.ConnectedResearchers;
import org.pidlink.app.testsupport.ConnectedResearchers.Person;
import org.pidlink.app.testsupport.Http;
import org.pidlink.app.testsupport.PidlinkSpringTest;
import org.pidlink.core.identifiers.Doi;
import org.pidlink.core.identifiers.OrcidId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The links' aggregate figures on the reports page (DOIs, links, iDs, links per iD, researchers near ORCID's cap,
 * provenance) and the streamed export of every link, for administrators and for API keys with the export
 * permission.
 */
@PidlinkSpringTest
class LinkFiguresTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedOrcid orcid;

    @Autowired
    Claims claims;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    JdbcTemplate jdbc;

    ConnectedResearchers people;
    Person admin;

    @BeforeEach
    void signInAdministrator() {
        people = new ConnectedResearchers(port, orcid);
        admin = ConnectedResearchers.demoAdministrator();
        people.signIn(admin);
    }

    @Test
    void theReportsPageCountsLinksByDoiIdAndProvenanceAndNamesResearchersNearTheCap() {
        String before = people.page(admin, "/admin/reports?refresh=true").body();
        OrcidId ada = people.newResearcher("Ada", "Creator").orcid();
        OrcidId ben = people.newResearcher("Ben", "Contributor").orcid();
        Doi shared = doi("shared");
        claims.assertClaim(ada, shared, OrcidRegistrations.AUTO_UPDATE, Provenance.AUTO_UPDATE, work(shared, ada, true));
        claims.assertClaim(ben, shared, OrcidRegistrations.AUTO_UPDATE, Provenance.AUTO_UPDATE, work(shared, ben, false));
        Doi adas = doi("ada");
        claims.assertClaim(ada, adas, OrcidRegistrations.AUTO_UPDATE, Provenance.AUTO_UPDATE, work(adas, ada, true));
        claims.assertClaim(ada, adas, OrcidRegistrations.SEARCH_LINK, Provenance.SEARCH_AND_LINK, work(adas, ada, true));
        Doi found = doi("found");
        claims.assertClaim(ben, found, OrcidRegistrations.SEARCH_LINK, Provenance.SEARCH_AND_LINK, work(found, null, false));
        // A hyper-author: 9,000 data files of an instrument series (straight into the table: the page only reads it).
        OrcidId hyper = people.newResearcher("Hyper", "Author").orcid();
        jdbc.update("""
                INSERT INTO claim (orcid, doi, registration_id, provenance, payload_hash, status, named_as,
                                   created_at, updated_at)
                SELECT ?, '10.5555/series.' || ? || '.' || n, 'auto-update', '{AUTO_UPDATE}', 'h' || n,
                       'WAITING_FOR_PERMISSION', 'creator', now(), now()
                FROM generate_series(1, 9000) AS n""", hyper.value(), UUID.randomUUID().toString());

        String html = people.page(admin, "/admin/reports?refresh=true").body();

        assertThat(number(html, "links-dois")).isEqualTo(number(before, "links-dois") + 3 + 9_000);
        assertThat(number(html, "links-links")).isEqualTo(number(before, "links-links") + 4 + 9_000);
        assertThat(number(html, "links-orcids")).isEqualTo(number(before, "links-orcids") + 3);
        assertThat(provenance(html, "Creators (DOI metadata)"))
                .isEqualTo(provenance(before, "Creators (DOI metadata)") + 2 + 9_000);
        assertThat(provenance(html, "Contributors (DOI metadata)"))
                .isEqualTo(provenance(before, "Contributors (DOI metadata)") + 1);
        assertThat(provenance(html, "Search &amp; Link")).isEqualTo(provenance(before, "Search &amp; Link") + 2);
        assertThat(html).containsPattern("<td>" + hyper.value() + "</td>\\s*<td>9,000</td>");
        assertThat(html).contains("<title id=\"links-chart-title\">ORCID iDs by number of links (log scale)</title>")
                .contains("1,000–9,999 links").doesNotContain("<script").doesNotContain("style=");
        // Kept for a few minutes unless counted again.
        Doi later = doi("later");
        claims.assertClaim(ben, later, OrcidRegistrations.SEARCH_LINK, Provenance.SEARCH_AND_LINK, work(later, null, false));
        assertThat(number(people.page(admin, "/admin/reports").body(), "links-links"))
                .isEqualTo(number(html, "links-links"));
    }

    @Test
    void everyLinkIsExportedToAdministratorsAndToKeysWithTheExportPermission() {
        OrcidId cara = people.newResearcher("Cara", "Exported").orcid();
        Doi doi = doi("export");
        claims.assertClaim(cara, doi, OrcidRegistrations.AUTO_UPDATE, Provenance.AUTO_UPDATE, work(doi, cara, false));
        claims.assertClaim(cara, doi, OrcidRegistrations.SEARCH_LINK, Provenance.SEARCH_AND_LINK, work(doi, cara, false));
        long links = jdbc.queryForObject("SELECT count(*) FROM claim WHERE wanted OR kept_out", Long.class);

        HttpResponse<String> csv = people.page(admin, "/admin/reports/links.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.getFirst()).isEqualTo("doi,orcid,provenance,status,created_at,updated_at,written_at");
        assertThat(lines).hasSizeGreaterThanOrEqualTo((int) links + 1);
        // One row per claim: one claim holding both provenances, or two when the registrations use two ORCID clients.
        List<String> caras = lines.stream().filter(l -> l.startsWith(doi.value() + "," + cara.value() + ",")).toList();
        assertThat(caras).isNotEmpty().allSatisfy(l -> assertThat(l.split(",")[3]).isEqualTo("WAITING_FOR_PERMISSION"));
        assertThat(caras.stream().flatMap(l -> java.util.Arrays.stream(l.split(",")[2].split(" "))).distinct())
                .containsExactlyInAnyOrder("contributor", "search-and-link");

        String key = apiKeys.create("exporter-" + UUID.randomUUID(), "export test", "test",
                EnumSet.of(ApiPermission.EXPORT)).key();
        HttpResponse<String> jsonl = api("/api/v1/links", key);
        assertThat(jsonl.statusCode()).isEqualTo(200);
        assertThat(jsonl.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
                assertThat(t).startsWith("application/jsonl"));
        List<JsonNode> rows = jsonl.body().lines().map(JSON::readTree)
                .filter(n -> n.path("doi").stringValue().equals(doi.value())).toList();
        assertThat(rows).isNotEmpty().allSatisfy(row -> {
            assertThat(row.path("orcid").stringValue()).isEqualTo(cara.value());
            assertThat(row.path("status").stringValue()).isEqualTo("WAITING_FOR_PERMISSION");
            assertThat(row.path("written_at").isNull()).isTrue();
            assertThat(row.path("created_at").stringValue()).endsWith("Z");
        });
        assertThat(rows.stream().flatMap(row -> row.path("provenance").values().stream()).map(JsonNode::stringValue)
                .distinct()).containsExactlyInAnyOrder("contributor", "search-and-link");
        assertThat(api("/api/v1/links?format=csv", key).body()).startsWith("doi,orcid,provenance,");

        HttpResponse<String> badFormat = api("/api/v1/links?format=xml", key);
        assertThat(badFormat.statusCode()).isEqualTo(400);
        assertThat(badFormat.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
                assertThat(t).startsWith("application/problem+json"));
        assertThat(badFormat.body()).contains("/problems/invalid-parameter").contains("\"parameter\":\"format\"");
        String doisOnly = apiKeys.create("sender-" + UUID.randomUUID(), "no export", "test",
                EnumSet.of(ApiPermission.DOIS)).key();
        HttpResponse<String> forbidden = api("/api/v1/links", doisOnly);
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
                assertThat(t).startsWith("application/problem+json"));
        assertThat(new Http(port).get("/api/v1/links").statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> api(String path, String key) {
        Http http = new Http(port);
        return http.send(HttpRequest.newBuilder(http.uri(path)).header("Authorization", "Bearer " + key).GET());
    }

    private static Doi doi(String what) {
        return Doi.parse("10.5555/links." + what + "." + UUID.randomUUID());
    }

    /** A work naming {@code named} as a creator (with a sequence, as pidlink maps creators) or a contributor. */
    private static WorkPayload work(Doi doi, @Nullable OrcidId named, boolean creator) {
        String contributors = named == null ? "" : ",\"contributors\":{\"contributor\":[{\"contributor-orcid\":{"
                + "\"uri\":\"https://orcid.org/" + named.value() + "\",\"path\":\"" + named.value()
                + "\",\"host\":\"orcid.org\"},\"credit-name\":{\"value\":\"Someone\"}"
                + (creator ? ",\"contributor-attributes\":{\"contributor-sequence\":\"first\","
                        + "\"contributor-role\":\"author\"}" : "") + "}]}";
        return WorkPayload.ofCanonicalJson("{\"title\":{\"title\":{\"value\":\"Linked\"}},\"type\":\"data-set\","
                + "\"external-ids\":{\"external-id\":[{\"external-id-type\":\"doi\",\"external-id-value\":\""
                + doi.value() + "\",\"external-id-url\":{\"value\":\"" + doi.url()
                + "\"},\"external-id-relationship\":\"self\"}]}" + contributors + "}");
    }

    private static long number(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>([0-9,]+)<").matcher(html);
        assertThat(m.find()).as(id + " on the page").isTrue();
        return Long.parseLong(m.group(1).replace(",", ""));
    }

    private static long provenance(String html, String name) {
        Matcher m = Pattern.compile(">" + Pattern.quote(name) + "</th>\\s*<td>([0-9,]+)</td>").matcher(html);
        assertThat(m.find()).as(name + " on the page").isTrue();
        return Long.parseLong(m.group(1).replace(",", ""));
    }
}
