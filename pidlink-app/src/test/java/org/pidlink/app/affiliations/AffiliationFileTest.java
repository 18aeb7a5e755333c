package org.pidlink.app.affiliations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pidlink.core.affiliation.AffiliationKind;
import org.pidlink.orcid.client.OrganizationIdSource;
import org.pidlink.orcid.client.PartialDate;

/** Reading and validating affiliation files: the sample, every bad row kind, the parsers' limits. */
class AffiliationFileTest {

    private static final String HEADER = "orcid,email,name,person_id,local_key,type,organization,city,region,country,"
            + "org_id,org_id_source,department,role,start_date,end_date,url,external_ids\n";
    private static final String GOOD = ",ana@example.edu,Ana,P-1,K-1,employment,Boston University,Boston,MA,US,"
            + "05qwgg493,ROR,Physics,Professor,2019-09,,,\n";

    private final AffiliationFileReader reader = new AffiliationFileReader(100_000, 50);
    private final RowValidator validator = new RowValidator();

    private List<AffiliationRow> csv(String text) {
        return validator.validate(reader.read(text.getBytes(StandardCharsets.UTF_8), false));
    }

    private List<RowError> refused(String text, boolean json) {
        try {
            validator.validate(reader.read(text.getBytes(StandardCharsets.UTF_8), json));
        } catch (FileRefused e) {
            return e.errors();
        }
        throw new AssertionError("the file was accepted: " + text);
    }

    @Test
    void theDocumentedSampleIsValid() throws Exception {
        byte[] sample = Files.readAllBytes(Path.of("../docs/affiliations-sample.csv"));
        List<AffiliationRow> rows = validator.validate(reader.read(sample, false));
        assertThat(rows).hasSize(4);
        AffiliationRow first = rows.getFirst();
        assertThat(first.line()).isEqualTo(2);
        assertThat(first.affiliation().kind()).isEqualTo(AffiliationKind.EMPLOYMENT);
        assertThat(first.affiliation().organization().disambiguated().source()).isEqualTo(OrganizationIdSource.ROR);
        assertThat(first.affiliation().startDate()).isEqualTo(PartialDate.of(2019, 9));
        assertThat(rows.get(1).fields()).containsEntry("org_id", "https://ror.org/05qwgg493");
        assertThat(rows.stream().map(r -> r.person().key()).distinct()).hasSize(3);
    }

