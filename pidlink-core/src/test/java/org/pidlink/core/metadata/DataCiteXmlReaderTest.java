package org.pidlink.core.metadata;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.pidlink.core.identifiers.OrcidId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pidlink.core.metadata.Samples.orcids;
import static org.assertj.core.api.Assertions.tuple;

class DataCiteXmlReaderTest {

    @Test
    void kernel47FullExampleReadsEveryPartAWorkNeeds() {
        DoiRecord r = Samples.single("datacite/xml/official/kernel-4.7-full.xml");
        assertThat(r.doi().value()).isEqualTo("10.82433/b09z-4k37");
        assertThat(r.format()).isEqualTo(MetadataFormat.DATACITE_XML);
        assertThat(r.state()).isEqualTo(DoiState.UNKNOWN);
        assertThat(r.titles()).extracting(Title::text, Title::type, Title::language).containsExactly(
                tuple("Example Title", Title.TitleType.MAIN, "en"),
                tuple("Example Subtitle", Title.TitleType.SUBTITLE, "en"),
                tuple("Example TranslatedTitle", Title.TitleType.TRANSLATED, "fr"),
                tuple("Example AlternativeTitle", Title.TitleType.ALTERNATIVE, "en"));
        // " https://orcid.org/..." with a leading space is the same iD
        assertThat(r.creators()).extracting(Person::name, Person::nameType, Person::position).containsExactly(
                tuple("ExampleFamilyName, ExampleGivenName", Person.NameType.PERSONAL, 0),
                tuple("ExampleOrganization", Person.NameType.ORGANIZATIONAL, 1));
        assertThat(r.creators().get(0).orcid()).isEqualTo(new OrcidId("0000-0001-5727-2427"));
        assertThat(r.creators().get(0).givenName()).isEqualTo("ExampleGivenName");
        assertThat(r.creators().get(0).affiliations()).containsExactly("ExampleAffiliation");
        assertThat(r.creators().get(1).otherIdentifiers())
                .containsExactly(new Identifier("ROR", "https://ror.org/04wxnsj81"));
        assertThat(r.contributors()).hasSize(22);
        assertThat(r.contributors()).extracting(p -> p.roles().get(0)).contains("ContactPerson", "Editor",
                "Translator", "WorkPackageLeader", "Other");
        assertThat(r.contributors().stream().filter(p -> p.orcid() != null)).hasSize(15)
                .allSatisfy(p -> assertThat(p.orcid().value()).isEqualTo("0000-0001-5727-2427"));
        assertThat(r.rejectedIdentifiers()).isEmpty();
        assertThat(r.publisher()).isEqualTo("Example Publisher");
        assertThat(r.publicationYear()).isEqualTo(2024);
        assertThat(r.resourceType()).isEqualTo(new ResourceType("datacite", "Dataset", "Example ResourceType"));
        assertThat(r.language()).isEqualTo("en");
        assertThat(r.dates()).filteredOn(d -> d.type().equals("Issued")).singleElement()
                .isEqualTo(new DoiDate("Issued", new PartialDate(2024, 1, 1), "2024-01-01"));
        assertThat(r.dates()).filteredOn(d -> d.type().equals("Collected")).singleElement()
                .isEqualTo(new DoiDate("Collected", new PartialDate(2024, 1, 1), "2024-01-01/2024-12-31"));
        assertThat(r.fundingReferences()).containsExactly(new FundingReference("Example Funder",
                new Identifier("Crossref Funder ID", "https://doi.org/10.13039/501100000780"), "12345",
                "https://example.com/example-award-uri", "Example AwardTitle"));
        assertThat(r.relatedIdentifiers()).contains(
                new RelatedIdentifier("DOI", "10.1016/j.epsl.2011.11.037", "IsContinuedBy", "Collection"));
        assertThat(r.identifiers()).containsExactly(new Identifier("Local accession number", "12345"));
        assertThat(r.descriptions()).extracting(Description::type).startsWith("Abstract", "Methods");
        assertThat(r.container().title()).isEqualTo("Example SeriesInformation");
        assertThat(r.container().type()).isEqualTo("series");
    }

