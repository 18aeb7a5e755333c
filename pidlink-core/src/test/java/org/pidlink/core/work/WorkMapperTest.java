package org.pidlink.core.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pidlink.core.work.Records.organization;
import static org.pidlink.core.work.Records.person;
import static org.pidlink.core.work.Records.record;
import static org.pidlink.core.work.WorkAssertions.assertValidForOrcid;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.pidlink.core.identifiers.OrcidId;
import org.pidlink.core.metadata.Container;
import org.pidlink.core.metadata.DoiRecord;
import org.pidlink.core.metadata.Identifier;
import org.pidlink.core.metadata.MetadataFormat;
import org.pidlink.core.metadata.Title.TitleType;
import org.pidlink.core.types.TypeMapping;
import org.pidlink.core.work.WorkContributor.Sequence;

class WorkMapperTest {

    private final WorkMapper mapper = WorkMapper.standard();

    /** Every work a test makes is also checked against ORCID's schema, in XML and in JSON. */
    private OrcidWork mapped(DoiRecord record) {
        OrcidWork work = mapper.map(record);
        assertValidForOrcid(work);
        return work;
    }

    private OrcidWork mapped(DoiRecord record, OrcidId researcher) {
        OrcidWork work = mapper.map(record, researcher);
        assertValidForOrcid(work);
        return work;
    }

    private static Records article() {
        return record().doi("https://doi.org/10.5555/JOURNAL.Article-1")
                .format(MetadataFormat.CROSSREF_XML)
                .type("crossref", "journal-article", null)
                .title("Ocean heat content & <sea> level")
                .title("A global view", TitleType.SUBTITLE, null)
                .title("Contenu thermique des océans", TitleType.TRANSLATED, "fr-FR")
                .creator(person("Jones", "Ann", "0000-0002-1825-0097", "author"))
                .creator(person("Müller", "Jörg", null, "author"))
                .contributor(person("Editor", "Eve", "0000-0001-5109-3700", "editor"))
                .publisher("Example Publisher")
                .container(new Container("Journal of Examples", "journal",
                        List.of(new Identifier("ISSN", "1234-567x"), new Identifier("eISSN", "2049 3630")),
                        "12", "3", "100", "110"))
                .date("published-online", 2020, 11, 15)
                .date("published-print", 2021, 3, null)
                .date("issued", 2020, 11, 15)
                .description("We measure the heat.", "Abstract")
                .language("eng")
                .funding("Example Foundation", "EF-123", "https://example.org/grants/EF-123");
    }

    @Test
    void mapsAJournalArticleWithEveryField() {
        OrcidWork work = mapped(article().build());

        assertThat(work.title()).isEqualTo(new WorkTitle("Ocean heat content & <sea> level", "A global view",
                new WorkTitle.TranslatedTitle("Contenu thermique des océans", "fr")));
        assertThat(work.journalTitle()).isEqualTo("Journal of Examples");
        assertThat(work.shortDescription()).isEqualTo("We measure the heat.");
        assertThat(work.type()).isEqualTo("journal-article");
        assertThat(work.publicationDate()).isEqualTo(new PublicationDate(2020, 11, 15));
        assertThat(work.languageCode()).isEqualTo("en");
        assertThat(work.url()).isEqualTo("https://doi.org/10.5555/journal.article-1");
        assertThat(work.externalIds()).containsExactly(
                new ExternalId("doi", "10.5555/journal.article-1", "https://doi.org/10.5555/journal.article-1",
                        Relationship.SELF),
                new ExternalId("issn", "1234-567X", null, Relationship.PART_OF),
                new ExternalId("issn", "2049-3630", null, Relationship.PART_OF),
                new ExternalId("grant_number", "EF-123", "https://example.org/grants/EF-123",
                        Relationship.FUNDED_BY));
        assertThat(work.contributors()).containsExactly(
                new WorkContributor(WorkContributor.ContributorOrcid.of(OrcidId.parse("0000-0002-1825-0097")),
                        "Ann Jones", Sequence.FIRST, "author"),
                new WorkContributor(null, "Jörg Müller", Sequence.ADDITIONAL, "author"),
                new WorkContributor(WorkContributor.ContributorOrcid.of(OrcidId.parse("0000-0001-5109-3700")),
                        "Eve Editor", null, "editor"));
        assertThat(work.citation().type()).isEqualTo("bibtex");
        assertThat(work.citation().value()).isEqualTo("""
                @article{jones2020,
                  title = {Ocean heat content \\& <sea> level},
                  author = {Jones, Ann and Müller, Jörg},
                  journal = {Journal of Examples},
                  year = {2020},
                  month = nov,
                  volume = {12},
                  number = {3},
                  pages = {100--110},
                  publisher = {Example Publisher},
                  doi = {10.5555/journal.article-1},
                  url = {https://doi.org/10.5555/journal.article-1}
                }""");
        assertValidForOrcid(work);
    }

