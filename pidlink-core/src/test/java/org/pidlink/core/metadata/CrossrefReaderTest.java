package org.pidlink.core.metadata;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pidlink.core.metadata.Samples.orcids;
import static org.assertj.core.api.Assertions.tuple;

class CrossrefReaderTest {

    private static DoiDate date(DoiRecord r, String type) {
        return r.dates().stream().filter(d -> d.type().equals(type)).findFirst().orElseThrow();
    }

    @Test
    void unixsdJournalArticleWithUnauthenticatedHttpOrcidsAndMarkupInTheTitle() {
        DoiRecord r = Samples.single("crossref/unixsd/10.1098_rspb.2017.0132.xml");
        assertThat(r.format()).isEqualTo(MetadataFormat.CROSSREF_UNIXSD);
        assertThat(r.state()).isEqualTo(DoiState.FINDABLE);
        assertThat(r.doi().value()).isEqualTo("10.1098/rspb.2017.0132");
        assertThat(r.resourceType()).isEqualTo(new ResourceType("crossref", "journal-article", null));
        assertThat(r.titles()).singleElement().satisfies(t -> assertThat(t.text()).isEqualTo(
                "Sexual conflict and correlated evolution between male persistence and female resistance traits "
                        + "in the seed beetle Callosobruchus maculatus"));
        assertThat(orcids(r.creators())).containsExactly("0000-0003-1406-0680", null, "0000-0001-6072-3807", null,
                null, "0000-0003-0562-1474");
        assertThat(r.creators()).allSatisfy(p -> assertThat(p.roles()).containsExactly("author"));
        assertThat(r.creators().get(0).name()).isEqualTo("Liam R. Dougherty");
        assertThat(r.container()).isEqualTo(new Container("Proceedings of the Royal Society B: Biological Sciences",
                "journal", List.of(new Identifier("ISSN", "0962-8452"), new Identifier("ISSN", "1471-2954")),
                "284", "1855", "20170132", null));
        assertThat(date(r, "published-online").date()).isEqualTo(new PartialDate(2017, 5, 24));
        assertThat(date(r, "published-print").date()).isEqualTo(new PartialDate(2017, 5, 31));
        assertThat(date(r, "issued").date()).isEqualTo(new PartialDate(2017, 5, 24));
        assertThat(r.fundingReferences()).first().isEqualTo(new FundingReference("H2020 European Research Council",
                new Identifier("Crossref Funder ID", "http://dx.doi.org/10.13039/100010663"), "GENCON AdG-294333",
                null, null));
        assertThat(r.identifiers()).isEmpty(); // publisher_item repeats the record's own DOI
        assertThat(r.publisher()).isEqualTo("The Royal Society");
        assertThat(r.url()).isEqualTo("https://royalsocietypublishing.org/doi/10.1098/rspb.2017.0132");
    }

    @Test
    void unixsdBookChapterIsTheQueriedDoiWithTheBookAsContainerAndEditorsNotAuthors() {
        DoiRecord r = Samples.single("crossref/unixsd/10.1007_978-3-662-46370-3_13.xml");
        assertThat(r.doi().value()).isEqualTo("10.1007/978-3-662-46370-3_13");
        assertThat(r.resourceType().general()).isEqualTo("book-chapter");
        assertThat(r.creators()).extracting(Person::name).containsExactly("Ronald L. Diercks", "Tom Clement Ludvigsen");
        assertThat(r.container().title()).isEqualTo("Shoulder Stiffness");
        assertThat(r.container().type()).isEqualTo("book");
        assertThat(r.container().identifiers()).extracting(Identifier::type).containsOnly("ISBN");
        assertThat(r.container().firstPage()).isEqualTo("155");
        assertThat(r.publisher()).isEqualTo("Springer Berlin Heidelberg");
    }

    @Test
    void mixedHttpAndHttpsOrcidsInOneRecord() {
        DoiRecord r = Samples.single("crossref/unixsd/10.2737_rds-2018-0001.xml");
        assertThat(r.resourceType()).isEqualTo(new ResourceType("crossref", "dataset", "collection"));
        assertThat(orcids(r.creators())).containsExactly("0000-0003-2583-1778", "0000-0003-4606-044X", null, null);
        assertThat(r.container().type()).isEqualTo("database");
    }