    @Test
    void affiliationExampleHasBareOrcidsIncludingCheckDigitXAndAJournalContainer() {
        DoiRecord r = Samples.single("datacite/xml/official/affiliation-v4.xml");
        assertThat(orcids(r.creators())).containsExactly("0000-0001-5000-0007", "0000-0002-1825-0097", null);
        assertThat(r.creators().get(1).affiliations()).containsExactly("Brown University", "Wesleyan University");
        assertThat(r.contributors()).singleElement().satisfies(p -> {
            assertThat(p.orcid().value()).isEqualTo("0000-0002-7285-027X");
            assertThat(p.roles()).containsExactly("ProjectLeader");
        });
        assertThat(r.container()).isEqualTo(new Container("Physics letters B", "journal",
                List.of(new Identifier("ISSN", "0370-2693")), "776", null, "249", "264"));
    }

    @Test
    void everyOrcidSpellingOfTheSamplesResolvesToTheSameCanonicalId() {
        // bare + http schemeURI, bare + no slash, URL + empty schemeURI, URL broken over a newline, scheme as URL
        assertThat(orcids(Samples.single("datacite/xml/official/kernel-3.1-full.xml").creators()))
                .containsExactly("0000-0001-5000-0007");
        assertThat(orcids(Samples.single("datacite/xml/official/software-v4.3.xml").creators()))
                .contains("0000-0002-2997-2175");
        assertThat(orcids(Samples.single("datacite/xml/from-api/10.2314_coscv1.xml").creators()))
                .startsWith("0000-0003-0232-7085", "0000-0002-3075-7640").hasSize(14)
                .filteredOn(o -> o != null).hasSize(12);
        assertThat(orcids(Samples.single("datacite/xml/official/poster-v4.7.xml").creators()))
                .containsExactly("0000-0001-5727-2427");
        assertThat(orcids(Samples.single("datacite/xml/official/relationtypeinformation-preprint-v4.7.xml")
                .creators())).contains("0000-0001-5727-2427");
        assertThat(orcids(Samples.single("datacite/xml/from-api/10.4121_uuid-3926db30.xml").creators()))
                .containsExactly("0000-0002-3978-6464");
        assertThat(orcids(Samples.single("datacite/xml/edge/dash-schema-4.0-http-orcid.xml").creators()))
                .contains("0000-0002-8862-1404", "0000-0002-9627-2427");
        // whitespace and newlines around the value
        assertThat(orcids(Samples.single("datacite/xml/from-api/10.21944_temis-ozone-msr2.xml").creators()))
                .containsExactly("0000-0002-0077-5338", null, "0000-0002-8743-4455");
    }

    @Test
    void doubledPrefixAnd0009BlockIdsAreAccepted() {
        DoiRecord r = Samples.single("datacite/xml/official/project-v4.6.xml");
        assertThat(r.resourceType().general()).isEqualTo("Project");
        assertThat(r.contributors()).filteredOn(p -> "Packer, Tara".equals(p.name())).singleElement()
                .satisfies(p -> assertThat(p.orcid().value()).isEqualTo("0009-0009-0223-2917"));
        assertThat(r.rejectedIdentifiers()).isEmpty();
    }