    @Test
    void journalTitleIsTheContainerNeverThePublisher() {
        OrcidWork work = mapped(record().title("Data").publisher("Zenodo").build());
        assertThat(work.journalTitle()).isNull();
        assertValidForOrcid(work);
    }

    @Test
    void aRecordWithoutTitleCannotBeMapped() {
        DoiRecord untitled = record().title("   ").build();
        assertThatThrownBy(() -> mapper.map(untitled)).isInstanceOf(InvalidWorkException.class)
                .hasMessageContaining("no title").hasMessageContaining("9022");
    }

    @Test
    void anAlternativeTitleServesWhenThereIsNoMainTitle() {
        OrcidWork work = mapped(record().title("Only alternative", TitleType.ALTERNATIVE, null).build());
        assertThat(work.title().title()).isEqualTo("Only alternative");
    }

    @Test
    void longTextsAreCutAtAWordBoundaryWithinOrcidLimits() {
        String longTitle = "word ".repeat(400);
        String longAbstract = "sentence with words. ".repeat(400);
        OrcidWork work = mapped(record().title(longTitle).description(longAbstract, "Abstract")
                .creator(person("X".repeat(100), "Y".repeat(100), null)).build());
        assertThat(work.title().title()).hasSizeLessThanOrEqualTo(1000).endsWith("word…");
        assertThat(work.shortDescription()).hasSizeLessThanOrEqualTo(5000).endsWith("…")
                .doesNotContain("  ");
        assertThat(work.contributors().get(0).creditName()).hasSizeLessThanOrEqualTo(150);
        assertValidForOrcid(work);
    }

    @Test
    void controlCharactersAndSurrogatesThatXmlCannotCarryAreDropped() {
        OrcidWork work = mapped(record().title("Bad\u0001 title\uD800 here \uD83D\uDE00").build());
        assertThat(work.title().title()).isEqualTo("Bad title here \uD83D\uDE00");
        assertValidForOrcid(work);
    }

    @Test
    void theEarliestIssuedDateWinsAndIsAsPreciseAsTheSourcesAllow() {
        assertThat(mapped(record().title("t").year(2020).date("Issued", 2020, 5, 3).build())
                .publicationDate()).isEqualTo(new PublicationDate(2020, 5, 3));
        assertThat(mapped(record().title("t").year(2019).date("Issued", 2020, 5, 3).build())
                .publicationDate()).isEqualTo(new PublicationDate(2019, null, null));
        assertThat(mapped(record().title("t").date("published-print", 2021, 3, null)
                .date("published-online", 2020, 12, 1).build()).publicationDate())
                .isEqualTo(new PublicationDate(2020, 12, 1));
        assertThat(mapped(record().title("t").year(2020).date("Created", 2010, 1, 1).build())
                .publicationDate()).as("only dates of issue count").isEqualTo(new PublicationDate(2020, null, null));
    }

    @Test
    void datesOrcidWouldRefuseAreDroppedOrCutDown() {
        assertThat(mapped(record().title("t").year(1850).build()).publicationDate()).isNull();
        assertThat(mapped(record().title("t").year(2300).build()).publicationDate()).isNull();
        assertThat(mapped(record().title("t").date("Issued", 2021, 2, 30).build()).publicationDate())
                .isEqualTo(new PublicationDate(2021, 2, null));
        assertThat(mapped(record().title("t").year(1850).date("Issued", 1999, 1, 1).build())
                .publicationDate()).isEqualTo(new PublicationDate(1999, 1, 1));
        assertValidForOrcid(mapped(record().title("t").date("Issued", 2021, 2, 30).build()));
    }