    @Test
    void peerReviewDissertationAndComponentTypes() {
        DoiRecord review = Samples.single("crossref/unixsd/10.7554_elife.55167.sa2.xml");
        assertThat(review.resourceType()).isEqualTo(new ResourceType("crossref", "peer-review", "author-comment"));
        assertThat(orcids(review.creators())).filteredOn(o -> o != null).hasSize(4);
        assertThat(review.relatedIdentifiers()).contains(new RelatedIdentifier("DOI", "10.7554/eLife.55167", "isReviewOf", null));
        assertThat(date(review, "issued").date()).isEqualTo(new PartialDate(2020, 4, 29));

        DoiRecord thesis = Samples.single("crossref/unixsd/10.14264_uql.2020.791.xml");
        assertThat(thesis.resourceType().general()).isEqualTo("dissertation");
        assertThat(orcids(thesis.creators())).containsExactly("0000-0003-3086-4443");
        assertThat(date(thesis, "issued").date()).isEqualTo(new PartialDate(2020, 5, 25));

        DoiRecord figure = Samples.single("crossref/unixsd/10.1371_journal.pmed.0030277.g001.xml");
        assertThat(figure.resourceType().general()).isEqualTo("component");
    }

    @Test
    void invalidPrintDateKeepsWhatIsCertain() {
        DoiRecord r = Samples.single("crossref/unixsd/10.1055_s-0039-1690894.xml");
        assertThat(date(r, "published-print")).isEqualTo(new DoiDate("published-print", new PartialDate(2020, 7, null), "2020-07"));
        assertThat(orcids(r.creators())).containsExactly(null, null, "0000-0003-4415-0767", "0000-0002-3902-6799");
    }

    @Test
    void originalLanguageTitleIsTheMainTitleWhenThereIsNoOther() {
        DoiRecord r = Samples.single("crossref/unixsd/10.7600_jspfsm.56.60.xml");
        assertThat(r.titles()).containsExactly(new Title("自律神経・循環器応答", Title.TitleType.MAIN, "ja"));
    }

    @Test
    void depositWithAuthenticatedOrcidFundingAndComponents() {
        ReadResult result = Samples.read("crossref/deposit/elife-12444-journal-article-5.5.0.xml");
        assertThat(result.format()).isEqualTo(MetadataFormat.CROSSREF_XML);
        DoiRecord article = result.records().get(0);
        assertThat(article.doi().value()).isEqualTo("10.7554/elife.12444");
        assertThat(article.creators()).hasSize(13);
        assertThat(article.creators().get(12)).satisfies(p -> {
            assertThat(p.name()).isEqualTo("Kevin J Maloy");
            assertThat(p.orcid().value()).isEqualTo("0000-0001-5795-7688");
            assertThat(p.position()).isEqualTo(12);
        });
        assertThat(article.container()).isEqualTo(new Container("eLife", "journal",
                List.of(new Identifier("ISSN", "2050-084X")), "5", null, null, null));
        assertThat(article.fundingReferences()).extracting(FundingReference::funderName, FundingReference::awardNumber)
                .contains(tuple("Wellcome Trust", "Graduate Student Scholarship 097112"),
                        tuple("Medical Research Council", "MR/K011898/1"));
        assertThat(article.descriptions()).extracting(Description::type).contains("Abstract", "executive-summary");
        assertThat(result.records()).hasSize(24);
        assertThat(result.records().subList(1, 24)).allSatisfy(c -> {
            assertThat(c.resourceType().general()).isEqualTo("component");
            assertThat(c.doi().value()).startsWith("10.7554/elife.12444.");
        });
    }