    @Test
    void blankOrcidsAreRejectedWithThePersonsName() {
        DoiRecord r = Samples.single("datacite/xml/edge/blank-orcid-nameidentifier.xml");
        assertThat(r.creators()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("SNO KARST");
            assertThat(p.orcid()).isNull();
        });
        assertThat(r.rejectedIdentifiers()).containsExactly(
                new RejectedIdentifier("", "blank", "SNO KARST"),
                new RejectedIdentifier("", "blank", "Manche, Yannick"));
    }

    @Test
    void junkOrcidIsRejectedExactlyAsFound() {
        DoiRecord r = Samples.single("datacite/xml/official/kernel-2.2-sample.xml");
        assertThat(r.doi().value()).isEqualTo("10.1594/wdcc/ccsrnies_sres_b2");
        assertThat(r.rejectedIdentifiers())
                .containsExactly(new RejectedIdentifier("xyz789", "not an ORCID iD", "Doe, John"));
        assertThat(r.creators().get(1).otherIdentifiers())
                .containsExactly(new Identifier("ISNI", "1422 4586 3573 0476"));
        assertThat(r.contributors()).extracting(Person::name, p -> p.roles().get(0))
                .containsExactly(tuple("PANGAEA", "DataManager"), tuple("Doe, John", "ContactPerson"));
    }

    @Test
    void emptySchemeAttributesOnAnOrganisationAreNotAnOrcid() {
        DoiRecord r = Samples.single("datacite/xml/edge/journalarticle-empty-scheme-attrs.xml");
        assertThat(orcids(r.creators())).containsExactly("0000-0003-1905-2698");
        assertThat(r.contributors()).singleElement().satisfies(p -> {
            assertThat(p.orcid()).isNull();
            assertThat(p.otherIdentifiers()).isEmpty();
            assertThat(p.roles()).containsExactly("HostingInstitution");
        });
        assertThat(r.rejectedIdentifiers()).isEmpty();
        assertThat(r.dates()).first().isEqualTo(new DoiDate("Issued", new PartialDate(1995, 11, null), "1995-11"));
        assertThat(r.relatedIdentifiers()).contains(new RelatedIdentifier("ISSN", "0040-4411", "IsPublishedIn", "Journal"));
    }

    @Test
    void prefixedNamespacesAreReadLikeDefaultOnes() {
        DoiRecord pik = Samples.single("datacite/xml/edge/default-prefixed-namespace-pik.xml");
        assertThat(pik.doi().value()).isEqualTo("10.5880/pik.2017.010");
        assertThat(pik.creators()).hasSize(40);
        assertThat(pik.creators().stream().filter(p -> p.orcid() != null)).hasSize(21);
        assertThat(pik.creators().get(0).orcid().value()).isEqualTo("0000-0001-5973-6862");
        assertThat(pik.creators().get(2).otherIdentifiers()).containsExactly(new Identifier("Researcher.id", "P-8976-2015"));

        DoiRecord ns22 = Samples.single("datacite/xml/edge/ns0-prefixed-kernel-2.2.xml");
        assertThat(ns22.creators()).isNotEmpty();
        assertThat(ns22.titles()).isNotEmpty();
        assertThat(Samples.single("datacite/xml/edge/ns0-prefixed-kernel-3.0-namespace.xml").titles()).isNotEmpty();
        assertThat(Samples.single("datacite/xml/edge/ns0-prefixed-kernel-3.xml").creators()).isNotEmpty();
    }

    @Test
    void utf8WithBomAndUtf16AreDecoded() throws Exception {
        DoiRecord bom = Samples.single("datacite/xml/edge/utf-8-bom.xml");
        assertThat(Samples.bytes("datacite/xml/edge/utf-8-bom.xml")).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        assertThat(bom.creators()).isNotEmpty();

        // the same record re-encoded as UTF-16 (with BOM), declaration adjusted
        String text = new String(Samples.bytes("datacite/xml/official/complicated-v4.xml"), StandardCharsets.UTF_8)
                .replace("\uFEFF", "").replaceFirst("encoding=\"UTF-8\"", "encoding=\"UTF-16\"");
        byte[] utf16 = text.getBytes(StandardCharsets.UTF_16);
        ReadResult result = MetadataReader.standard().read(utf16);
        assertThat(result.format()).isEqualTo(MetadataFormat.DATACITE_XML);
        assertThat(result.records()).singleElement().usingRecursiveComparison()
                .isEqualTo(Samples.single("datacite/xml/official/complicated-v4.xml"));
        assertThat(result.records().get(0).titles().get(0).language()).isEqualTo("pl");
    }

    @Test
    void escapedTextIsUnescapedOnce() {
        DoiRecord r = Samples.single("datacite/xml/edge/escaped-text.xml");
        assertThat(r.titles().get(0).text()).isEqualTo("Some initial text<the rest of the text won't display.");
        assertThat(orcids(r.contributors())).contains("0000-0001-5393-1421");
    }

    @Test
    void threePeoplePackedIntoOneCreatorBecomeThreeCreators() {
        DoiRecord r = Samples.single("datacite/xml/edge/malformed-creator.xml");
        assertThat(r.creators()).hasSize(3);
        assertThat(r.creators()).extracting(Person::position).containsExactly(0, 1, 2);
        assertThat(r.creators()).allSatisfy(p -> assertThat(p.familyName()).isNotNull());
        assertThat(r.titles()).extracting(Title::type)
                .contains(Title.TitleType.MAIN, Title.TitleType.SUBTITLE, Title.TitleType.TRANSLATED);
    }

    @Test
    void missingCreatorsAndOrganisationalOnlyRecordsHaveNoPeopleToPush() {
        assertThat(Samples.single("datacite/xml/edge/missing-creators.xml").creators()).isEmpty();
        assertThat(Samples.single("datacite/xml/edge/gtex-whitespace-organizational.xml").creators())
                .allSatisfy(p -> assertThat(p.orcid()).isNull());
    }

    @Test
    void doiGivenAsUrlIsNormalized() {
        DoiRecord r = Samples.single("datacite/xml/edge/nist-kernel-3-doi-url-identifier.xml");
        assertThat(r.doi().value()).startsWith("10.").doesNotContain("doi.org");
        assertThat(r.creators()).extracting(Person::nameType).contains(Person.NameType.PERSONAL);
    }

    @Test
    void relatedItemIsTheContainerWithVolumeIssueAndPages() {
        DoiRecord r = Samples.single("datacite/xml/official/relateditem1-journalarticle-v4.xml");
        assertThat(r.container().type()).isEqualTo("journal");
        assertThat(r.container().title()).isNotBlank();
        assertThat(r.container().identifiers()).extracting(Identifier::type).contains("ISSN");
        assertThat(r.container().volume()).isNotBlank();
        assertThat(r.container().firstPage()).isNotBlank();
    }

    @Test
    void bigRecordIsReadAndItsPolygonsSkipped() {
        DoiRecord r = Samples.single("datacite/xml/edge/large-file-2.6MB-dans-polygons.xml");
        assertThat(r.doi().value()).isEqualTo("10.14454/dans-xcy-enug");
        assertThat(r.creators()).hasSize(1);
    }

    @Test
    void kernel2And3LegacyNamespacesAreRead() {
        DoiRecord k21 = Samples.single("datacite/xml/from-api/10.4230_lipics.tqc.2013.93_kernel-2.1.xml");
        assertThat(k21.doi().value()).isEqualTo("10.4230/lipics.tqc.2013.93");
        assertThat(k21.creators()).isNotEmpty();
        DoiRecord k3 = Samples.single("datacite/xml/from-api/10.3204_desy-2014-01645_kernel-3.xml");
        assertThat(k3.contributors()).filteredOn(p -> p.orcid() != null).singleElement()
                .satisfies(p -> assertThat(p.roles()).containsExactly("Supervisor"));
    }

    @Test
    void ancientAndRangeDatesKeepTheRawValue() {
        DoiRecord r = Samples.single("datacite/xml/official/ancientdates-v4.xml");
        assertThat(r.dates()).isNotEmpty().allSatisfy(d -> assertThat(d.raw()).isNotBlank());
        assertThat(r.dates()).anySatisfy(d -> assertThat(d.date()).isNull());
    }

    @Test
    void kernel3FundersBecomeFundingReferencesNotPeople() {
        String xml = "<resource xmlns=\"http://datacite.org/schema/kernel-3\">"
                + "<identifier identifierType=\"DOI\">10.5072/K3</identifier><titles><title>T</title></titles>"
                + "<contributors><contributor contributorType=\"Funder\"><contributorName>European Commission</contributorName>"
                + "<nameIdentifier nameIdentifierScheme=\"FundRef\">http://doi.org/10.13039/501100000780</nameIdentifier>"
                + "</contributor><contributor contributorType=\"Editor\"><contributorName>Doe, Jane</contributorName>"
                + "</contributor></contributors></resource>";
        DoiRecord r = MetadataReader.standard().read(xml.getBytes(StandardCharsets.UTF_8)).records().get(0);
        assertThat(r.fundingReferences()).containsExactly(new FundingReference("European Commission",
                new Identifier("FundRef", "http://doi.org/10.13039/501100000780"), null, null, null));
        assertThat(r.contributors()).extracting(Person::name, Person::position).containsExactly(tuple("Doe, Jane", 0));
    }

    @Test
    void jsonWithAByteOrderMarkIsRead() {
        byte[] json = "\uFEFF{\"data\":{\"id\":\"10.5072/bom\",\"type\":\"dois\",\"attributes\":{}}}"
                .getBytes(StandardCharsets.UTF_8);
        ReadResult result = MetadataReader.standard().read(json);
        assertThat(result.errors()).isEmpty();
        assertThat(result.records()).extracting(x -> x.doi().value()).containsExactly("10.5072/bom");
    }
}
