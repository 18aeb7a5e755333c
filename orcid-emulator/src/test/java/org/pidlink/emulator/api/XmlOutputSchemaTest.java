package org.pidlink.emulator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.pidlink.emulator.Fixtures.JSON;
import static org.pidlink.emulator.Fixtures.XML;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pidlink.emulator.Fixtures;
import org.pidlink.emulator.Fixtures.Setup;
import org.pidlink.emulator.Http;
import org.pidlink.emulator.junit.OrcidEmulatorExtension;

/** Every XML the member API answers is valid against ORCID's real v3.0 XSDs (from ../shared, not our copy). */
class XmlOutputSchemaTest {

    @RegisterExtension
    static final OrcidEmulatorExtension ORCID = OrcidEmulatorExtension.builder().noRateLimit().build();

    private static Schema schemas;
    private Http http;
    private Setup s;
    private long putCode;

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
    }

    private void assertValid(String path) {
        HttpResponse<String> r = http.get(path, "Authorization", s.bearer(), "Accept", XML);
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

    @Test
    void activities() {
        assertValid("/v3.0/" + s.orcid() + "/activities");
    }

    @Test
    void record() {
        assertValid("/v3.0/" + s.orcid() + "/record");
    }
}
