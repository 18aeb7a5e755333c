package org.pidlink.core.metadata;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pidlink.core.metadata.Samples.orcids;
import static org.assertj.core.api.Assertions.tuple;

class DataCiteJsonReaderTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The sample with {@code attributes.xml} removed, so only the JSON attributes can be read. */
    private static DoiRecord withoutXml(String relative) {
        ObjectNode doc = (ObjectNode) JSON.readTree(Samples.bytes(relative));
        ((ObjectNode) doc.get("data").get("attributes")).remove("xml");
        ReadResult r = MetadataReader.standard().read(JSON.writeValueAsBytes(doc));
        assertThat(r.errors()).isEmpty();
        return r.records().get(0);
    }

    @Test
    void singleDoiReadsStateUrlAndTheEmbeddedXml() {
        DoiRecord r = Samples.single("datacite/api-json/single/10.2314_coscv1.json");
        assertThat(r.doi().value()).isEqualTo("10.2314/coscv1");
        assertThat(r.format()).isEqualTo(MetadataFormat.DATACITE_JSON);
        assertThat(r.state()).isEqualTo(DoiState.FINDABLE);
        assertThat(r.url()).isEqualTo("https://handbuch.tib.eu/w/Handbuch_CoScience/_Version_1.0");
        assertThat(r.titles()).extracting(Title::text)
                .containsExactly("CoScience - Gemeinsam forschen und publizieren mit dem Netz");
        assertThat(r.creators()).hasSize(14);
        assertThat(r.creators()).extracting(Person::name).contains("Blümel, Ina", "Jäschke, Robert", "König, Mareike");
        // XML has schemeURI="" on every ORCID; the scheme alone says ORCID
        assertThat(orcids(r.creators())).filteredOn(o -> o != null).hasSize(12)
                .contains("0000-0003-0232-7085", "0000-0003-1419-2405");
        assertThat(r.resourceType()).isEqualTo(new ResourceType("datacite", "Text", "ScholarlyArticle"));
    }

    @Test
    void theEmbeddedXmlWinsBecauseTheDerivedJsonLostTheOrcids() {
        // The registered XML has the two iDs wrapped in whitespace; DataCite's conversion dropped them from the JSON.
        DoiRecord fromXml = Samples.single("datacite/api-json/single/10.21944_temis-ozone-msr2.json");
        assertThat(orcids(fromXml.creators())).containsExactly("0000-0002-0077-5338", null, "0000-0002-8743-4455");
        assertThat(fromXml.rejectedIdentifiers()).isEmpty();
        assertThat(fromXml.state()).isEqualTo(DoiState.FINDABLE);
        assertThat(fromXml.url()).isEqualTo("http://www.temis.nl/protocols/O3global.html");

        DoiRecord jsonOnly = withoutXml("datacite/api-json/single/10.21944_temis-ozone-msr2.json");
        assertThat(orcids(jsonOnly.creators())).containsOnlyNulls();
        assertThat(jsonOnly.rejectedIdentifiers()).extracting(RejectedIdentifier::value, RejectedIdentifier::reason)
                .containsOnly(tuple("", "blank"));
        assertThat(jsonOnly.resourceType().text()).doesNotContain("\n");
    }

    @Test
    void jsonAttributesAloneGiveTheSameOrcidsWhereTheConversionKeptThem() {
        DoiRecord fromXml = Samples.single("datacite/api-json/single/10.5438_6423.json");
        DoiRecord jsonOnly = withoutXml("datacite/api-json/single/10.5438_6423.json");
        assertThat(orcids(jsonOnly.creators())).hasSize(24).doesNotContainNull()
                .isEqualTo(orcids(fromXml.creators()));
        assertThat(jsonOnly.fundingReferences()).isNotEmpty();
        assertThat(jsonOnly.relatedIdentifiers()).filteredOn(x -> "HasPart".equals(x.relationType())).hasSize(25);
    }

    @Test
    void schemeGivenAsUrlIsAnOrcidScheme() {
        DoiRecord jsonOnly = withoutXml("datacite/api-json/single/10.4121_uuid-3926db30.json");
        assertThat(orcids(jsonOnly.creators())).containsExactly("0000-0002-3978-6464");
        assertThat(jsonOnly.doi().value()).isEqualTo("10.4121/uuid:3926db30-f712-4394-aebc-75976070e91f");
    }

    @Test
    void fundingReferencesAreRead() {
        DoiRecord r = withoutXml("datacite/api-json/single/10.15125_bath-00114.json");
        assertThat(r.fundingReferences()).hasSize(5);
        assertThat(r.fundingReferences().get(0).funderName()).isEqualTo("Engineering and Physical Sciences Research Council (EPSRC)");
        assertThat(r.fundingReferences().get(0).funderIdentifier())
                .isEqualTo(new Identifier("Crossref Funder ID", "https://doi.org/10.13039/501100000266"));
        assertThat(r.fundingReferences()).extracting(FundingReference::awardNumber)
                .contains("EP/J016454/1", "RB1410602");
        assertThat(orcids(r.creators())).containsExactly("0000-0001-8740-8284", null);
    }

    @Test
    void requestPayloadWithAnObjectForNameIdentifiersAndABadChecksum() {
        DoiRecord r = Samples.single("datacite/api-json/request/post-dois-wrong-nameidentifiers.json");
        assertThat(r.doi().value()).isEqualTo("10.14454/10703");
        assertThat(r.state()).isEqualTo(DoiState.UNKNOWN);
        assertThat(orcids(r.creators())).containsExactly("0000-0003-1419-2405", null);
        assertThat(r.rejectedIdentifiers()).containsExactly(new RejectedIdentifier(
                "https://orcid.org/0000-0003-1419-2407", "bad checksum", "Enner, Martin"));
        assertThat(r.publicationYear()).isEqualTo(2016); // given as the string "2016"
    }

    @Test
    void requestPayloadWithTheDoiOnlyAmongTheIdentifiersAndABlankOrcid() {
        ReadResult result = Samples.read("datacite/api-json/request/post-dois-user-example.json");
        assertThat(result.errors()).isEmpty();
        DoiRecord r = result.records().get(0);
        assertThat(r.doi().value()).isEqualTo("10.17918/9zwb-rb91");
        assertThat(r.rejectedIdentifiers()).containsExactly(new RejectedIdentifier("", "blank", "Julia M. Rovera"));
        assertThat(r.creators().get(0).affiliations()).containsExactly("Drexel University");
    }

    @Test
    void listPageReadsEveryRecord() {
        ReadResult result = Samples.read("datacite/api-json/list/stage_dois_query-orcid-and-updated-range_affiliation-true_size25.json");
        assertThat(result.errors()).isEmpty();
        assertThat(result.records()).hasSize(22).allSatisfy(r -> assertThat(r.state()).isEqualTo(DoiState.FINDABLE));
        // checksum-valid stage test iDs outside ORCID's ranges are kept (DataCite's own test data)
        assertThat(result.records().get(0).creators().get(0).orcid().value()).isEqualTo("2220-0021-5000-0004");
        assertThat(result.records().get(0).creators().get(0).affiliations()).containsExactly("Affiliation (only for people)");

        ReadResult page = Samples.read("datacite/api-json/list/dois-page-number-1-size-5.json");
        assertThat(page.records()).extracting(r -> r.doi().value()).startsWith("10.5281/zenodo.3596961").hasSize(5);

        ReadResult funders = Samples.read("datacite/api-json/list/stage_dois_query-crossref-funder-id-and-updated_size25.json");
        assertThat(funders.records()).hasSize(25).allSatisfy(r -> assertThat(r.fundingReferences()).isNotEmpty());
    }

    @Test
    void countOnlyPageHasNoRecordsAndNoErrors() {
        ReadResult result = Samples.read("datacite/api-json/list/stage_dois_query-orcid-and-updated-range_size0-count-only.json");
        assertThat(result.format()).isEqualTo(MetadataFormat.DATACITE_JSON);
        assertThat(result.records()).isEmpty();
        assertThat(result.errors()).isEmpty();
    }

    @Test
    void bareAttributesWithPublisherObjectAndRelatedItems() {
        DoiRecord r = Samples.single("datacite/api-json/attributes-only/datacite-example-full-v4.5_attributes.json");
        assertThat(r.publisher()).isNotBlank().doesNotContain("{");
        assertThat(r.state()).isIn(DoiState.FINDABLE, DoiState.DRAFT, DoiState.REGISTERED, DoiState.UNKNOWN);
        DoiRecord instrument = Samples.single("datacite/api-json/attributes-only/datacite-instrument_attributes.json");
        assertThat(instrument.doi().value()).isEqualTo("10.82433/08qf-ee96");
        assertThat(instrument.creators()).singleElement().satisfies(p -> {
            assertThat(p.nameType()).isEqualTo(Person.NameType.ORGANIZATIONAL);
            assertThat(p.otherIdentifiers()).containsExactly(new Identifier("Wikidata", "Q107529885"));
        });
        assertThat(instrument.identifiers()).containsExactly(new Identifier("SerialNumber", "1234567"));
    }

    @Test
    void resourcesOfOtherTypesAreNotDois() {
        ReadResult claims = Samples.read("datacite/api-json/claims/stage_claims_create-202.json");
        assertThat(claims.records()).isEmpty();
        assertThat(claims.errors()).singleElement().satisfies(e -> {
            assertThat(e.location()).isEqualTo("$.data.type");
            assertThat(e.message()).contains("\"claims\"");
        });
    }

    @Test
    void stateComesFromTheAttributes() {
        String doc = "{\"data\":{\"id\":\"10.5072/D\",\"type\":\"dois\",\"attributes\":{\"state\":\"draft\","
                + "\"titles\":[{\"title\":\"Draft\"}]}}}";
        DoiRecord r = MetadataReader.standard().read(doc.getBytes(StandardCharsets.UTF_8)).records().get(0);
        assertThat(r.doi().value()).isEqualTo("10.5072/d");
        assertThat(r.state()).isEqualTo(DoiState.DRAFT);
    }
}