    @Test
    void versionsBecomeVersionOfAndOnlyIdentifiersOrcidKnowsAreKept() {
        OrcidWork work = mapped(record().title("Software v2")
                .type("datacite", "Software", null)
                .identifier("DOI", "10.5555/EXAMPLE.1")
                .identifier("arXiv", "arXiv:2101.00001")
                .identifier("IGSN", "IEXXX0001")
                .identifier("ISBN", "not an isbn")
                .identifier("URL", "https://repo.example.org/records/1")
                .related("DOI", "doi:10.5555/concept", "IsVersionOf")
                .related("DOI", "https://doi.org/10.5555/concept", "IsNewVersionOf")
                .related("ISSN", "0077-5606", "IsVersionOf")
                .related("URL", "https://github.com/example/repo/tree/v2", "IsSupplementTo")
                .related("DOI", "10.5555/cited", "Cites")
                .related("ISSN", "0317-8471", "IsPublishedIn")
                .related("DOI", "10.5555/collection", "IsPartOf")
                .build());
        assertThat(work.externalIds()).extracting(id -> id.type() + " " + id.value() + " " + id.relationship())
                .containsExactly(
                        "doi 10.5555/example.1 SELF",
                        "arxiv arXiv:2101.00001 SELF",
                        "uri https://repo.example.org/records/1 SELF",
                        "doi 10.5555/concept VERSION_OF",
                        "issn 0317-8471 PART_OF",
                        "doi 10.5555/collection PART_OF");
        assertValidForOrcid(work);
    }

    @Test
    void awardsBecomeFundedByIdentifiers() {
        OrcidWork work = mapped(record().title("t")
                .funding("EC", "654321", null)
                .funding("NSF", null, "https://doi.org/10.13039/grant.1")
                .funding("Wellcome", null, "https://wellcome.example/awards/9")
                .funding("Nobody", null, null)
                .funding("Dup", "654321", null)
                .build());
        assertThat(work.externalIds()).extracting(id -> id.type() + " " + id.value() + " " + id.relationship())
                .containsExactly("doi 10.5555/example.1 SELF",
                        "grant_number 654321 FUNDED_BY",
                        "doi 10.13039/grant.1 FUNDED_BY",
                        "uri https://wellcome.example/awards/9 FUNDED_BY");
        assertValidForOrcid(work);
    }

    @Test
    void contributorRolesFollowOrcidsVocabulary() {
        OrcidWork work = mapped(record().title("t")
                .creator(organization("The Consortium"))
                .creator(person("Doe", "Jo", null))
                .contributor(person("Cur", "Ator", null, "DataCurator"))
                .contributor(person("Con", "Tact", null, "ContactPerson"))
                .contributor(person("Trans", "Lator", null, "Translator"))
                .contributor(person("Cre", "Dit", null, "https://credit.niso.org/contributor-roles/methodology"))
                .contributor(person("Sup", "Er", null, "Supervisor"))
                .build());
        assertThat(work.contributors()).extracting(c -> c.creditName() + " | " + c.sequence() + " | " + c.role())
                .containsExactly(
                        "The Consortium | FIRST | author",
                        "Jo Doe | ADDITIONAL | author",
                        "Ator Cur | null | http://credit.niso.org/contributor-roles/data-curation/",
                        "Lator Trans | null | chair-or-translator",
                        "Dit Cre | null | http://credit.niso.org/contributor-roles/methodology/",
                        "Er Sup | null | http://credit.niso.org/contributor-roles/supervision/");
        assertValidForOrcid(work);
    }

    @Test
    void aLargeCollaborationKeepsItsWholeAuthorListWithTheResearcherInIt() {
        Records many = record().title("Big collaboration");
        for (int i = 0; i < 3000; i++) {
            many.creator(person("Author" + i, "A", null));
        }
        String researcher = "0000-0002-1825-0097";
        many.creator(person("Late", "Researcher", researcher));
        DoiRecord big = many.build();

        // ORCID sets no limit on a work's contributors: the author list is the DOI's, as the researcher expects.
        OrcidWork forResearcher = mapped(big, OrcidId.parse(researcher));
        assertThat(forResearcher.contributors()).hasSize(3001);
        WorkContributor last = forResearcher.contributors().get(3000);
        assertThat(last.orcid().path()).isEqualTo(researcher);
        assertThat(last.sequence()).isEqualTo(Sequence.ADDITIONAL);
        assertThat(forResearcher.citation().value()).as("the citation names the first authors")
                .contains(" and others");
        assertValidForOrcid(forResearcher);
    }