    @Test
    void theTemplateIsValid() throws Exception {
        try (var in = getClass().getResourceAsStream("/affiliations/template.csv")) {
            assertThat(validator.validate(reader.read(in.readAllBytes(), false))).hasSize(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing org id        | ,ana@example.edu,Ana,P-1,K-1,employment,Boston University,Boston,MA,US,,,,,2019,,,                    | org_id        | missing organization id
            unknown type          | ,ana@example.edu,Ana,P-1,K-1,sabbatical,Boston University,Boston,MA,US,05qwgg493,ROR,,,2019,,,       | type          | unknown affiliation type 'sabbatical'
            bad date              | ,ana@example.edu,Ana,P-1,K-1,employment,Boston University,Boston,MA,US,05qwgg493,ROR,,,2019-13-01,,, | start_date    | bad date
            end before start      | ,ana@example.edu,Ana,P-1,K-1,employment,Boston University,Boston,MA,US,05qwgg493,ROR,,,2020-05,2019,, | end_date      | before the start date
            bad iD checksum       | 0000-0002-1825-0098,,Ana,P-1,K-1,employment,Boston University,Boston,MA,US,05qwgg493,ROR,,,,,,      | orcid         | bad checksum
            unknown country       | ,ana@example.edu,Ana,P-1,K-1,employment,Boston University,Boston,MA,ZZ,05qwgg493,ROR,,,,,,           | country       | unknown country code 'ZZ'
            no iD and no e-mail   | ,,Ana,P-1,K-1,employment,Boston University,Boston,MA,US,05qwgg493,ROR,,,,,,                          | email         | ORCID iD or e-mail
            bad ROR id            | ,ana@example.edu,Ana,P-1,K-1,employment,Boston University,Boston,MA,US,05qwgg494,ROR,,,,,,           | org_id        | ror
            unknown id source     | ,ana@example.edu,Ana,P-1,K-1,employment,Boston University,Boston,MA,US,05qwgg493,WIKIDATA,,,,,,      | org_id_source | WIKIDATA
            employment needs city | ,ana@example.edu,Ana,P-1,K-1,employment,Boston University,,MA,US,05qwgg493,ROR,,,,,,                 | city          | city and country
            bad external id       | ,ana@example.edu,Ana,P-1,K-1,employment,Boston University,Boston,MA,US,05qwgg493,ROR,,,,,,nocolon    | external_ids  | type:value
            """)
    void everyBadRowKindIsRefusedWithItsLineColumnAndMessage(String kind, String row, String column, String message) {
        List<RowError> errors = refused(HEADER + GOOD.replace("K-1", "K-0") + row.strip() + "\n", false);
        assertThat(errors).as(kind).anySatisfy(e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.column()).isEqualTo(column);
            assertThat(e.message()).containsIgnoringCase(message);
        });
        assertThat(errors).as("the good row has no error").noneMatch(e -> e.line() == 2);
    }

    @Test
    void aTooLongFieldIsRefusedWithItsColumn() {
        String role = "R".repeat(4001);
        List<RowError> errors = refused(HEADER + GOOD.replace("Professor", role), false);
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.column()).isEqualTo("role");
            assertThat(e.message()).contains("too long: 4001 characters, at most 4000");
        });
    }

    @Test
    void oneBadRowRefusesTheWholeFileAndEveryErrorIsReported() {
        List<RowError> errors = refused(HEADER + GOOD
                + ",b@example.edu,B,P-2,K-2,employment,Boston University,Boston,MA,ZZ,,,,,,,,\n"
                + GOOD.replace("K-1", "K-3").replace("2019-09", "yesterday"), false);
        assertThat(errors).extracting(RowError::line, RowError::column)
                .contains(org.assertj.core.groups.Tuple.tuple(3, "country"), org.assertj.core.groups.Tuple.tuple(3, "org_id"),
                        org.assertj.core.groups.Tuple.tuple(4, "start_date"));
    }

    @Test
    void duplicateLocalKeysAreRefused() {
        assertThat(refused(HEADER + GOOD + GOOD, false)).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.message()).contains("already used on line 2");
        });
    }

    @Test
    void quotedValuesMayHoldCommasQuotesAndLineBreaksAndLinesAreCountedInThem() {
        List<AffiliationRow> rows = csv(HEADER
                + ",a@example.edu,Ana,P-1,K-1,employment,\"Boston University, \"\"BU\"\"\",Boston,MA,US,05qwgg493,ROR,\"Physics\nand Astronomy\",,,,,\r\n"
                + GOOD.replace("K-1", "K-2"));
        assertThat(rows.getFirst().affiliation().organization().name()).isEqualTo("Boston University, \"BU\"");
        assertThat(rows.get(1).line()).isEqualTo(4);
    }

    @Test
    void unknownColumnsAndUnterminatedQuotesAreRefused() {
        assertThat(refused("local_key,colour\nK-1,red\n", false)).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("unknown column 'colour'"));
        assertThat(refused(HEADER + ",a@example.edu,\"Ana,P-1\n", false)).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("never ends"));
    }

    @Test
    void limitsAreEnforcedBeforeValidation() {
        assertThat(refused(HEADER + GOOD.repeat(51), false)).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("at most 50"));
        AffiliationFileReader small = new AffiliationFileReader(100, 50);
        assertThatThrownBy(() -> small.read((HEADER + GOOD).getBytes(StandardCharsets.UTF_8), false))
                .isInstanceOf(FileRefused.class).hasMessageContaining("at most 100");
        assertThat(refused(HEADER + GOOD.replace("Physics", "x".repeat(10_001)), false)).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("longer than 10000"));
        assertThat(refused("[" + "{\"a\":".repeat(20) + "1" + "}".repeat(20) + "]", true)).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("malformed JSON"));
        assertThat(refused(new String(new byte[] {'k', ',', (byte) 0xC3}, StandardCharsets.ISO_8859_1), false))
                .isNotEmpty();
    }

    @Test
    void jsonRowsAreValidatedWithTheirLines() {
        String json = """
                {"affiliations": [
                  {"email": "ana@example.edu", "local_key": "K-1", "type": "Invited position",
                   "organization": "Boston University", "country": "US", "org_id": "05qwgg493",
                   "external_ids": ["grant_number:4711"]},
                  {"email": "ana@example.edu", "local_key": "K-2", "type": "employment",
                   "organization": "Boston University", "city": "Boston", "country": "US", "org_id": "05qwgg493",
                   "start_date": "2020-02-30"}
                ]}""";
        List<RowError> errors = refused(json, true);
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(5);
            assertThat(e.column()).isEqualTo("start_date");
        });
        assertThat(refused(json + " []", true)).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("content after the end"));
        List<AffiliationRow> rows = validator.validate(reader.read(json.replace("2020-02-30", "2020-02-29")
                .getBytes(StandardCharsets.UTF_8), true));
        assertThat(rows.getFirst().affiliation().kind()).isEqualTo(AffiliationKind.INVITED_POSITION);
        assertThat(rows.getFirst().affiliation().externalIds()).singleElement()
                .satisfies(id -> assertThat(id.type()).isEqualTo("grant_number"));
    }

    @Test
    void theContentHashIgnoresThePersonAndFollowsTheAffiliation() {
        AffiliationRow a = csv(HEADER + GOOD).getFirst();
        AffiliationRow b = csv(HEADER + GOOD.replace(",Ana,", ",Ana Lima,")).getFirst();
        AffiliationRow c = csv(HEADER + GOOD.replace("2019-09,", "2019-09,2025-06")).getFirst();
        assertThat(a.contentHash()).isEqualTo(b.contentHash()).isNotEqualTo(c.contentHash());
    }
}
