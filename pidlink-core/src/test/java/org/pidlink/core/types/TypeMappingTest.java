package org.pidlink.core.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pidlink.core.metadata.ResourceType;
import org.pidlink.core.types.TypeMappingCsvException.LineError;

class TypeMappingTest {

    private final TypeMapping defaults = TypeMapping.defaults();

    @ParameterizedTest
    @CsvSource(nullValues = "NONE", value = {
        "datacite, Dataset, NONE, data-set",
        "datacite, dataset, NONE, data-set",
        "datacite, Audiovisual, Video, moving-image",
        "datacite, Image, NONE, image",
        "datacite, Sound, NONE, sound",
        "datacite, Presentation, NONE, conference-presentation",
        "datacite, ConferenceProceeding, NONE, conference-proceedings",
        "datacite, InteractiveResource, NONE, online-resource",
        "datacite, Text, Journal Article, journal-article",
        "datacite, Text, journal-article, journal-article",
        "datacite, Text, JOURNALARTICLE, journal-article",
        "datacite, Text, Doctoral thesis, dissertation-thesis",
        "datacite, Text, Text/Report, report",
        "datacite, Text, Conference Paper, conference-paper",
        "datacite, Text, Something Else, other",
        "datacite, Text, NONE, other",
        "datacite, Collection, Report, report",
        "datacite, Collection, Collection of Datasets, other",
        "datacite, Software, Computational Notebook, software",
        "datacite, Hologram, NONE, other",
        "crossref, journal-article, NONE, journal-article",
        "crossref, proceedings-article, NONE, conference-paper",
        "crossref, posted-content, preprint, preprint",
        "crossref, posted-content, letter, other",
        "crossref, reference-entry, NONE, encyclopedia-entry",
        "crossref, dissertation, NONE, dissertation-thesis",
        "crossref, book_chapter, NONE, book-chapter",
        "other-agency, journal-article, NONE, other"})
    void mapsDataCiteAndCrossrefTypesToOrcidTypes(String scheme, String general, String text, String expected) {
        assertThat(defaults.orcidType(new ResourceType(scheme, general, text))).isEqualTo(expected);
    }

    @Test
    void missingTypesAreOther() {
        assertThat(defaults.orcidType(null)).isEqualTo("other");
        assertThat(defaults.orcidType(new ResourceType("datacite", null, "Article"))).isEqualTo("other");
    }

    @Test
    void everyDefaultTargetIsAnOrcidType() {
        assertThat(defaults.rows()).isNotEmpty();
        assertThat(defaults.rows().values()).allMatch(OrcidWorkTypes::isValid);
    }

    @Test
    void exportedCsvReadsBackToTheSameMapping() {
        String csv = defaults.toCsv();
        assertThat(csv).contains(TypeMapping.HEADER + "\n").contains("datacite:Text/Journal Article,journal-article\n");
        TypeMapping back = TypeMapping.parseCsv(new StringReader(csv));
        assertThat(back).isEqualTo(defaults);
        assertThat(back.toCsv()).isEqualTo(csv);
    }

    @Test
    void anUploadReplacesTheWholeTable() {
        TypeMapping custom = TypeMapping.parseCsv(new StringReader("""
                \uFEFFsource-type,orcid-type
                # our repository calls everything a dataset
                datacite:Dataset,research-tool
                "datacite:Text/Report, annual",report
                """));
        assertThat(custom.orcidType(new ResourceType("datacite", "Dataset", null))).isEqualTo("research-tool");
        assertThat(custom.orcidType(new ResourceType("datacite", "Text", "Report, Annual"))).isEqualTo("report");
        assertThat(custom.orcidType(new ResourceType("datacite", "Software", null)))
                .as("rows not in the upload are gone").isEqualTo("other");
        assertThat(custom.toCsv()).contains("\"datacite:Text/Report, annual\",report");
        assertThat(TypeMapping.parseCsv(new StringReader(custom.toCsv()))).isEqualTo(custom);
    }

    @Test
    void everyBadLineIsReportedByItsNumber() {
        String csv = """
                source-type,orcid-type
                datacite:Dataset,data-set
                datacite:Dataset,dataset
                Dataset,data-set
                figshare:Figure,image
                crossref:journal-article
                crossref:,other
                "crossref:book,book
                datacite:Image,picture
                DataCite:DATASET,data-set
                crossref:book,book,extra
                """;
        assertThatThrownBy(() -> TypeMapping.parseCsv(new StringReader(csv)))
                .isInstanceOfSatisfying(TypeMappingCsvException.class, e -> {
                    assertThat(e.errors()).extracting(LineError::line)
                            .containsExactly(3, 3, 4, 5, 6, 7, 8, 9, 10, 11);
                    assertThat(e.errors().get(0).message()).contains("did you mean \"data-set\"");
                    assertThat(e.errors().get(1).message()).contains("already mapped on line 2");
                    assertThat(e.errors().get(2).message()).contains("no scheme");
                    assertThat(e.errors().get(3).message()).contains("unknown scheme \"figshare\"");
                    assertThat(e.errors().get(4).message()).contains("expected 2 fields");
                    assertThat(e.errors().get(5).message()).contains("no type");
                    assertThat(e.errors().get(6).message()).contains("not closed");
                    assertThat(e.errors().get(7).message()).contains("\"picture\" is not an ORCID work type");
                    assertThat(e.errors().get(8).message()).contains("already mapped on line 2");
                    assertThat(e.errors().get(8).content()).isEqualTo("DataCite:DATASET,data-set");
                    assertThat(e.getMessage()).contains("line 9: \"picture\" is not an ORCID work type");
                });
    }

    @Test
    void aFileWithoutHeaderOrRowsIsRefused() {
        assertThatThrownBy(() -> TypeMapping.parseCsv(new StringReader("")))
                .isInstanceOfSatisfying(TypeMappingCsvException.class,
                        e -> assertThat(e.errors()).extracting(LineError::message)
                                .allMatch(m -> m.contains("empty")));
        assertThatThrownBy(() -> TypeMapping.parseCsv(new StringReader("datacite:Dataset,data-set\n")))
                .isInstanceOfSatisfying(TypeMappingCsvException.class,
                        e -> assertThat(e.errors()).containsExactly(new LineError(1, "datacite:Dataset,data-set",
                                "the first line must be the header \"source-type,orcid-type\"")));
        assertThatThrownBy(() -> TypeMapping.parseCsv(new StringReader("source-type,orcid-type\n# nothing\n")))
                .isInstanceOf(TypeMappingCsvException.class).hasMessageContaining("no mappings");
    }

    @Test
    void csvFieldsFollowRfc4180Quoting() {
        assertThat(CsvLine.split("a,\"b,c\",\"d\"\"e\"")).isEqualTo(List.of("a", "b,c", "d\"e"));
        assertThat(CsvLine.quote("x\"y")).isEqualTo("\"x\"\"y\"");
        assertThat(CsvLine.quote("plain")).isEqualTo("plain");
    }
}
