package org.pidlink.emulator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.pidlink.emulator.Fixtures.JSON;
import static org.pidlink.emulator.Fixtures.XML;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pidlink.core.affiliation.AffiliationKind;
import org.pidlink.emulator.Fixtures.Setup;
import org.pidlink.emulator.Fixtures;
import org.pidlink.emulator.Http;
import org.pidlink.emulator.affiliations.AffiliationCalls;
import org.pidlink.emulator.junit.OrcidEmulatorExtension;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every XML the member API answers is valid against ORCID's real v3.0 XSDs (from ../shared, not our copy): works,
 * each affiliation kind's item, summary and list, and the activities and record that hold them all.
 */
class XmlOutputSchemaTest {

    @RegisterExtension
    static final OrcidEmulatorExtension ORCID = OrcidEmulatorExtension.builder().noRateLimit().build();

    private static Schema schemas;
    private Http http;
    private Setup s;
    private long putCode;
    private final Map<AffiliationKind, Long> affiliations = new EnumMap<>(AffiliationKind.class);

    @BeforeAll
    static void compile() throws Exception {
        Path model = Fixtures.orcidModel();
        SchemaFactory sf = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        schemas = sf.newSchema(new StreamSource[] {
                new StreamSource(model.resolve("record_3.0/record-3.0.xsd").toFile()),
                new StreamSource(model.resolve("record_3.0/bulk-3.0.xsd").toFile())});
    }

    @BeforeEach
    void setUp() {
        http = new Http(ORCID.baseUrl());
        s = Fixtures.setup(ORCID.control(), "Schema Client");
        HttpResponse<String> r = http.post("/v3.0/" + s.orcid() + "/work", Fixtures.writeSample("work-full-3.0.json"),
                "Authorization", s.bearer(), "Content-Type", JSON);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        putCode = Fixtures.putCodeOf(r.headers().firstValue("Location").orElseThrow());
        AffiliationCalls calls = new AffiliationCalls(http, s);
        for (AffiliationKind kind : AffiliationKind.values()) {
            affiliations.put(kind, calls.create(kind, AffiliationCalls.sample(kind)));
        }
        // A second employment in the same group, and one without ids, dates or region.
        ObjectNode grouped = AffiliationCalls.employment("external-identifier-value");
        ((ObjectNode) grouped.get("external-ids").get("external-id").get(0)).put("external-id-relationship", "version-of");
        calls.create(AffiliationKind.EMPLOYMENT, grouped);
        ObjectNode bare = AffiliationCalls.employment("x");
        bare.remove("external-ids");
        bare.remove("start-date");
        ((ObjectNode) bare.get("organization").get("address")).remove("region");
        calls.create(AffiliationKind.EMPLOYMENT, bare);
    }

    private void assertValid(String path) {
        HttpResponse<String> r = http.get(path, "Authorization", s.bearer(), "Accept", XML);
        assertThat(r.body()).as(path).isNotEmpty();
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith(XML);
        assertThatCode(() -> schemas.newValidator().validate(new StreamSource(new StringReader(r.body()))))
                .as(path + "\n" + r.body()).doesNotThrowAnyException();
    }

    @Test
    void work() {
        assertValid("/v3.0/" + s.orcid() + "/work/" + putCode);
    }

    @Test
    void summary() {
        assertValid("/v3.0/" + s.orcid() + "/work/summary/" + putCode);
    }

    @Test
    void works() {
        assertValid("/v3.0/" + s.orcid() + "/works");
    }

    @Test
    void bulkReadWithAnError() {
        assertValid("/v3.0/" + s.orcid() + "/works/" + putCode + ",1");
    }

    @Test
    void error() {
        assertValid("/v3.0/" + s.orcid() + "/work/1");
    }

    @ParameterizedTest
    @EnumSource(AffiliationKind.class)
    void affiliationItem(AffiliationKind kind) {
        assertValid("/v3.0/" + s.orcid() + "/" + kind.value() + "/" + affiliations.get(kind));
    }

    @ParameterizedTest
    @EnumSource(AffiliationKind.class)
    void affiliationSummary(AffiliationKind kind) {
        assertValid("/v3.0/" + s.orcid() + "/" + kind.value() + "/summary/" + affiliations.get(kind));
    }

    @ParameterizedTest
    @EnumSource(AffiliationKind.class)
    void affiliationList(AffiliationKind kind) {
        assertValid("/v3.0/" + s.orcid() + "/" + kind.section());
    }

    @Test
    void emptyAffiliationList() {
        ORCID.control().deleteAffiliation(s.orcid(), affiliations.get(AffiliationKind.SERVICE));
        assertValid("/v3.0/" + s.orcid() + "/services");
    }

    @Test
    void affiliationErrors() {
        assertValid("/v3.0/" + s.orcid() + "/employment/" + affiliations.get(AffiliationKind.SERVICE));
        assertValid("/v3.0/" + s.orcid() + "/affiliations");
    }

    @Test
    void activities() {
        assertValid("/v3.0/" + s.orcid() + "/activities");
    }

    @Test
    void record() {
        assertValid("/v3.0/" + s.orcid() + "/record");
    }
}
