package org.pidlink.emulator.affiliations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.pidlink.core.affiliation.AffiliationKind;
import org.pidlink.emulator.Fixtures.Setup;
import org.pidlink.emulator.Fixtures;
import org.pidlink.emulator.Http;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Affiliation requests for the conformance tests: ORCID's own write samples as bodies, real HTTP. */
public final class AffiliationCalls {

    public static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final Http http;
    private final Setup s;

    public AffiliationCalls(Http http, Setup s) {
        this.http = http;
        this.s = s;
    }

    /** ORCID's write sample of the kind ({@code record_3.0/samples/write_samples/{kind}-3.0.json}), to change. */
    public static ObjectNode sample(AffiliationKind kind) {
        return (ObjectNode) MAPPER.readTree(Fixtures.writeSample(kind.value() + "-3.0.json"));
    }

    /** ORCID's XML write sample of the kind. */
    public static String xmlSample(AffiliationKind kind) {
        return Fixtures.writeSample(kind.value() + "-3.0.xml");
    }

    /** A minimal employment at Boston University (in the emulator's organization table), one self grant id. */
    public static ObjectNode employment(String grant) {
        return (ObjectNode) MAPPER.readTree("""
                {"role-title":"Professor","start-date":{"year":{"value":"2021"},"month":{"value":"01"}},
                 "organization":{"name":"Boston University","address":{"city":"Boston","region":"MA","country":"US"},
                   "disambiguated-organization":{"disambiguated-organization-identifier":"https://ror.org/05qwgg493",
                     "disambiguation-source":"ROR"}},
                 "external-ids":{"external-id":[{"external-id-type":"grant_number","external-id-value":"%s",
                   "external-id-relationship":"self"}]}}
                """.formatted(grant));
    }

    public HttpResponse<String> post(AffiliationKind kind, String body, String type) {
        return http.post("/v3.0/" + s.orcid() + "/" + kind.value(), body, "Authorization", s.bearer(),
                "Content-Type", type, "Accept", type);
    }

    public HttpResponse<String> post(AffiliationKind kind, JsonNode body) {
        return post(kind, body.toString(), Fixtures.JSON);
    }

    /** POSTs and expects 201; the put-code from Location. */
    public long create(AffiliationKind kind, JsonNode body) {
        HttpResponse<String> r = post(kind, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return Fixtures.putCodeOf(r.headers().firstValue("Location").orElseThrow());
    }

    public HttpResponse<String> put(AffiliationKind kind, long putCode, JsonNode body) {
        return http.put("/v3.0/" + s.orcid() + "/" + kind.value() + "/" + putCode, body.toString(),
                "Authorization", s.bearer(), "Content-Type", Fixtures.JSON, "Accept", Fixtures.JSON);
    }

    public HttpResponse<String> get(String path, String type) {
        return http.get("/v3.0/" + s.orcid() + path, "Authorization", s.bearer(), "Accept", type);
    }

    public JsonNode getJson(String path) {
        HttpResponse<String> r = get(path, Fixtures.JSON);
        assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
        return MAPPER.readTree(r.body());
    }

    public HttpResponse<String> delete(AffiliationKind kind, long putCode) {
        return http.delete("/v3.0/" + s.orcid() + "/" + kind.value() + "/" + putCode, "Authorization", s.bearer(),
                "Accept", Fixtures.JSON);
    }

    /** Asserts an ORCID error: status, error-code, and returns the body. */
    public static JsonNode assertError(HttpResponse<String> r, int status, int code) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        JsonNode e = MAPPER.readTree(r.body());
        assertThat(e.get("error-code").asInt()).as(r.body()).isEqualTo(code);
        assertThat(e.get("response-code").asInt()).isEqualTo(status);
        return e;
    }
}
