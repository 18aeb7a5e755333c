package org.pidlink.orcid.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pidlink.core.affiliation.AffiliationKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** ORCID's affiliation JSON read and written, against ORCID's own samples. */
class AffiliationJsonTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private final AffiliationJson json = new AffiliationJson(MAPPER);

    @ParameterizedTest
    @EnumSource(AffiliationKind.class)
    void orcidsWriteSampleReadsIntoTheModelAndIsWrittenBackTheSame(AffiliationKind kind) {
        ObjectNode sample = (ObjectNode) MAPPER.readTree(SharedData.read(
                "orcid/orcid-model/record_3.0/samples/write_samples/" + kind.value() + "-3.0.json"));
        ObjectNode item = sample.deepCopy();
        item.put("put-code", 7);
        Affiliation a = json.read(kind, item).affiliation();
        assertThat(a).isNotNull();
        assertThat(a.kind()).isEqualTo(kind);
        assertThat(a.organization().disambiguated().source()).isEqualTo(OrganizationIdSource.ROR);
        ObjectNode written = json.write(a, null);
        // ORCID's samples write external-id-url as an object and keep every part: the same tree comes back.
        assertThat(written).isEqualTo(sample);
    }

    @Test
    void theFullRecordSampleYieldsEveryAffiliationWithItsSource() {
        JsonNode record = MAPPER.readTree(SharedData.read(
                "orcid/orcid-model/record_3.0/samples/read_samples/record-full-3.0.json"));
        List<FetchedAffiliation> all = json.activities(record.path("activities-summary"));
        assertThat(all).extracting(FetchedAffiliation::kind).contains(AffiliationKind.EMPLOYMENT,
                AffiliationKind.DISTINCTION, AffiliationKind.SERVICE);
        FetchedAffiliation employment = all.stream().filter(f -> f.kind() == AffiliationKind.EMPLOYMENT).findFirst()
                .orElseThrow();
        assertThat(employment.putCode()).isEqualTo(9266);
        assertThat(employment.sourceClientId()).isEqualTo("APP-OQYKBIN9CXD9U3SH");
        assertThat(employment.visibility()).isEqualTo("public");
        assertThat(employment.affiliation().organization().disambiguated().identifier())
                .isEqualTo("http://dx.doi.org/10.13039/100000001");
        assertThat(employment.affiliation().externalIds()).extracting(ExternalId::normalizedValue)
                .contains("external-identifier-value");
        FetchedAffiliation userAdded = all.stream().filter(f -> f.sourceOrcid() != null).findFirst().orElseThrow();
        assertThat(userAdded.sourceClientId()).isNull();
    }

    @Test
    void contentOrcidHoldsButTheModelCannotIsNullNotAFailure() {
        ObjectNode odd = MAPPER.createObjectNode();
        odd.put("put-code", 3);
        odd.putObject("organization").put("name", "Old org").putObject("disambiguated-organization")
                .put("disambiguated-organization-identifier", "0000000121032683").put("disambiguation-source", "ISNI");
        FetchedAffiliation f = json.read(AffiliationKind.EDUCATION, odd);
        assertThat(f.putCode()).isEqualTo(3);
        assertThat(f.affiliation()).isNull();
        assertThat(f.json()).contains("ISNI");
    }
}