    @Test
    void deposit434WithOrcidAndFundref() {
        DoiRecord r = Samples.single("crossref/deposit/crossref-rest-api-doc-full-4.3.4.xml");
        assertThat(r.doi().value()).isEqualTo("10.5555/12345678");
        assertThat(r.creators()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("Josiah Carberry");
            assertThat(p.orcid().value()).isEqualTo("0000-0002-1825-0097");
        });
        assertThat(r.container().title()).isEqualTo("Journal of Psychoceramics");
        assertThat(r.fundingReferences()).isNotEmpty();
    }

    @Test
    void peerReviewBatchAndPreprintAndPendingPublication() {
        ReadResult reviews = Samples.read("crossref/deposit/elife-12444-peer-review-5.5.0.xml");
        assertThat(reviews.records()).hasSize(4).allSatisfy(r -> assertThat(r.resourceType().general()).isEqualTo("peer-review"));
        assertThat(reviews.records()).extracting(r -> r.resourceType().text()).contains("editor-report", "author-comment");

        DoiRecord preprint = Samples.single("crossref/deposit/elife-94685-posted-content-preprint-5.5.0.xml");
        assertThat(preprint.resourceType()).isEqualTo(new ResourceType("crossref", "posted-content", "preprint"));
        assertThat(orcids(preprint.creators())).containsExactly("0000-0002-6567-4167", "0000-0003-4795-1084");
        assertThat(date(preprint, "issued").date()).isEqualTo(new PartialDate(2024, 3, 28));

        DoiRecord pending = Samples.single("crossref/deposit/elife-00666-pending-publication-5.5.0.xml");
        assertThat(pending.doi().value()).isEqualTo("10.7554/elife.00666");
        assertThat(pending.resourceType().general()).isEqualTo("pending-publication");
        assertThat(pending.container().title()).isEqualTo("eLife");
        assertThat(date(pending, "accepted").date()).isEqualTo(new PartialDate(2016, 4, 1));
    }

    @Test
    void restWorkWithRelationsAndPostedDate() {
        DoiRecord r = Samples.single("crossref/rest-json/works_10.53731_ybhah-9jy85.json");
        assertThat(r.format()).isEqualTo(MetadataFormat.CROSSREF_JSON);
        assertThat(r.resourceType()).isEqualTo(new ResourceType("crossref", "posted-content", "blog"));
        assertThat(orcids(r.creators())).containsExactly("0000-0003-1419-2405");
        assertThat(r.relatedIdentifiers()).containsExactly(
                new RelatedIdentifier("DOI", "10.53731/q5ges-cp507", "is-version-of", null),
                new RelatedIdentifier("ISSN", "2749-9952", "is-part-of", null));
        assertThat(date(r, "posted").date()).isEqualTo(new PartialDate(2023, 10, 4));
        assertThat(r.url()).isEqualTo("https://blog.front-matter.de/posts/the-rise-of-the-science-newsletter/");
    }

    @Test
    void restMonographHasItsIsbnsAsOwnIdentifiers() {
        DoiRecord r = Samples.single("crossref/rest-json/works_10.1017_9781108348843.json");
        assertThat(r.resourceType().general()).isEqualTo("monograph");
        assertThat(r.identifiers()).extracting(Identifier::value)
                .containsExactly("9781108348843", "9781108425728", "9781108443241");
        assertThat(r.container()).isNull();
    }

    @Test
    void restListWithAuthenticatedOrcidsAndAwards() {
        ReadResult result = Samples.read("crossref/rest-json/works-sample5_filter-award.funder-501100001659.json");
        assertThat(result.records()).hasSize(5);
        assertThat(result.records().stream().flatMap(r -> r.creators().stream()).filter(p -> p.orcid() != null)).hasSize(8);
        DoiRecord second = result.records().get(1);
        assertThat(second.doi().value()).isEqualTo("10.1021/acs.inorgchem.8b02763");
        assertThat(second.fundingReferences()).containsExactly(new FundingReference("Deutsche Forschungsgemeinschaft",
                new Identifier("Crossref Funder ID", "10.13039/501100001659"), "WE 3546/5-1", null, null));
        assertThat(second.container()).isEqualTo(new Container("Inorganic Chemistry", "journal",
                List.of(new Identifier("ISSN", "0020-1669"), new Identifier("ISSN", "1520-510X")), "58", "2",
                "1278", "1289"));
        assertThat(date(second, "issued").date()).isEqualTo(new PartialDate(2019, 1, 8));
    }

    @Test
    void restFundersWithoutAwardsAndEditors() {
        DoiRecord elife = Samples.single("crossref/rest-json/works_10.7554_elife.01567.json");
        assertThat(elife.fundingReferences()).hasSizeGreaterThanOrEqualTo(8);
        assertThat(elife.creators()).allSatisfy(p -> assertThat(p.orcid()).isNull());
        assertThat(elife.relatedIdentifiers()).extracting(RelatedIdentifier::relationType)
                .contains("has-review", "is-supplemented-by");
    }

    @Test
    void cslTransformIsABareWorkWithStringTitle() {
        DoiRecord r = Samples.single("crossref/rest-json/transform-csl_10.1126_science.169.3946.635.json");
        assertThat(r.doi().value()).isEqualTo("10.1126/science.169.3946.635");
        assertThat(r.titles()).first().satisfies(t -> assertThat(t.text()).isEqualTo("The Structure of Ordinary Water"));
        assertThat(r.creators().get(0).name()).isEqualTo("Henry S. Frank");
        assertThat(r.creators().get(0).affiliations()).containsExactly(
                "University of Pittsburgh, Mellon Institute of Carnegie-Mellon University");
    }

    @Test
    void nonWorkMessagesAreNotRecords() {
        ReadResult types = Samples.read("crossref/rest-json/types.json");
        assertThat(types.records()).isEmpty();
        assertThat(types.errors()).singleElement().satisfies(e -> assertThat(e.location()).isEqualTo("$.message-type"));
    }
}