    @Test
    void beyondTheCapEveryResearcherTheWorkIsWrittenForIsStillListed() {
        Records many = record().title("Bigger than the cap");
        for (int i = 0; i < 30; i++) {
            many.creator(person("Author" + i, "A", null));
        }
        OrcidId late = OrcidId.parse("0000-0002-1825-0097");
        OrcidId contact = OrcidId.parse("0000-0001-5109-3700");
        many.creator(person("Late", "Researcher", late.value()));
        many.contributor(person("Contact", "Person", contact.value(), "ContactPerson"));
        DoiRecord big = many.build();
        WorkMapper capped = new WorkMapper(TypeMapping.defaults(), new WorkMapper.Settings(10, "orcid.org"));

        assertThat(capped.map(big).contributors()).hasSize(10);
        // One work for both researchers (the same payload for everyone a record names), each on it.
        OrcidWork shared = capped.map(big, Set.of(late, contact));
        assertThat(shared.contributors()).hasSize(12);
        assertThat(shared.contributors().subList(10, 12)).extracting(c -> c.orcid().path())
                .containsExactly(late.value(), contact.value());
        assertThat(shared.contributors().subList(0, 10)).extracting(WorkContributor::creditName)
                .as("the first ten in metadata order").startsWith("A Author0", "A Author1");
    }

    @Test
    void aResearcherWhoIsOnlyAnUnmappedContributorIsStillListed() {
        String researcher = "0000-0002-1825-0097";
        DoiRecord r = record().title("t").creator(person("A", "B", null))
                .contributor(person("Contact", "Person", researcher, "ContactPerson")).build();
        assertThat(mapped(r).contributors()).hasSize(1);
        OrcidWork work = mapped(r, OrcidId.parse(researcher));
        assertThat(work.contributors()).hasSize(2);
        assertThat(work.contributors().get(1).role()).isNull();
        assertValidForOrcid(work);
    }

    @Test
    void sandboxHostIsUsedForContributorIdsWhenConfigured() {
        WorkMapper sandbox = new WorkMapper(TypeMapping.defaults(), new WorkMapper.Settings(10, "sandbox.orcid.org"));
        OrcidWork work = sandbox.map(article().build());
        assertThat(work.contributors().get(0).orcid().uri()).isEqualTo("https://sandbox.orcid.org/0000-0002-1825-0097");
        assertValidForOrcid(work);
    }

    @Test
    void languagesAreTranslatedToOrcidCodesOrLeftOut() {
        assertThat(mapped(record().title("t").language("de-DE").build()).languageCode()).isEqualTo("de");
        assertThat(mapped(record().title("t").language("ger").build()).languageCode()).isEqualTo("de");
        assertThat(mapped(record().title("t").language("he").build()).languageCode()).isEqualTo("iw");
        assertThat(mapped(record().title("t").language("zh-Hant").build()).languageCode()).isEqualTo("zh_TW");
        assertThat(mapped(record().title("t").language("English").build()).languageCode()).isEqualTo("en");
        assertThat(mapped(record().title("t").language("klingon").build()).languageCode()).isNull();
        DoiRecord noLanguage = record().title("t").title("Titel", TitleType.TRANSLATED, null).build();
        assertThat(mapped(noLanguage).title().translatedTitle()).as("a translated title needs its language")
                .isNull();
    }

    @Test
    void doisWithCharactersUrisCannotHoldGetAnEncodedUrl() {
        OrcidWork work = mapped(record().doi("10.1002/(SICI)1097-4636(199706)35:4<513::AID-JBM13>3.0.CO;2-X")
                .title("Old DOI").build());
        assertThat(work.externalIds().get(0).value()).isEqualTo("10.1002/(sici)1097-4636(199706)35:4<513::aid-jbm13>3.0.co;2-x");
        assertThat(work.externalIds().get(0).url()).isEqualTo(
                "https://doi.org/10.1002/(sici)1097-4636(199706)35:4%3C513::aid-jbm13%3E3.0.co;2-x");
        assertValidForOrcid(work);
    }

    @Test
    void equalMetadataGivesAnEqualCanonicalHash() {
        String a = mapped(article().build()).canonicalHash();
        String b = mapped(article().build()).canonicalHash();
        String changed = mapped(article().title("Another", TitleType.SUBTITLE, null).build()).canonicalHash();
        assertThat(a).isEqualTo(b).matches("[0-9a-f]{64}");
        assertThat(changed).as("a second subtitle is ignored, the first wins").isEqualTo(a);
        assertThat(mapped(article().language("de").build()).canonicalHash()).isNotEqualTo(a);
    }
}
