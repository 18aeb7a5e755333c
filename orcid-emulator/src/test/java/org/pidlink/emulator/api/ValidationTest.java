package org.pidlink.emulator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pidlink.emulator.Fixtures.JSON;
import static org.pidlink.emulator.Fixtures.XML;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.pidlink.emulator.Fixtures;
import org.pidlink.emulator.Fixtures.Setup;
import org.pidlink.emulator.Http;
import org.pidlink.emulator.junit.OrcidEmulatorExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Validation in ORCID's order (orcid-api.md §3.1): single-work bodies against the real v3.0 XSD (400/9001 for
 * XML, 400/9047 for JSON), then the business rules. Every write sample ORCID accepts is accepted.
 */
class ValidationTest {

    @RegisterExtension
    static final OrcidEmulatorExtension ORCID = OrcidEmulatorExtension.builder().noRateLimit().build();

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private Http http;
    private Setup s;

    @BeforeEach
    void setUp() {
        http = new Http(ORCID.baseUrl());
        s = Fixtures.setup(ORCID.control(), "Validation Client");
    }

    static Stream<Path> singleWorkSamples() throws IOException {
        Path writes = Fixtures.orcidModel().resolve("record_3.0/samples/write_samples");
        Path posts = Fixtures.shared().resolve("orcid/orcid-independent-tests/post_files");
        return Stream.concat(
                Files.list(writes).filter(p -> p.getFileName().toString().startsWith("work-")),
                Files.list(posts).filter(p -> p.getFileName().toString().startsWith("ma30_work")))
                .sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("singleWorkSamples")
    void everySingleWorkSampleIsAccepted(Path sample) {
        String type = sample.toString().endsWith(".json") ? JSON : XML;
        HttpResponse<String> r = http.post("/v3.0/" + s.orcid() + "/work", Fixtures.read(sample),
                "Authorization", s.bearer(), "Content-Type", type, "Accept", JSON);
        assertThat(r.statusCode()).as(sample + ": " + r.body()).isEqualTo(201);
        long pc = Fixtures.putCodeOf(r.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> back = http.get("/v3.0/" + s.orcid() + "/work/" + pc, "Authorization", s.bearer(),
                "Accept", type);
        assertThat(back.statusCode()).isEqualTo(200);
    }

    static List<String> bulkSamples() {
        return List.of("write:bulk-work-3.0.json", "write:bulk-works-3-works-3.0.json",
                "write:bulk-works-100-works-3.0.json", "write:bulk-work-3.0.xml", "post:ma30_bulkworks.xml");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bulkSamples")
    void everyBulkSampleIsAcceptedWithOneResultPerItem(String sample) {
        String name = sample.substring(sample.indexOf(':') + 1);
        String body = sample.startsWith("write:") ? Fixtures.writeSample(name) : Fixtures.postFile(name);
        String type = name.endsWith(".json") ? JSON : XML;
        HttpResponse<String> r = http.post("/v3.0/" + s.orcid() + "/works", body, "Authorization", s.bearer(),
                "Content-Type", type, "Accept", JSON);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode items = MAPPER.readTree(r.body()).get("bulk");
        long expected = type.equals(JSON) ? MAPPER.readTree(body).get("bulk").size()
                : body.split("<work:work[\\s>]", -1).length - 1;
        assertThat(items.size()).isEqualTo(expected);
        assertThat(items.get(0).has("work")).as(r.body()).isTrue();
        for (JsonNode item : items) {
            if (item.has("error")) {
                // The only refusals in ORCID's samples: items without a self identifier.
                assertThat(item.get("error").get("error-code").asInt()).as(item.toString()).isIn(9023, 9021);
            }
        }
    }

    @Test
    void xmlSchemaViolationIs9001WithTheParserMessage() {
        String noTitle = Fixtures.xmlWork("x", "10.1/a").replace("<work:title><common:title>x</common:title></work:title>", "");
        HttpResponse<String> r = postXml(noTitle);
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode e = MAPPER.readTree(r.body());
        assertThat(e.get("error-code").asInt()).isEqualTo(9001);
        assertThat(e.get("developer-message").asString())
                .startsWith("400 Bad Request: There is an issue with your data or the API endpoint.")
                .contains("Full validation error: [org.xml.sax.SAXParseException; lineNumber: ")
                .contains("cvc-complex-type.2.4.a");
    }

    @Test
    void malformedXmlAndDoctypesAre9001() {
        assertThat(code(postXml("<work:work xmlns:work=\"http://www.orcid.org/ns/work\">"))).isEqualTo(9001);
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + Fixtures.xmlWork("&e;", "10.1/xxe");
        HttpResponse<String> r = postXml(xxe);
        assertThat(code(r)).isEqualTo(9001);
        assertThat(r.body()).doesNotContain("root:");
    }

    @Test
    void xmlBlankTitleIsCaughtByTheSchemaNotTheRule() {
        assertThat(code(postXml(Fixtures.xmlWork("   ", "10.1/blank")))).isEqualTo(9001);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "syntax|{\"title\":",
            "unknown field|{\"title\":{\"title\":{\"value\":\"t\"}},\"type\":\"book\",\"colour\":\"red\"}",
            "wrong shape|{\"title\":\"just a string\",\"type\":\"book\"}",
            "missing type (schema)|{\"title\":{\"title\":{\"value\":\"t\"}}}",
            "missing title (schema)|{\"type\":\"book\"}",
            "empty title (schema)|{\"title\":{\"title\":{\"value\":\"\"}},\"type\":\"book\"}",
            "year out of range (schema)|{\"title\":{\"title\":{\"value\":\"t\"}},\"type\":\"book\",\"publication-date\":{\"year\":{\"value\":\"1800\"}}}",
            "bad sequence (schema)|{\"title\":{\"title\":{\"value\":\"t\"}},\"type\":\"book\",\"contributors\":{\"contributor\":[{\"contributor-attributes\":{\"contributor-sequence\":\"middle\"}}]}}"})
    void invalidJsonIs9047(String why, String body) {
        HttpResponse<String> r = postJson(body);
        assertThat(r.statusCode()).as(why).isEqualTo(400);
        JsonNode e = MAPPER.readTree(r.body());
        assertThat(e.get("error-code").asInt()).as(why + ": " + r.body()).isEqualTo(9047);
        assertThat(e.get("developer-message").asString()).startsWith("400 Bad request: invalid JSON - ");
        assertThat(e.get("user-message").asString()).isEqualTo("Invalid JSON.");
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "unknown country|\"country\":{\"value\":\"XY\"}|9037",
            "unknown work type|\"type\":\"poem\"|9037",
            "work type alias accepted|\"type\":\"dataset\"|201",
            "unknown language|\"language-code\":\"xx\"|9037",
            "translated title in an unknown language|\"title\":{\"title\":{\"value\":\"t\"},\"translated-title\":{\"value\":\"tt\",\"language-code\":\"xx\"}}|9037",
            "impossible date|\"publication-date\":{\"year\":{\"value\":\"2021\"},\"month\":{\"value\":\"02\"},\"day\":{\"value\":\"30\"}}|9049",
            "one-digit month|\"publication-date\":{\"year\":{\"value\":\"2021\"},\"month\":{\"value\":\"5\"}}|9020",
            "citation without value|\"citation\":{\"citation-type\":\"bibtex\",\"citation-value\":\" \"}|9020",
            "no external ids|\"external-ids\":{\"external-id\":[]}|9023",
            "no self id|\"external-ids\":{\"external-id\":[{\"external-id-type\":\"doi\",\"external-id-value\":\"10.1/p\",\"external-id-relationship\":\"part-of\"}]}|9023",
            "unknown id type|\"external-ids\":{\"external-id\":[{\"external-id-type\":\"doi-ish\",\"external-id-value\":\"10.1/p\",\"external-id-relationship\":\"self\"}]}|9023",
            "funded-by on isbn|\"external-ids\":{\"external-id\":[{\"external-id-type\":\"doi\",\"external-id-value\":\"10.1/q\",\"external-id-relationship\":\"self\"},{\"external-id-type\":\"isbn\",\"external-id-value\":\"9783161484100\",\"external-id-relationship\":\"funded-by\"}]}|9020",
            "put-code on POST|\"put-code\":12345|9024",
            "unknown contributor role|\"contributors\":{\"contributor\":[{\"credit-name\":{\"value\":\"A\"},\"contributor-attributes\":{\"contributor-role\":\"boss\"}}]}|9058",
            "CRediT role accepted|\"contributors\":{\"contributor\":[{\"credit-name\":{\"value\":\"A\"},\"contributor-attributes\":{\"contributor-role\":\"http://credit.niso.org/contributor-roles/software/\"}}]}|201"})
    void businessRules(String why, String override, int expected) {
        JsonNode base = MAPPER.readTree(Fixtures.jsonWork("Rules", "10.1/rules-" + Math.abs(why.hashCode())));
        JsonNode patch = MAPPER.readTree("{" + override + "}");
        var merged = (tools.jackson.databind.node.ObjectNode) base;
        patch.properties().forEach(e -> merged.set(e.getKey(), e.getValue()));
        HttpResponse<String> r = postJson(merged.toString());
        if (expected == 201) {
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        } else {
            assertThat(r.statusCode()).as(r.body()).isIn(400);
            assertThat(code(r)).as(r.body()).isEqualTo(expected);
        }
    }

    @Test
    void typeErrorListsTheValidValues() {
        JsonNode e = MAPPER.readTree(postJson(Fixtures.jsonWork("t", "10.1/tl").replace("journal-article", "poem")).body());
        assertThat(e.get("developer-message").asString())
                .startsWith("Invalid work type, valid values are: annotation, artistic-performance, blog-post,");
    }

    @Test
    void schemaRunsBeforeTheBusinessRules() {
        // Both an empty journal title (schema) and no external ids (rule 9023): the schema wins.
        String body = "{\"title\":{\"title\":{\"value\":\"t\"}},\"journal-title\":{\"value\":\"\"},\"type\":\"book\"}";
        assertThat(code(postJson(body))).isEqualTo(9047);
    }

    private HttpResponse<String> postXml(String body) {
        return http.post("/v3.0/" + s.orcid() + "/work", body, "Authorization", s.bearer(), "Content-Type", XML,
                "Accept", JSON);
    }

    private HttpResponse<String> postJson(String body) {
        return http.post("/v3.0/" + s.orcid() + "/work", body, "Authorization", s.bearer(), "Content-Type", JSON,
                "Accept", JSON);
    }

    private static int code(HttpResponse<String> r) {
        return MAPPER.readTree(r.body()).get("error-code").asInt();
    }
}
